// The school's people list and one person's page for admins (people.manage), always within the viewer's school.
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import { can, schoolScope } from '../access';
import { ROLES, type Role } from '../../roles';
import { PAGE_SIZE, type PeopleFilter } from '../../schemas/people';
import type { Viewer } from '../auth/viewer';
import { pageOf } from '../http/paging';
import { fullName, sortName } from '$lib/names';

export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NameParts {
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
}

const nameColumns = {
	givenName: table.user.givenName,
	familyNamePrefix: table.user.familyNamePrefix,
	familyName: table.user.familyName
};

/** The roles of these users, each list in ROLES order: one query for a whole page. */
export function rolesOf(db: Db | Tx, userIds: number[]): Map<number, Role[]> {
	const byUser = new Map<number, Role[]>(userIds.map((id) => [id, []]));
	if (!userIds.length) return byUser;
	const rows = db
		.select({ userId: table.userRole.userId, role: table.userRole.role })
		.from(table.userRole)
		.where(inArray(table.userRole.userId, userIds))
		.all();
	for (const r of rows) byUser.get(r.userId)?.push(r.role);
	for (const [id, list] of byUser)
		byUser.set(
			id,
			ROLES.filter((r) => list.includes(r))
		);
	return byUser;
}

function contains(column: SQLiteColumn, word: string): SQL {
	const escaped = word.replace(/[\\%_]/g, (c) => `\\${c}`);
	return sql`${column} like ${`%${escaped}%`} escape '\\'`;
}

/**
 * Every word must appear in a name part, the user name or the student number, so "sanne vries" and
 * "004101" both find Sanne de Vries.
 */
export function personSearch(q: string): SQL | undefined {
	const words = q.split(/\s+/).filter(Boolean).slice(0, 6);
	if (!words.length) return undefined;
	const u = table.user;
	const columns = [u.givenName, u.familyNamePrefix, u.familyName, u.username, u.studentNumber];
	return and(...words.map((w) => or(...columns.map((c) => contains(c, w))))) as SQL;
}

/** Users of the viewer's school holding a role, as a subquery of user ids. */
export function usersWithRole(viewer: Viewer, role: Role): SQL {
	return sql`(select ${table.userRole.userId} from ${table.userRole}
		where ${table.userRole.schoolId} = ${viewer.schoolId} and ${table.userRole.role} = ${role})`;
}

export interface PeopleCounts {
	active: Record<Role, number>;
	activeTotal: number;
	deactivated: number;
}

export function countPeople(viewer: Viewer): PeopleCounts | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	const db = getDb();
	const byRole = db
		.select({ role: table.userRole.role, n: count() })
		.from(table.userRole)
		.innerJoin(table.user, eq(table.user.id, table.userRole.userId))
		.where(and(schoolScope(viewer, table.user.schoolId), eq(table.user.active, true)))
		.groupBy(table.userRole.role)
		.all();
	const byStatus = db
		.select({ active: table.user.active, n: count() })
		.from(table.user)
		.where(schoolScope(viewer, table.user.schoolId))
		.groupBy(table.user.active)
		.all();
	const active = Object.fromEntries(
		ROLES.map((r) => [r, byRole.find((x) => x.role === r)?.n ?? 0])
	) as Record<Role, number>;
	return {
		active,
		activeTotal: byStatus.find((s) => s.active)?.n ?? 0,
		deactivated: byStatus.find((s) => !s.active)?.n ?? 0
	};
}

export interface PersonRow {
	id: number;
	sortName: string;
	username: string;
	studentNumber: string | null;
	roles: Role[];
	active: boolean;
}

export interface PeoplePage {
	rows: PersonRow[];
	total: number;
	page: number;
	pageCount: number;
}

export function listPeople(viewer: Viewer, filter: PeopleFilter): PeoplePage {
	if (!can(viewer, 'people.manage')) return { rows: [], total: 0, page: 1, pageCount: 1 };
	const u = table.user;
	const conditions: (SQL | undefined)[] = [schoolScope(viewer, u.schoolId), personSearch(filter.q)];
	if (filter.status !== 'all') conditions.push(eq(u.active, filter.status === 'active'));
	if (filter.role) conditions.push(inArray(u.id, usersWithRole(viewer, filter.role)));
	const where = and(...conditions);
	const db = getDb();
	const total = db.select({ n: count() }).from(u).where(where).get()?.n ?? 0;
	const { page, pages: pageCount } = pageOf(total, PAGE_SIZE, filter.page);
	const rows = db
		.select({
			id: u.id,
			...nameColumns,
			username: u.username,
			studentNumber: u.studentNumber,
			active: u.active
		})
		.from(u)
		.where(where)
		.orderBy(asc(u.familyName), asc(u.givenName), asc(u.id))
		.limit(PAGE_SIZE)
		.offset((page - 1) * PAGE_SIZE)
		.all();
	const roles = rolesOf(
		db,
		rows.map((r) => r.id)
	);
	return {
		rows: rows.map((r) => ({
			id: r.id,
			sortName: sortName(r),
			username: r.username,
			studentNumber: r.studentNumber,
			roles: roles.get(r.id) ?? [],
			active: r.active
		})),
		total,
		page,
		pageCount
	};
}

export interface PersonGroup {
	id: number;
	name: string;
	as: 'student' | 'mentor';
	schoolYear: string;
	closed: boolean;
}

export interface PersonDetail extends NameParts {
	id: number;
	name: string;
	username: string;
	email: string | null;
	studentNumber: string | null;
	roles: Role[];
	active: boolean;
	mustChangePassword: boolean;
	isViewer: boolean;
	groups: PersonGroup[];
}

export function getPerson(viewer: Viewer, id: number): PersonDetail | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	const db = getDb();
	const u = table.user;
	const row = db
		.select({
			id: u.id,
			...nameColumns,
			username: u.username,
			email: u.email,
			studentNumber: u.studentNumber,
			active: u.active,
			mustChangePassword: u.mustChangePassword
		})
		.from(u)
		.where(and(eq(u.id, id), schoolScope(viewer, u.schoolId)))
		.get();
	if (!row) return undefined;
	const g = table.group;
	const groupColumns = {
		id: g.id,
		name: g.name,
		closedAt: g.closedAt,
		schoolYear: table.schoolYear.name
	};
	const asStudent = db
		.select(groupColumns)
		.from(table.groupStudent)
		.innerJoin(g, eq(g.id, table.groupStudent.groupId))
		.innerJoin(table.schoolYear, eq(table.schoolYear.id, g.schoolYearId))
		.where(and(eq(table.groupStudent.studentId, id), schoolScope(viewer, g.schoolId)))
		.all()
		.map((x) => ({ ...x, as: 'student' as const }));
	const asMentor = db
		.select(groupColumns)
		.from(table.groupMentor)
		.innerJoin(g, eq(g.id, table.groupMentor.groupId))
		.innerJoin(table.schoolYear, eq(table.schoolYear.id, g.schoolYearId))
		.where(and(eq(table.groupMentor.mentorId, id), schoolScope(viewer, g.schoolId)))
		.all()
		.map((x) => ({ ...x, as: 'mentor' as const }));
	const groups = [...asStudent, ...asMentor]
		.map(({ closedAt, ...x }) => ({ ...x, closed: closedAt !== null }))
		.sort((a, b) => b.schoolYear.localeCompare(a.schoolYear) || a.name.localeCompare(b.name));
	return {
		...row,
		name: fullName(row),
		roles: rolesOf(db, [id]).get(id) ?? [],
		isViewer: row.id === viewer.userId,
		groups
	};
}
