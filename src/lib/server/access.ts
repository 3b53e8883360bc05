// THE authorization policy. One table says which role may do which operation on whom; scope helpers turn
// the same table into SQL conditions so that out-of-scope rows are never read at all (and so look missing).
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { HOME_ORDER, ROLE_HOME, STAFF_ROLES, type Role } from '../roles';
import * as core from './db/schema';
import * as portfolio from './db/schema-portfolio';
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
type Grant = readonly Relation[] | true;
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

function grants(viewer: Viewer, op: Operation): Grant[] {
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

function relationCondition(viewer: Viewer, relation: Relation, studentId: SQLiteColumn): SQL {
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

/**
 * The reflections this viewer may read: their own (drafts and private ones included), and for a mentor
 * the finished reflections of their mentees that are shared with mentors or in the dossier. Coordinators
 * and admins read no reflection text (DOMAIN.md §5).
 */
export function reflectionReadScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	const conditions: SQL[] = [];
	for (const g of grants(viewer, 'reflection.read')) {
		if (g === true) continue;
		if (g.includes('self')) conditions.push(eq(r.studentId, viewer.userId));
		if (g.includes('mentee'))
			conditions.push(
				and(
					relationCondition(viewer, 'mentee', r.studentId),
					inArray(r.visibility, ['mentor', 'dossier']),
					isNotNull(r.finishedAt)
				) as SQL
			);
	}
	if (!conditions.length) return sql`0`;
	return and(eq(r.schoolId, viewer.schoolId), isNull(r.deletedAt), or(...conditions)) as SQL;
}

/** Only the student writes their own reflections. */
export function reflectionWriteScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	if (!canOn(viewer, 'reflection.write', 'self')) return sql`0`;
	return and(eq(r.schoolId, viewer.schoolId), eq(r.studentId, viewer.userId), isNull(r.deletedAt)) as SQL;
}

/** The open groups a student is in, as a subquery. */
function ownGroupIds(viewer: Viewer) {
	return sql`(select ${core.groupStudent.groupId} from ${core.groupStudent}
		inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
		where ${core.groupStudent.studentId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

/** The open groups the viewer mentors, as a subquery. */
function mentoredGroupIds(viewer: Viewer) {
	return sql`(select ${core.groupMentor.groupId} from ${core.groupMentor}
		inner join ${core.group} on ${core.group.id} = ${core.groupMentor.groupId}
		where ${core.groupMentor.mentorId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

// A group conversation has no student. The unary + keeps SQLite from answering "is null" with the student
// index: its statistics see a few rows per student id and miss that every group conversation is null there.
const groupWide = (studentId: SQLiteColumn) => sql`+${studentId} is null`;

export interface ConversationColumns {
	schoolId: SQLiteColumn;
	studentId: SQLiteColumn;
	groupId: SQLiteColumn;
	mentorId: SQLiteColumn;
}

/**
 * The conversations the viewer may do this operation on. Access follows the current mentorship, like
 * reflections (DOMAIN.md §5): a student has their own and their open groups' ones; a mentor those of the
 * students in their open groups right now, whoever held them (the next mentor inherits the history), and
 * the group conversations of the open groups they mentor. A former mentor keeps none of them, not even the
 * ones they held themselves.
 */
export function conversationScope(viewer: Viewer, op: Operation, c: ConversationColumns): SQL {
	const conditions: SQL[] = [];
	for (const g of grants(viewer, op)) {
		if (g === true) continue;
		if (g.includes('self'))
			conditions.push(
				or(
					eq(c.studentId, viewer.userId),
					and(groupWide(c.studentId), sql`${c.groupId} in ${ownGroupIds(viewer)}`)
				) as SQL
			);
		if (g.includes('mentee'))
			conditions.push(
				or(
					relationCondition(viewer, 'mentee', c.studentId),
					and(groupWide(c.studentId), sql`${c.groupId} in ${mentoredGroupIds(viewer)}`)
				) as SQL
			);
	}
	if (!conditions.length) return sql`0`;
	return and(eq(c.schoolId, viewer.schoolId), or(...conditions)) as SQL;
}

/**
 * The reflections a parent may read: finished ones of their linked children that the student shared with
 * their mentor or dossier and also marked "ook thuis". Never drafts, private ones or deleted ones.
 */
export function homeReflectionScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	if (!canOn(viewer, 'parent.child.read', 'child')) return sql`0`;
	return and(
		eq(r.schoolId, viewer.schoolId),
		isNull(r.deletedAt),
		isNotNull(r.finishedAt),
		inArray(r.visibility, ['mentor', 'dossier']),
		relationCondition(viewer, 'child', r.studentId),
		inArray(
			r.id,
			sql`(select ${parents.reflectionHomeShare.reflectionId} from ${parents.reflectionHomeShare})`
		)
	) as SQL;
}

/**
 * The conversations a parent may see: one-to-one conversations of a linked child to which the mentor
 * invited the parents, or whose confirmed summary the student shared with home.
 */
export function homeConversationScope(
	viewer: Viewer,
	c: { id: SQLiteColumn; schoolId: SQLiteColumn; studentId: SQLiteColumn; summaryConfirmedAt: SQLiteColumn }
): SQL {
	if (!canOn(viewer, 'parent.child.read', 'child')) return sql`0`;
	return and(
		eq(c.schoolId, viewer.schoolId),
		relationCondition(viewer, 'child', c.studentId),
		or(
			inArray(
				c.id,
				sql`(select ${parents.conversationParentInvite.conversationId} from ${parents.conversationParentInvite})`
			),
			and(
				isNotNull(c.summaryConfirmedAt),
				inArray(
					c.id,
					sql`(select ${parents.conversationHomeShare.conversationId} from ${parents.conversationHomeShare})`
				)
			)
		)
	) as SQL;
}

/** Conversations the viewer may read (see conversationScope). */
export function conversationReadScope(viewer: Viewer, c: ConversationColumns): SQL {
	return conversationScope(viewer, 'conversation.read', c);
}

/**
 * Is the mentor who planned the conversation still a mentor of its student (or of its group, still open)?
 * When not, the conversation stays in the history but takes nothing new: the student plans a new one with
 * their new mentor. Not about the viewer: the same answer for everyone who may read the conversation.
 */
export function conversationMentorIsCurrent(c: ConversationColumns): SQL {
	return sql`(case when ${c.studentId} is not null then exists (select 1 from ${core.groupStudent}
			inner join ${core.groupMentor} on ${core.groupMentor.groupId} = ${core.groupStudent.groupId}
			inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
			where ${core.groupStudent.studentId} = ${c.studentId} and ${core.groupMentor.mentorId} = ${c.mentorId}
				and ${core.group.closedAt} is null)
		else exists (select 1 from ${core.groupMentor}
			inner join ${core.group} on ${core.group.id} = ${core.groupMentor.groupId}
			where ${core.groupMentor.groupId} = ${c.groupId} and ${core.groupMentor.mentorId} = ${c.mentorId}
				and ${core.group.closedAt} is null) end)`;
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
