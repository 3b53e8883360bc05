// Where a goal came from: the conversation whose agreement it is ("uit het gesprek van 3 december").
import { and, eq } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import { conversationReadScope } from '../access-scopes/conversations';
import { getDb, type Db } from '../db';
import { agreement, conversation } from '../db/schema-dialog';
import { goal } from '../db/schema-portfolio';

export interface GoalOrigin {
	conversationId: number;
	/** The day of the conversation (yyyy-mm-dd). */
	on: string;
}

/** Per goal id of this student, the conversation it was agreed in (only those the viewer may read). */
export function goalOrigins(
	viewer: Viewer,
	studentId: number = viewer.userId,
	db: Db = getDb()
): Record<number, GoalOrigin> {
	const rows = db
		.select({ goalId: agreement.goalId, conversationId: conversation.id, on: conversation.plannedAt })
		.from(agreement)
		.innerJoin(goal, eq(goal.id, agreement.goalId))
		.innerJoin(conversation, eq(conversation.id, agreement.conversationId))
		.where(
			and(
				eq(agreement.studentId, studentId),
				eq(agreement.schoolId, viewer.schoolId),
				studentScope(viewer, 'goal.read', goal.studentId),
				conversationReadScope(viewer, conversation)
			)
		)
		.all();
	return Object.fromEntries(
		rows.map((r) => [r.goalId, { conversationId: r.conversationId, on: r.on.slice(0, 10) }])
	);
}
