// THE authorization policy. One table says which role may do which operation on whom; scope helpers (here
// and in access-scopes/) turn it into SQL conditions, so out-of-scope rows are never read (and look missing).
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { HOME_ORDER, ROLE_HOME, STAFF_ROLES, type Role } from '../roles';
import * as core from './db/schema';
import * as parents from './db/schema-parents';
import type { Viewer } from './auth/viewer';

/** How the viewer relates to the student a row belongs to. */
export type Relation = 'self' | 'mentee' | 'schoolStudent' | 'child';
export const RELATIONS: readonly Relation[] = ['self', 'mentee', 'schoolStudent', 'child'];

export const OPERATIONS = [
	'student.home',
	'student.profile.read',
	'student.loginCode.create',
	'mentee.loginCode.create',
	'mentor.groups.read',
	'mentor.student.read',
	'school.aggregates.read',
	'people.manage',
	'groups.manage',
	'reflection.read',
	'reflection.write',
	'audit.own',
	'audit.search',
	'schoolYear.manage',
	'student.erase',
	'student.dataExport',
	'portfolio.transfer',
	'selfRating.read',
	'selfRating.write',
	'goal.read',
	'goal.write',
	'matrix.read',
	'matrix.respond',
	'matrix.edit',
	'comment.write',
	'conversation.read',
	'conversation.manage',
	'conversation.agenda.add',
	'conversation.confirm',
	'conversation.mentorNote.read',
	'parent.home',
	'parent.link.manage',
	'home.share',
	'parent.child.read',
	'parent.note.write',
	'parent.agenda.add',
	'conversation.parent.invite',
	'parent.link.school',
	'parent.programme.read',
	'programme.read',
	'programme.manage',
	'programme.manageOwnGroups',
	'programme.follow',
	'programme.take',
	'programme.reach',
	'dossier.requirements.manage',
	'dossier.progress.read',
	'dossier.signoff',
	'dossier.signoff.counts',
	'dossier.share'
] as const;
export type Operation = (typeof OPERATIONS)[number];

// true = the operation is not about one student (an area or a school-wide task).
export type Grant = readonly Relation[] | true;
export const POLICY: Record<Operation, Partial<Record<Role, Grant>>> = {
	'student.home': { student: ['self'] },
	'student.profile.read': { student: ['self'], mentor: ['mentee'], admin: ['schoolStudent'] },
	'student.loginCode.create': { mentor: ['mentee'], admin: ['schoolStudent'] },
	// From the mentor's overview: their own mentees only, whatever other roles the mentor has.
	'mentee.loginCode.create': { mentor: ['mentee'] },
	'mentor.groups.read': { mentor: true },
	// The mentor's page about one student: their mentees only, whatever other roles the viewer has (an admin
	// reads every student's account, never their goals or self-ratings).
	'mentor.student.read': { mentor: ['mentee'] },
	// Coordinators see aggregates only, never one student's reflections (DOMAIN.md §5).
	'school.aggregates.read': { coordinator: true, admin: true },
	'people.manage': { admin: true },
	'groups.manage': { admin: true },
	// Mentors read only what a student shared with them and finished (see reflectionReadScope).
	'reflection.read': { student: ['self'], mentor: ['mentee'] },
	'reflection.write': { student: ['self'] },
	// The right of access: a student sees who looked at their file; the admin searches the whole log.
	'audit.own': { student: ['self'] },
	'audit.search': { admin: true },
	'schoolYear.manage': { admin: true },
	'student.erase': { admin: ['schoolStudent'] },
	// Right of access: the student downloads their own data; the admin does it for them on a formal request.
	'student.dataExport': { student: ['self'], admin: ['schoolStudent'] },
	// A student brings their own portfolio from their previous school; nobody does it for them.
	'portfolio.transfer': { student: ['self'] },
	// Self-ratings and goals are the student's own; their mentor reads them to prepare a conversation.
	'selfRating.read': { student: ['self'], mentor: ['mentee'] },
	'selfRating.write': { student: ['self'] },
	'goal.read': { student: ['self'], mentor: ['mentee'] },
	'goal.write': { student: ['self'] },
	// The LOB-task matrix is about staff, never about students: every employee reads the agreed matrix and
	// answers invitations; only the coordinator edits (DOMAIN.md §6).
	'matrix.read': { mentor: true, coordinator: true, admin: true, staff: true },
	'matrix.respond': { mentor: true, coordinator: true, admin: true, staff: true },
	'matrix.edit': { coordinator: true },
	// Comments only where reflectionReadScope lets the viewer read the reflection (comments.ts).
	'comment.write': { student: ['self'], mentor: ['mentee'] },
	'conversation.read': { student: ['self'], mentor: ['mentee'] },
	'conversation.manage': { mentor: ['mentee'] },
	'conversation.agenda.add': { student: ['self'], mentor: ['mentee'] },
	'conversation.confirm': { student: ['self'] },
	// The mentor's working note: never shown to the student in the app (still in an access request).
	'conversation.mentorNote.read': { mentor: ['mentee'] },
	// Parents (issue 20): the student invites and revokes them and chooses what goes home ("ook thuis");
	// a parent reads only that, of the students who linked them (homeReflectionScope, homeConversationScope).
	'parent.home': { parent: true },
	'parent.link.manage': { student: ['self'] },
	'home.share': { student: ['self'] },
	'parent.child.read': { parent: ['child'] },
	'parent.note.write': { parent: ['child'] },
	'parent.agenda.add': { parent: ['child'] },
	'conversation.parent.invite': { mentor: ['mentee'] },
	// On request (the inzage route for a parent of a student under 16) the admin links a parent of the school.
	'parent.link.school': { admin: ['schoolStudent'] },
	// The school's programme, not the child's content: titles, dates and places of their upcoming activities.
	'parent.programme.read': { parent: ['child'] },
	// The LOB programme (issue 18): the decaan plans for the school, a mentor for their own groups only;
	// a mentor follows who prepared and reflected; a student takes part; the reach is counts only.
	'programme.read': { mentor: true, coordinator: true },
	'programme.manage': { coordinator: true },
	'programme.manageOwnGroups': { mentor: true },
	'programme.follow': { mentor: ['mentee'] },
	'programme.take': { student: ['self'] },
	'programme.reach': { coordinator: true },
	// The dossier at the end of the year (issue 19): the decaan sets what it must hold per leerjaar/level and
	// sees how many are signed off (counts only); the mentor signs off; the student shares it, read-only.
	'dossier.requirements.manage': { coordinator: true },
	'dossier.progress.read': { student: ['self'], mentor: ['mentee'] },
	'dossier.signoff': { mentor: ['mentee'] },
	'dossier.signoff.counts': { coordinator: true },
	'dossier.share': { student: ['self'] }
};

/** The viewer's grants for this operation, one per role of theirs that has one. */
export function grants(viewer: Viewer, op: Operation): Grant[] {
	const rule = POLICY[op];
	return viewer.roles.flatMap((r) => (rule[r] === undefined ? [] : [rule[r]]));
}

/** May the viewer do this area-wide operation at all? */
export function can(viewer: Viewer, op: Operation): boolean {
	return grants(viewer, op).length > 0;
}

/** May the viewer do this operation on a student they stand in this relation to? */
export function canOn(viewer: Viewer, op: Operation, relation: Relation): boolean {
	return grants(viewer, op).some((g) => g === true || g.includes(relation));
}

/** The students of the viewer's own open groups, as a subquery. */
function menteeIds(viewer: Viewer) {
	return sql`(select ${core.groupStudent.studentId} from ${core.groupStudent}
		inner join ${core.groupMentor} on ${core.groupMentor.groupId} = ${core.groupStudent.groupId}
		inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
		where ${core.groupMentor.mentorId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

function schoolStudentIds(viewer: Viewer) {
	return sql`(select ${core.userRole.userId} from ${core.userRole}
		where ${core.userRole.schoolId} = ${viewer.schoolId} and ${core.userRole.role} = 'student')`;
}

/** The students (by their id column) the viewer stands in this relation to, as a WHERE condition. */
export function relationCondition(viewer: Viewer, relation: Relation, studentId: SQLiteColumn): SQL {
	switch (relation) {
		case 'self':
			return eq(studentId, viewer.userId);
		case 'mentee':
			return sql`${studentId} in ${menteeIds(viewer)}`;
		case 'schoolStudent':
			return sql`${studentId} in ${schoolStudentIds(viewer)}`;
		case 'child':
			return sql`${studentId} in ${childIds(viewer)}`;
	}
}

/** The students who linked this parent and have not revoked the link, as a subquery. */
function childIds(viewer: Viewer) {
	const l = parents.parentLink;
	return sql`(select ${l.studentId} from ${l} where ${l.parentId} = ${viewer.userId}
		and ${l.schoolId} = ${viewer.schoolId} and ${l.revokedAt} is null)`;
}

/**
 * The WHERE condition that limits rows about students (by their student id column) to those this viewer
 * may see for this operation. A viewer with no grant gets a condition that is always false.
 */
export function studentScope(viewer: Viewer, op: Operation, studentId: SQLiteColumn): SQL {
	const conditions = grants(viewer, op).flatMap((g) =>
		g === true ? [] : g.map((rel) => relationCondition(viewer, rel, studentId))
	);
	return conditions.length ? (or(...conditions) as SQL) : sql`0`;
}

/** Rows of the viewer's own school only; every school-owned query adds this. */
export function schoolScope(viewer: Viewer, schoolId: SQLiteColumn): SQL {
	return eq(schoolId, viewer.schoolId);
}

/** The open groups the viewer mentors. */
export function mentoredGroupScope(viewer: Viewer): SQL {
	return and(
		eq(core.group.schoolId, viewer.schoolId),
		isNull(core.group.closedAt),
		inArray(
			core.group.id,
			sql`(select ${core.groupMentor.groupId} from ${core.groupMentor} where ${core.groupMentor.mentorId} = ${viewer.userId})`
		)
	) as SQL;
}

/** Is this student in one of the viewer's open groups right now? (for actions: the student may have left) */
export function menteeCondition(viewer: Viewer, studentId: SQLiteColumn): SQL {
	return relationCondition(viewer, 'mentee', studentId);
}

/** A parent account (only ever that role): the invitation page sends it to link the child instead. */
export function isParentAccount(roles: readonly Role[]): boolean {
	return roles.length === 1 && roles[0] === 'parent';
}

export interface NavArea {
	role: Role;
	href: string;
}

/** The role areas this viewer may open, in the order the navigation shows them. */
export function navAreas(viewer: Viewer): NavArea[] {
	const areas = HOME_ORDER.filter((r) => r !== 'staff' && viewer.roles.includes(r)).map((role) => ({
		role,
		href: ROLE_HOME[role]
	}));
	// Every employee has "LOB-taken" (the matrix), whatever their other roles.
	if (viewer.roles.some((r) => STAFF_ROLES.includes(r))) areas.push({ role: 'staff', href: ROLE_HOME.staff });
	return areas;
}

export function homePath(viewer: Viewer): string {
	return navAreas(viewer)[0]?.href ?? '/account';
}
