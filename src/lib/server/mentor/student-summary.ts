// One mentee for the mentor: what the student shared, through the mentor relation whatever other roles.
import { and, desc, eq } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import { getDb, type Db } from '../db';
import { fullName } from '$lib/names';
import * as core from '../db/schema';
import { goal } from '../db/schema-portfolio';

export interface StudentSummary {
	id: number;
	name: string;
	goals: { id: number; title: string; dueOn: string | null; status: string; byMentor: boolean }[];
}

/** One mentee for the mentor: only what the student shared (reflection counts via the read scope). */
export function studentSummary(
	viewer: Viewer,
	studentId: number,
	db: Db = getDb()
): StudentSummary | undefined {
	const u = db
		.select({
			id: core.user.id,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName
		})
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				// A mentee, whatever other roles the viewer has: an admin reads every student's account, never
				// their goals or self-ratings (and an out-of-scope student is a 404 before any audit entry).
				studentScope(viewer, 'mentor.student.read', core.user.id)
			)
		)
		.get();
	if (!u) return undefined;
	const goals = db
		.select({
			id: goal.id,
			title: goal.title,
			dueOn: goal.dueOn,
			status: goal.status,
			createdBy: goal.createdBy
		})
		.from(goal)
		.where(and(eq(goal.studentId, studentId), studentScope(viewer, 'goal.read', goal.studentId)))
		.orderBy(desc(goal.createdAt))
		.all()
		.map(({ createdBy, ...g }) => ({ ...g, byMentor: createdBy !== null && createdBy !== studentId }));
	return {
		id: u.id,
		name: fullName({ givenName: u.given, familyNamePrefix: u.prefix, familyName: u.family }),
		goals
	};
}
