// Groups (klassen, stamgroepen) as the functioneel beheerder manages them. Policy: groups.manage (admins
// only), every query limited to the viewer's own school; another school's ids read like missing ones.
import { and, asc, count, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can, schoolScope } from '../access';
import { addGroupMembers, createGroupRecord, getCurrentSchoolYear } from './schools';
import { personSearch, usersWithRole } from './people';
import { fullName, sortName } from '$lib/names';
import type { GroupInput } from '../../schemas/groups';
import type { Viewer } from '../auth/viewer';

export type MemberKind = 'student' | 'mentor';

export interface SchoolYear {
	id: number;
	name: string;
}

export interface GroupSummary {
	id: number;
	name: string;
	programme: string;
	closed: boolean;
	students: number;
	mentors: { id: number; name: string }[];
}

const g = table.group;
const u = table.user;
const nameColumns = {
	givenName: u.givenName,
	familyNamePrefix: u.familyNamePrefix,
	familyName: u.familyName
};

function currentYear(viewer: Viewer): SchoolYear | undefined {
	return getCurrentSchoolYear(viewer.schoolId);
}

/** The groups of the current school year (open ones first), each with its mentors and active students. */
export function listGroups(viewer: Viewer): { year: SchoolYear | undefined; groups: GroupSummary[] } {
	const year = can(viewer, 'groups.manage') ? currentYear(viewer) : undefined;
	if (!year) return { year, groups: [] };
	const db = getDb();
	const groups = db
		.select({ id: g.id, name: g.name, programme: g.programme, closedAt: g.closedAt })
		.from(g)
		.where(and(schoolScope(viewer, g.schoolId), eq(g.schoolYearId, year.id)))
		.orderBy(sql`${g.closedAt} is not null`, asc(g.name))
		.all();
	if (!groups.length) return { year, groups: [] };
	const ids = groups.map((x) => x.id);
	const students = db
		.select({ groupId: table.groupStudent.groupId, n: count() })
		.from(table.groupStudent)
		.innerJoin(u, eq(u.id, table.groupStudent.studentId))
		.where(and(inArray(table.groupStudent.groupId, ids), eq(u.active, true)))
		.groupBy(table.groupStudent.groupId)
		.all();
	const mentors = db
		.select({ groupId: table.groupMentor.groupId, id: u.id, ...nameColumns })
		.from(table.groupMentor)
		.innerJoin(u, eq(u.id, table.groupMentor.mentorId))
		.where(and(inArray(table.groupMentor.groupId, ids), schoolScope(viewer, u.schoolId)))
		.orderBy(asc(u.familyName), asc(u.givenName))
		.all();
	return {
		year,
		groups: groups.map(({ closedAt, ...x }) => ({
			...x,
			closed: closedAt !== null,
			students: students.find((s) => s.groupId === x.id)?.n ?? 0,
			mentors: mentors.filter((m) => m.groupId === x.id).map((m) => ({ id: m.id, name: fullName(m) }))
		}))
	};
}

export interface GroupMember {
	id: number;
	name: string;
	sortName: string;
	studentNumber: string | null;
	active: boolean;
}

export interface GroupDetail {
	id: number;
	name: string;
	programme: string;
	schoolYear: string;
	isCurrentYear: boolean;
	closed: boolean;
	students: GroupMember[];
	mentors: GroupMember[];
}

function members(viewer: Viewer, groupId: number, kind: MemberKind): GroupMember[] {
	const link = kind === 'student' ? table.groupStudent : table.groupMentor;
	const userId = kind === 'student' ? table.groupStudent.studentId : table.groupMentor.mentorId;
	return getDb()
		.select({ id: u.id, ...nameColumns, studentNumber: u.studentNumber, active: u.active })
		.from(link)
		.innerJoin(u, eq(u.id, userId))
		.where(and(eq(link.groupId, groupId), schoolScope(viewer, u.schoolId)))
		.orderBy(asc(u.familyName), asc(u.givenName))
		.all()
		.map((r) => ({
			id: r.id,
			name: fullName(r),
			sortName: sortName(r),
			studentNumber: r.studentNumber,
			active: r.active
		}));
}

function findGroup(viewer: Viewer, id: number) {
	if (!can(viewer, 'groups.manage')) return undefined;
	return getDb()
		.select({
			id: g.id,
			name: g.name,
			programme: g.programme,
			closedAt: g.closedAt,
			schoolYearId: g.schoolYearId,
			schoolYear: table.schoolYear.name,
			isCurrentYear: table.schoolYear.isCurrent
		})
		.from(g)
		.innerJoin(table.schoolYear, eq(table.schoolYear.id, g.schoolYearId))
		.where(and(eq(g.id, id), schoolScope(viewer, g.schoolId)))
		.get();
}

export function getGroup(viewer: Viewer, id: number): GroupDetail | undefined {
	const row = findGroup(viewer, id);
	if (!row) return undefined;
	return {
		id: row.id,
		name: row.name,
		programme: row.programme,
		schoolYear: row.schoolYear,
		isCurrentYear: row.isCurrentYear,
		closed: row.closedAt !== null,
		students: members(viewer, id, 'student'),
		mentors: members(viewer, id, 'mentor')
	};
}

export interface Candidates {
	rows: GroupMember[];
	/** More match than are shown: the admin should search more precisely. */
	more: boolean;
}

export const CANDIDATE_LIMIT = 40;

/**
 * Active students (or mentors) of the school who are not yet in this group, matching the search. With
 * withoutGroup, only students in no open group of the current school year (the ones still to place).
 */
export function listCandidates(
	viewer: Viewer,
	groupId: number,
	kind: MemberKind,
	filter: { q: string; withoutGroup?: boolean }
): Candidates {
	const group = findGroup(viewer, groupId);
	if (!group) return { rows: [], more: false };
	const link = kind === 'student' ? table.groupStudent : table.groupMentor;
	const linkUser = kind === 'student' ? table.groupStudent.studentId : table.groupMentor.mentorId;
	const conditions: (SQL | undefined)[] = [
		schoolScope(viewer, u.schoolId),
		eq(u.active, true),
		inArray(u.id, usersWithRole(viewer, kind)),
		notInArray(u.id, sql`(select ${linkUser} from ${link} where ${link.groupId} = ${groupId})`),
		personSearch(filter.q)
	];
	if (kind === 'student' && filter.withoutGroup) {
		const gs = table.groupStudent;
		conditions.push(
			notInArray(
				u.id,
				sql`(select ${gs.studentId} from ${gs} inner join ${g} on ${g.id} = ${gs.groupId}
					where ${g.schoolYearId} = ${group.schoolYearId} and ${g.closedAt} is null)`
			)
		);
	}
	const rows = getDb()
		.select({ id: u.id, ...nameColumns, studentNumber: u.studentNumber, active: u.active })
		.from(u)
		.where(and(...conditions))
		.orderBy(asc(u.familyName), asc(u.givenName), asc(u.id))
		.limit(CANDIDATE_LIMIT + 1)
		.all();
	return {
		rows: rows.slice(0, CANDIDATE_LIMIT).map((r) => ({
			id: r.id,
			name: fullName(r),
			sortName: sortName(r),
			studentNumber: r.studentNumber,
			active: r.active
		})),
		more: rows.length > CANDIDATE_LIMIT
	};
}

export type GroupProblem = 'nameTaken' | 'noSchoolYear' | 'closed';
export type GroupResult =
	{ ok: true; id: number; name?: string } | { ok: false; field: 'name' | '_form'; problem: GroupProblem };

function nameTaken(schoolYearId: number, name: string, exceptId?: number): boolean {
	return !!getDb()
		.select({ id: g.id })
		.from(g)
		.where(and(eq(g.schoolYearId, schoolYearId), eq(g.name, name), exceptId ? ne(g.id, exceptId) : undefined))
		.get();
}

/** A new group in the current school year. */
export function createGroup(viewer: Viewer, input: GroupInput): GroupResult | undefined {
	if (!can(viewer, 'groups.manage')) return undefined;
	const year = currentYear(viewer);
	if (!year) return { ok: false, field: '_form', problem: 'noSchoolYear' };
	if (nameTaken(year.id, input.name)) return { ok: false, field: 'name', problem: 'nameTaken' };
	const id = createGroupRecord({ schoolId: viewer.schoolId, schoolYearId: year.id, ...input });
	return { ok: true, id };
}

export function updateGroup(viewer: Viewer, id: number, input: GroupInput): GroupResult | undefined {
	const group = findGroup(viewer, id);
	if (!group) return undefined;
	if (group.closedAt) return { ok: false, field: '_form', problem: 'closed' };
	if (nameTaken(group.schoolYearId, input.name, id))
		return { ok: false, field: 'name', problem: 'nameTaken' };
	getDb().update(g).set(input).where(eq(g.id, id)).run();
	return { ok: true, id };
}

/**
 * Adds active students (or mentors) of the school. Undefined (a 404) when the group or any of the ids is
 * not the viewer's to use, so nothing half-happens.
 */
export function addMembers(
	viewer: Viewer,
	groupId: number,
	kind: MemberKind,
	userIds: number[]
): GroupResult | undefined {
	const group = findGroup(viewer, groupId);
	if (!group) return undefined;
	const wanted = [...new Set(userIds)];
	const found = getDb()
		.select({ n: count() })
		.from(u)
		.where(
			and(
				inArray(u.id, wanted),
				schoolScope(viewer, u.schoolId),
				eq(u.active, true),
				inArray(u.id, usersWithRole(viewer, kind))
			)
		)
		.get();
	if (found?.n !== wanted.length) return undefined;
	if (group.closedAt) return { ok: false, field: '_form', problem: 'closed' };
	addGroupMembers({
		schoolId: viewer.schoolId,
		groupId,
		...(kind === 'student' ? { studentIds: wanted } : { mentorIds: wanted })
	});
	return { ok: true, id: groupId };
}

/** Undefined when the group is not the viewer's or the person is not in it; on success, who left. */
export function removeMember(
	viewer: Viewer,
	groupId: number,
	kind: MemberKind,
	userId: number
): GroupResult | undefined {
	const group = findGroup(viewer, groupId);
	if (!group) return undefined;
	const link = kind === 'student' ? table.groupStudent : table.groupMentor;
	const linkUser = kind === 'student' ? table.groupStudent.studentId : table.groupMentor.mentorId;
	const where = and(eq(link.groupId, groupId), eq(linkUser, userId), schoolScope(viewer, link.schoolId));
	const db = getDb();
	const member = db.select(nameColumns).from(link).innerJoin(u, eq(u.id, linkUser)).where(where).get();
	if (!member) return undefined;
	if (group.closedAt) return { ok: false, field: '_form', problem: 'closed' };
	db.delete(link).where(where).run();
	return { ok: true, id: groupId, name: fullName(member) };
}

/**
 * A closed group keeps its members for the record, but its mentors no longer see its students. Reopening
 * undoes a mistake.
 */
export function setGroupClosed(viewer: Viewer, id: number, closed: boolean): GroupResult | undefined {
	const group = findGroup(viewer, id);
	if (!group) return undefined;
	if (closed && !group.closedAt) getDb().update(g).set({ closedAt: new Date() }).where(eq(g.id, id)).run();
	if (!closed && group.closedAt) getDb().update(g).set({ closedAt: null }).where(eq(g.id, id)).run();
	return { ok: true, id };
}
