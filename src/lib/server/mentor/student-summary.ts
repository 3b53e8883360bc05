// One mentee for the mentor: what the student shared, through the mentor relation whatever other roles.
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { CompetencySlug } from '../../competencies';
import type { Viewer } from '../auth/viewer';
import { conversationReadScope, mentoredGroupScope, reflectionReadScope, studentScope } from '../access';
import { getDb, type Db } from '../db';
import { fullName, sortName } from '../school/people';
import { pageOf } from '../http/paging';
import * as core from '../db/schema';
import { conversation } from '../db/schema-dialog';
import { goal, reflection, reflectionCompetency, selfRating } from '../db/schema-portfolio';
import { OVERVIEW_PAGE_SIZE } from '../../mentor-overview-page';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { emptyCounts } from './group-overview';

export interface StudentSummary {
	id: number;
	name: string;
	counts: Record<CompetencySlug, number>;
	ratings: Partial<Record<CompetencySlug, { level: number; at: number }>>;
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
	const counts = emptyCounts();
	for (const r of db
		.select({ c: reflectionCompetency.competency, n: sql<number>`count(*)` })
		.from(reflection)
		.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
		.where(and(reflectionReadScope(viewer), eq(reflection.studentId, studentId)))
		.groupBy(reflectionCompetency.competency)
		.all())
		counts[r.c] = r.n;
	const ratings: StudentSummary['ratings'] = {};
	for (const r of db
		.select({ c: selfRating.competency, level: selfRating.level, at: selfRating.createdAt })
		.from(selfRating)
		.where(
			and(eq(selfRating.studentId, studentId), studentScope(viewer, 'selfRating.read', selfRating.studentId))
		)
		.orderBy(asc(selfRating.createdAt))
		.all())
		ratings[r.c] = { level: r.level, at: r.at.getTime() };
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
	return { id: u.id, name: [u.given, u.prefix, u.family].filter(Boolean).join(' '), counts, ratings, goals };
}
