// School-wide aggregates for coordinators and admins: counts only, never a student's content.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';

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
	const schoolId = viewer.schoolId;
	const year = table.schoolYear;
	const g = table.group;
	const school = db
		.select({ name: table.school.name, yearId: year.id, yearName: year.name })
		.from(table.school)
		.leftJoin(year, and(eq(year.schoolId, table.school.id), eq(year.isCurrent, true)))
		.where(eq(table.school.id, schoolId))
		.get();
	if (!school) return undefined;
	// Everyone per role (the role index alone), minus those who left (a partial index of the few), instead of
	// reading every user row to check "active".
	const roleCounts = db
		.select({ role: table.userRole.role, n: count() })
		.from(table.userRole)
		.where(eq(table.userRole.schoolId, schoolId))
		.groupBy(table.userRole.role)
		.all();
	const inactive = db
		.select({ role: table.userRole.role, n: count() })
		.from(table.user)
		.innerJoin(table.userRole, eq(table.userRole.userId, table.user.id))
		// A literal 0, as in the index's WHERE: SQLite uses a partial index only for the same term.
		.where(and(eq(table.user.schoolId, schoolId), sql`${table.user.active} = 0`))
		.groupBy(table.userRole.role)
		.all();
	const groups =
		school.yearId === null
			? []
			: db
					.select({
						id: g.id,
						name: g.name,
						programme: g.programme,
						students: sql<number>`(select count(*) from ${table.groupStudent} where ${table.groupStudent.groupId} = ${g.id})`,
						mentors: sql<number>`(select count(*) from ${table.groupMentor} where ${table.groupMentor.groupId} = ${g.id})`
					})
					.from(g)
					.where(and(eq(g.schoolId, schoolId), eq(g.schoolYearId, school.yearId), isNull(g.closedAt)))
					.orderBy(g.name)
					.all();
	const n = (role: string) =>
		(roleCounts.find((r) => r.role === role)?.n ?? 0) - (inactive.find((r) => r.role === role)?.n ?? 0);
	return {
		schoolName: school.name,
		schoolYear: school.yearName,
		students: n('student'),
		mentors: n('mentor'),
		groups
	};
}
