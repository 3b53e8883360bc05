// Who is in a group: finding students and mentors to add, adding and removing them (groups.manage, as in
// groups.ts). A closed group keeps its members and takes no changes.
import { and, asc, count, eq, inArray, notInArray, sql, type SQL } from 'drizzle-orm';
import { getDb, inTransaction } from '../db';
import * as table from '../db/schema';
import { schoolScope } from '../access';
import { addGroupMembers } from './schools';
import { leaveGroups } from './membership';
import { personSearch, usersWithRole } from './people';
import {
	findGroup,
	memberColumns,
	nameColumns,
	toMember,
	type GroupMember,
	type GroupResult,
	type MemberKind
} from './groups';
import { fullName } from '$lib/names';
import type { Viewer } from '../auth/viewer';

const g = table.group;
const u = table.user;

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
		.select(memberColumns)
		.from(u)
		.where(and(...conditions))
		.orderBy(asc(u.familyName), asc(u.givenName), asc(u.id))
		.limit(CANDIDATE_LIMIT + 1)
		.all();
	return {
		rows: rows.slice(0, CANDIDATE_LIMIT).map(toMember),
		more: rows.length > CANDIDATE_LIMIT
	};
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
	inTransaction(db, (tx) =>
		leaveGroups(tx, { schoolId: viewer.schoolId, kind, userIds: [userId], groupIds: [groupId] })
	);
	return { ok: true, id: groupId, name: fullName(member) };
}
