// Groups (klassen, stamgroepen) as the functioneel beheerder manages them; their members in group-members.ts.
// Policy: groups.manage (admins only), every query limited to the viewer's own school; another school's ids
// read like missing ones.
import { and, asc, count, eq, inArray, ne, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can, schoolScope } from '../access';
import { createGroupRecord, getCurrentSchoolYear } from './schools';
import { fullName, sortName, type NameParts } from '$lib/names';
import type { GroupInput } from '../../schemas/groups';
import type { Viewer } from '../auth/viewer';
import type { MemberKind } from './membership';

export type { MemberKind };

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
export const nameColumns = {
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

export const memberColumns = { id: u.id, ...nameColumns, studentNumber: u.studentNumber, active: u.active };

export function toMember(
	r: NameParts & { id: number; studentNumber: string | null; active: boolean }
): GroupMember {
	return {
		id: r.id,
		name: fullName(r),
		sortName: sortName(r),
		studentNumber: r.studentNumber,
		active: r.active
	};
}

function members(viewer: Viewer, groupId: number, kind: MemberKind): GroupMember[] {
	const link = kind === 'student' ? table.groupStudent : table.groupMentor;
	const userId = kind === 'student' ? table.groupStudent.studentId : table.groupMentor.mentorId;
	return getDb()
		.select(memberColumns)
		.from(link)
		.innerJoin(u, eq(u.id, userId))
		.where(and(eq(link.groupId, groupId), schoolScope(viewer, u.schoolId)))
		.orderBy(asc(u.familyName), asc(u.givenName))
		.all()
		.map(toMember);
}

/** The group as its admin may change it; undefined when it is not theirs (or they are no admin). */
export function findGroup(viewer: Viewer, id: number) {
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
