// Group places and their history: every change to group_student or group_mentor goes through here, so that
// group_membership can tell a student's inzage who was in which group, with which mentors, and when.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../db';
import type { Tx } from './people';
import * as table from '../db/schema';

export type MemberKind = 'student' | 'mentor';

const linkOf = (kind: MemberKind) =>
	kind === 'student'
		? { link: table.groupStudent, user: table.groupStudent.studentId }
		: { link: table.groupMentor, user: table.groupMentor.mentorId };

const h = table.groupMembership;

/** Puts people in a group (a no-op for those already in it); `since` is when their place began. In a transaction. */
export function joinGroup(
	db: Db | Tx,
	input: { schoolId: number; groupId: number; kind: MemberKind; userIds: number[]; since?: Date }
): void {
	const { schoolId, groupId, kind } = input;
	const userIds = [...new Set(input.userIds)];
	if (!userIds.length) return;
	const { link, user } = linkOf(kind);
	const present = new Set(
		db
			.select({ id: user })
			.from(link)
			.where(and(eq(link.groupId, groupId), inArray(user, userIds)))
			.all()
			.map((r) => r.id)
	);
	const newcomers = userIds.filter((id) => !present.has(id));
	if (!newcomers.length) return;
	if (kind === 'student')
		db.insert(table.groupStudent)
			.values(newcomers.map((studentId) => ({ schoolId, groupId, studentId })))
			.run();
	else
		db.insert(table.groupMentor)
			.values(newcomers.map((mentorId) => ({ schoolId, groupId, mentorId })))
			.run();
	const fromAt = input.since ?? new Date();
	db.insert(h)
		.values(newcomers.map((userId) => ({ schoolId, groupId, userId, kind, fromAt })))
		.run();
}

/** Takes people out of the given groups (or out of every group of this kind) and closes their history. In a transaction. */
export function leaveGroups(
	db: Db | Tx,
	input: { schoolId: number; kind: MemberKind; userIds: number[]; groupIds?: number[] }
): void {
	const { schoolId, kind, groupIds } = input;
	if (!input.userIds.length || groupIds?.length === 0) return;
	const { link, user } = linkOf(kind);
	db.delete(link)
		.where(
			and(
				eq(link.schoolId, schoolId),
				inArray(user, input.userIds),
				groupIds ? inArray(link.groupId, groupIds) : undefined
			)
		)
		.run();
	db.update(h)
		.set({ untilAt: new Date() })
		.where(
			and(
				eq(h.schoolId, schoolId),
				eq(h.kind, kind),
				inArray(h.userId, input.userIds),
				groupIds ? inArray(h.groupId, groupIds) : undefined,
				isNull(h.untilAt)
			)
		)
		.run();
}
