// Changes to the school's people by the functioneel beheerder (people.manage, own school only).
import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { getDb, inTransaction, type Db } from '../db';
import * as table from '../db/schema';
import { can, schoolScope } from '../access';
import { hashPassword } from '../auth/password';
import { invalidateUserSessions } from '../auth/session';
import { insertAccount } from './schools';
import { leaveGroups } from './membership';
import type { NewPersonInput, PersonInput } from '../../schemas/people';
import type { Viewer } from '../auth/viewer';
import { rolesOf, type Tx } from './people';

/** What stops a change; the route puts each at its field. */
export type PersonProblem =
	| 'usernameTaken'
	| 'studentNumberTaken'
	| 'ownAdminRole'
	| 'lastAdmin'
	| 'deactivateSelf'
	| 'passwordSelf'
	| 'parentAlone';
export type PersonField = 'username' | 'studentNumber' | 'roles' | '_form';
export type PersonResult =
	{ ok: true; id: number } | { ok: false; problems: Partial<Record<PersonField, PersonProblem>> };

function uniquenessProblems(
	tx: Db | Tx,
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
	return inTransaction(db, (tx): PersonResult => {
		const problems = uniquenessProblems(tx, viewer, input);
		if (Object.keys(problems).length) return { ok: false, problems };
		const { password: _password, ...person } = input;
		const id = insertAccount(
			{ ...person, schoolId: viewer.schoolId, passwordHash, mustChangePassword: true },
			tx
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
		// A parent account stays a parent only, and no other account becomes one (issue 20).
		if (target.roles.includes('parent') !== input.roles.includes('parent')) problems.roles = 'parentAlone';
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
		for (const kind of ['student', 'mentor'] as const)
			if (removed.includes(kind)) leaveGroups(tx, { schoolId: viewer.schoolId, kind, userIds: [id] });
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
