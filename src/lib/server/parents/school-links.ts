// The school links a parent on request (the inzage route for a parent of a student under 16): the admin
// picks a parent account of the school, or makes one and hands over a one-time login code. The student sees
// these links on their privacy page like their own, marked "gekoppeld door de school", and can end them.
import { and, asc, desc, eq, isNull, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb, inTransaction, type Db } from '../db';
import * as core from '../db/schema';
import { parentLink } from '../db/schema-parents';
import { canOn, studentScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { issueLoginCode } from '../auth/accounts';
import { recordAudit } from '../privacy/audit';
import { insertAccount } from '../school/schools';
import { personSearch, rolesOf } from '../school/people';
import { MAX_PARENTS } from './invitations';
import { fullName } from '$lib/names';

const parentUser = alias(core.user, 'parent_user');
const SEARCH_LIMIT = 10;

export interface StudentParent {
	linkId: number;
	parentId: number;
	name: string;
	username: string;
	since: Date;
	revokedAt: Date | null;
	/** Made by the school (an admin), not by the student's own invitation. */
	bySchool: boolean;
}

/** The student in the URL, of the admin's school and still active; undefined = 404. */
function findStudent(tx: Db, viewer: Viewer, studentId: number) {
	if (!canOn(viewer, 'parent.link.school', 'schoolStudent')) return undefined;
	return tx
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				eq(core.user.active, true),
				studentScope(viewer, 'parent.link.school', core.user.id)
			)
		)
		.get();
}

/** An active account of the viewer's school whose only role is parent; a parent elsewhere is undefined. */
function findParent(tx: Db, viewer: Viewer, parentId: number) {
	const row = tx
		.select({
			id: core.user.id,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(core.user)
		.where(
			and(eq(core.user.id, parentId), eq(core.user.schoolId, viewer.schoolId), eq(core.user.active, true))
		)
		.get();
	const roles = row ? (rolesOf(tx, [row.id]).get(row.id) ?? []) : [];
	return row && roles.length === 1 && roles[0] === 'parent' ? { id: row.id, name: fullName(row) } : undefined;
}

function activeLinks(tx: Db, studentId: number): number[] {
	return tx
		.select({ parentId: parentLink.parentId })
		.from(parentLink)
		.where(and(eq(parentLink.studentId, studentId), isNull(parentLink.revokedAt)))
		.all()
		.map((r) => r.parentId);
}

/** Everyone ever linked to this student: current first, then ended links (with when). */
export function listStudentParents(viewer: Viewer, studentId: number): StudentParent[] {
	if (!canOn(viewer, 'parent.link.school', 'schoolStudent')) return [];
	return getDb()
		.select({
			linkId: parentLink.id,
			parentId: parentLink.parentId,
			givenName: parentUser.givenName,
			familyNamePrefix: parentUser.familyNamePrefix,
			familyName: parentUser.familyName,
			username: parentUser.username,
			since: parentLink.createdAt,
			revokedAt: parentLink.revokedAt,
			createdBy: parentLink.createdBy
		})
		.from(parentLink)
		.innerJoin(parentUser, eq(parentUser.id, parentLink.parentId))
		.where(
			and(
				eq(parentLink.studentId, studentId),
				eq(parentLink.schoolId, viewer.schoolId),
				studentScope(viewer, 'parent.link.school', parentLink.studentId)
			)
		)
		.orderBy(asc(parentLink.revokedAt), desc(parentLink.createdAt))
		.all()
		.map(({ givenName, familyNamePrefix, familyName, createdBy, ...r }) => ({
			...r,
			name: fullName({ givenName, familyNamePrefix, familyName }),
			bySchool: createdBy !== studentId
		}));
}

export interface ParentMatch {
	id: number;
	name: string;
	username: string;
}

/** Parent accounts of the school by name or user name, not yet linked to this student. */
export function searchParents(viewer: Viewer, studentId: number, q: string): ParentMatch[] {
	const where = personSearch(q);
	const db = getDb();
	if (!where || !findStudent(db, viewer, studentId)) return [];
	const u = core.user;
	return db
		.select({
			id: u.id,
			givenName: u.givenName,
			familyNamePrefix: u.familyNamePrefix,
			familyName: u.familyName,
			username: u.username
		})
		.from(u)
		.where(
			and(
				eq(u.schoolId, viewer.schoolId),
				eq(u.active, true),
				where,
				// Only-parent accounts: a parent role is never combined with another (schemas/people.ts).
				sql`${u.id} in (select ${core.userRole.userId} from ${core.userRole}
					where ${core.userRole.schoolId} = ${viewer.schoolId} and ${core.userRole.role} = 'parent')`,
				sql`not exists (select 1 from ${core.userRole} r where r.user_id = ${u.id} and r.role <> 'parent')`,
				notInArray(u.id, activeLinks(db, studentId))
			)
		)
		.orderBy(asc(u.familyName), asc(u.givenName), asc(u.id))
		.limit(SEARCH_LIMIT)
		.all()
		.map((r) => ({ id: r.id, name: fullName(r), username: r.username }));
}

export type SchoolLinkProblem = 'tooMany' | 'already' | 'usernameTaken';
export type SchoolLinkResult<T = object> = ({ ok: true } & T) | { ok: false; problem: SchoolLinkProblem };

function insertLink(tx: Db, viewer: Viewer, studentId: number, parent: { id: number; name: string }) {
	tx.insert(parentLink)
		.values({ schoolId: viewer.schoolId, studentId, parentId: parent.id, createdBy: viewer.userId })
		.run();
	recordAudit(viewer, {
		action: 'parent.link',
		subjectId: studentId,
		detail: JSON.stringify({ parent: parent.name })
	});
}

/** Links an existing parent account of the school; undefined when the student or the parent is out of scope. */
export function linkExistingParent(
	viewer: Viewer,
	studentId: number,
	parentId: number
): SchoolLinkResult | undefined {
	return inTransaction(getDb(), (tx): SchoolLinkResult | undefined => {
		if (!findStudent(tx, viewer, studentId)) return undefined;
		const parent = findParent(tx, viewer, parentId);
		if (!parent) return undefined;
		const linked = activeLinks(tx, studentId);
		if (linked.includes(parent.id)) return { ok: false, problem: 'already' };
		if (linked.length >= MAX_PARENTS) return { ok: false, problem: 'tooMany' };
		insertLink(tx, viewer, studentId, parent);
		return { ok: true };
	});
}

export interface NewParent {
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	username: string;
	email: string | null;
}

type Code = { code: string; expiresAt: Date; parentName: string };

/** A new parent account (no password, only the parent role), linked, with a login code to hand over. */
export function createLinkedParent(
	viewer: Viewer,
	studentId: number,
	input: NewParent
): SchoolLinkResult<Code> | undefined {
	return inTransaction(getDb(), (tx): SchoolLinkResult<Code> | undefined => {
		if (!findStudent(tx, viewer, studentId)) return undefined;
		if (activeLinks(tx, studentId).length >= MAX_PARENTS) return { ok: false, problem: 'tooMany' };
		// User names are unique over the whole instance (the login form asks for no school).
		if (tx.select({ id: core.user.id }).from(core.user).where(eq(core.user.username, input.username)).get())
			return { ok: false, problem: 'usernameTaken' };
		const id = insertAccount({ ...input, schoolId: viewer.schoolId, roles: ['parent'] }, tx);
		recordAudit(viewer, { action: 'user.create', subjectId: id });
		const parent = { id, name: fullName(input) };
		insertLink(tx, viewer, studentId, parent);
		return { ok: true, ...issueLoginCode(tx, viewer, id), parentName: parent.name };
	});
}

/** A fresh login code for a parent linked to this student now (the first one was lost or expired). */
export function newParentCode(viewer: Viewer, studentId: number, parentId: number): Code | undefined {
	return inTransaction(getDb(), (tx): Code | undefined => {
		if (!findStudent(tx, viewer, studentId)) return undefined;
		const parent = findParent(tx, viewer, parentId);
		if (!parent || !activeLinks(tx, studentId).includes(parent.id)) return undefined;
		return { ...issueLoginCode(tx, viewer, parent.id), parentName: parent.name };
	});
}

/** The admin ends a link (whoever made it); the parent's next request is refused, as when the student ends it. */
export function endSchoolLink(viewer: Viewer, studentId: number, linkId: number, now = new Date()): boolean {
	return inTransaction(getDb(), (tx) => {
		if (!findStudent(tx, viewer, studentId)) return false;
		const link = tx
			.select({
				parentId: parentLink.parentId,
				g: parentUser.givenName,
				p: parentUser.familyNamePrefix,
				f: parentUser.familyName
			})
			.from(parentLink)
			.innerJoin(parentUser, eq(parentUser.id, parentLink.parentId))
			.where(
				and(
					eq(parentLink.id, linkId),
					eq(parentLink.studentId, studentId),
					eq(parentLink.schoolId, viewer.schoolId),
					isNull(parentLink.revokedAt)
				)
			)
			.get();
		if (!link) return false;
		tx.update(parentLink)
			.set({ revokedAt: now, revokedBy: viewer.userId })
			.where(eq(parentLink.id, linkId))
			.run();
		const parent = fullName({ givenName: link.g, familyNamePrefix: link.p, familyName: link.f });
		recordAudit(viewer, {
			action: 'parent.unlink',
			subjectId: studentId,
			detail: JSON.stringify({ parent })
		});
		return true;
	});
}
