// "Ouders betrekken" in figures for the coordinator: per open group of the current year, how many students
// have a linked parent and how many of their conversations had the parents invited. Counts only.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import { conversation } from '../db/schema-dialog';
import { conversationParentInvite, parentLink } from '../db/schema-parents';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';

export interface GroupParentFigures {
	groupId: number;
	groupName: string;
	students: number;
	withParent: number;
	conversationsWithParent: number;
}

export function listParentFigures(viewer: Viewer): GroupParentFigures[] | undefined {
	if (!can(viewer, 'school.aggregates.read')) return undefined;
	const g = core.group;
	const gs = core.groupStudent;
	const linked = sql`exists (select 1 from ${parentLink} where ${parentLink.studentId} = ${gs.studentId}
		and ${parentLink.revokedAt} is null)`;
	const invited = sql`(select count(*) from ${conversation} inner join ${conversationParentInvite}
		on ${conversationParentInvite.conversationId} = ${conversation.id} where ${conversation.studentId} = ${gs.studentId})`;
	return getDb()
		.select({
			groupId: g.id,
			groupName: g.name,
			students: sql<number>`count(${gs.studentId})`,
			withParent: sql<number>`coalesce(sum(case when ${linked} then 1 else 0 end), 0)`,
			conversationsWithParent: sql<number>`coalesce(sum(${invited}), 0)`
		})
		.from(g)
		.innerJoin(
			core.schoolYear,
			and(eq(core.schoolYear.id, g.schoolYearId), eq(core.schoolYear.isCurrent, true))
		)
		.leftJoin(gs, eq(gs.groupId, g.id))
		.where(and(eq(g.schoolId, viewer.schoolId), isNull(g.closedAt)))
		.groupBy(g.id)
		.orderBy(g.name)
		.all();
}
