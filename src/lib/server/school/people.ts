// The school's people as the functioneel beheerder manages them. Policy: people.manage (admins only), and
// every query is limited to the viewer's own school, so another school's ids read exactly like missing ones.
import { and, asc, count, eq, inArray, ne, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import { can, schoolScope } from '../access';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { insertAccount } from './schools';
import { ROLES, type Role } from '../../roles';
import { PAGE_SIZE, type NewPersonInput, type PeopleFilter, type PersonInput } from '../../schemas/people';
import type { Viewer } from '../auth/viewer';
import { pageOf } from '../http/paging';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface NameParts {
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
}

/** "Lotte van den Berg" */
export function fullName(p: NameParts): string {
	return [p.givenName, p.familyNamePrefix, p.familyName].filter(Boolean).join(' ');
}

/** "Berg, Lotte van den": how school lists sort and show names. */
export function sortName(p: NameParts): string {
	return `${p.familyName}, ${p.givenName}${p.familyNamePrefix ? ' ' + p.familyNamePrefix : ''}`;
}

const nameColumns = {
	givenName: table.user.givenName,
	familyNamePrefix: table.user.familyNamePrefix,
	familyName: table.user.familyName
};

/** The roles of these users, each list in ROLES order: one query for a whole page. */
function rolesOf(db: Db | Tx, userIds: number[]): Map<number, Role[]> {
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

/** What stops a change; the route puts each at its field. */
export type PersonProblem =
	'usernameTaken' | 'studentNumberTaken' | 'ownAdminRole' | 'lastAdmin' | 'deactivateSelf' | 'passwordSelf';
export type PersonField = 'username' | 'studentNumber' | 'roles' | '_form';
export type PersonResult =
	{ ok: true; id: number } | { ok: false; problems: Partial<Record<PersonField, PersonProblem>> };

function uniquenessProblems(
	tx: Tx,
	viewer: Viewer,
	input: { username: string; studentNumber: string | null },
	exceptId?: number
): Partial<Record<PersonField, PersonProblem>> {
	const u = table.user;
	const other = exceptId === undefined ? undefined : ne(u.id, exceptId);
	const problems: Partial<Record<PersonField, PersonProblem>> = {};
	// User names are unique over the whole instance (the login form asks for no school).
	if (
		tx
			.select({ id: u.id })
			.from(u)
			.where(and(eq(u.username, input.username), other))
			.get()
	)
		problems.username = 'usernameTaken';
	if (
		input.studentNumber !== null &&
		tx
			.select({ id: u.id })
			.from(u)
			.where(and(schoolScope(viewer, u.schoolId), eq(u.studentNumber, input.studentNumber), other))
			.get()
	)
		problems.studentNumber = 'studentNumberTaken';
	return problems;
}

/** Active admins of the viewer's school other than this user: a school must never be left without one. */
function otherActiveAdmins(tx: Tx, viewer: Viewer, userId: number): number {
	return (
		tx
			.select({ n: count() })
			.from(table.userRole)
			.innerJoin(table.user, eq(table.user.id, table.userRole.userId))
			.where(
				and(
					eq(table.userRole.schoolId, viewer.schoolId),
					eq(table.userRole.role, 'admin'),
					eq(table.user.active, true),
					ne(table.user.id, userId)
				)
			)
			.get()?.n ?? 0
	);
}

/** The target user inside the viewer's school, with their roles; undefined when out of scope. */
function findTarget(tx: Tx, viewer: Viewer, id: number) {
	const row = tx
		.select({ id: table.user.id, active: table.user.active })
		.from(table.user)
		.where(and(eq(table.user.id, id), schoolScope(viewer, table.user.schoolId)))
		.get();
	return row && { ...row, roles: rolesOf(tx, [id]).get(id) ?? [] };
}

/** A new account that must choose its own password at first login. */
export async function createPerson(viewer: Viewer, input: NewPersonInput): Promise<PersonResult | undefined> {
	if (!can(viewer, 'people.manage')) return undefined;
	const passwordHash = await hashPassword(input.password);
	const db = getDb();
	return db.transaction((tx): PersonResult => {
		const problems = uniquenessProblems(tx, viewer, input);
		if (Object.keys(problems).length) return { ok: false, problems };
		const { password: _password, ...person } = input;
		const id = insertAccount(
			{ ...person, schoolId: viewer.schoolId, passwordHash, mustChangePassword: true },
			tx as unknown as Db
		);
		return { ok: true, id };
	});
}

export function updatePerson(viewer: Viewer, id: number, input: PersonInput): PersonResult | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	const db = getDb();
	return db.transaction((tx): PersonResult | undefined => {
		const target = findTarget(tx, viewer, id);
		if (!target) return undefined;
		const problems = uniquenessProblems(tx, viewer, input, id);
		const losesAdmin = target.roles.includes('admin') && !input.roles.includes('admin');
		if (losesAdmin && id === viewer.userId) problems.roles = 'ownAdminRole';
		else if (losesAdmin && target.active && otherActiveAdmins(tx, viewer, id) === 0)
			problems.roles = 'lastAdmin';
		if (Object.keys(problems).length) return { ok: false, problems };
		tx.update(table.user)
			.set({
				givenName: input.givenName,
				familyNamePrefix: input.familyNamePrefix,
				familyName: input.familyName,
				username: input.username,
				email: input.email,
				studentNumber: input.studentNumber,
				updatedAt: new Date()
			})
			.where(eq(table.user.id, id))
			.run();
		const removed = target.roles.filter((r) => !input.roles.includes(r));
		if (removed.length)
			tx.delete(table.userRole)
				.where(and(eq(table.userRole.userId, id), inArray(table.userRole.role, removed)))
				.run();
		// Group places follow the role: no longer a student or mentor means out of those groups, so a former
		// mentor keeps no view of the students and no mentor sees a non-student as one.
		if (removed.includes('student'))
			tx.delete(table.groupStudent).where(eq(table.groupStudent.studentId, id)).run();
		if (removed.includes('mentor'))
			tx.delete(table.groupMentor).where(eq(table.groupMentor.mentorId, id)).run();
		tx.insert(table.userRole)
			.values(input.roles.map((role) => ({ userId: id, schoolId: viewer.schoolId, role })))
			.onConflictDoNothing()
			.run();
		return { ok: true, id };
	});
}

/** Deactivating ends every session at once; the account keeps its data and can be reactivated. */
export function setPersonActive(viewer: Viewer, id: number, active: boolean): PersonResult | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	const db = getDb();
	const result = db.transaction((tx): PersonResult | undefined => {
		const target = findTarget(tx, viewer, id);
		if (!target) return undefined;
		if (!active && id === viewer.userId) return { ok: false, problems: { _form: 'deactivateSelf' } };
		if (!active && target.roles.includes('admin') && otherActiveAdmins(tx, viewer, id) === 0)
			return { ok: false, problems: { _form: 'lastAdmin' } };
		tx.update(table.user).set({ active, updatedAt: new Date() }).where(eq(table.user.id, id)).run();
		return { ok: true, id };
	});
	if (result?.ok && !active) invalidateUserSessions(id);
	return result;
}

/**
 * A password the admin hands over; the user must replace it at the next login, and every session they have
 * ends now (whoever knew the old password is out). Admins change their own password under "Mijn account".
 */
export async function setTemporaryPassword(
	viewer: Viewer,
	id: number,
	password: string
): Promise<PersonResult | undefined> {
	if (!can(viewer, 'people.manage')) return undefined;
	if (id === viewer.userId) return { ok: false, problems: { _form: 'passwordSelf' } };
	const passwordHash = await hashPassword(password);
	const db = getDb();
	const result = db.transaction((tx): PersonResult | undefined => {
		if (!findTarget(tx, viewer, id)) return undefined;
		tx.update(table.user)
			.set({ passwordHash, mustChangePassword: true, updatedAt: new Date() })
			.where(eq(table.user.id, id))
			.run();
		return { ok: true, id };
	});
	if (result?.ok) invalidateUserSessions(id);
	return result;
}
