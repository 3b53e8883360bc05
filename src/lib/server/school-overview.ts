// School-wide aggregates for coordinators and admins: counts only, never a student's content.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from './db';
import * as table from './db/schema';
import { can } from './access';
import type { Viewer } from './auth/viewer';

export interface SchoolOverview {
	schoolName: string;
	schoolYear: string | null;
	students: number;
	mentors: number;
	groups: { id: number; name: string; programme: string; students: number; mentors: number }[];
}

export function getSchoolOverview(viewer: Viewer): SchoolOverview | undefined {
	if (!can(viewer, 'school.aggregates.read')) return undefined;
	const db = getDb();
	const school = db
		.select({ name: table.school.name })
		.from(table.school)
		.where(eq(table.school.id, viewer.schoolId))
		.get();
	if (!school) return undefined;
	const year = db
		.select({ id: table.schoolYear.id, name: table.schoolYear.name })
		.from(table.schoolYear)
		.where(and(eq(table.schoolYear.schoolId, viewer.schoolId), eq(table.schoolYear.isCurrent, true)))
		.get();
	const roleCounts = db
		.select({ role: table.userRole.role, n: count() })
		.from(table.userRole)
		.innerJoin(table.user, eq(table.user.id, table.userRole.userId))
		.where(and(eq(table.userRole.schoolId, viewer.schoolId), eq(table.user.active, true)))
		.groupBy(table.userRole.role)
		.all();
	const groups = year
		? db
				.select({
					id: table.group.id,
					name: table.group.name,
					programme: table.group.programme,
					students: sql<number>`(select count(*) from ${table.groupStudent} where ${table.groupStudent.groupId} = ${table.group.id})`,
					mentors: sql<number>`(select count(*) from ${table.groupMentor} where ${table.groupMentor.groupId} = ${table.group.id})`
				})
				.from(table.group)
				.where(
					and(
						eq(table.group.schoolId, viewer.schoolId),
						eq(table.group.schoolYearId, year.id),
						isNull(table.group.closedAt)
					)
				)
				.orderBy(table.group.name)
				.all()
		: [];
	const n = (role: string) => roleCounts.find((r) => r.role === role)?.n ?? 0;
	return {
		schoolName: school.name,
		schoolYear: year?.name ?? null,
		students: n('student'),
		mentors: n('mentor'),
		groups
	};
}
