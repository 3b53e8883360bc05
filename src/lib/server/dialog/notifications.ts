// In-app notifications (no e-mail): students hear about feedback and conversations, mentors about new
// finished reflections and replies. A user only ever reads and marks their own.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import { conversationReadScope } from '../access-scopes/conversations';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import { prepared } from '../db/prepared';
import * as core from '../db/schema';
import { conversation, notification, NOTIFICATION_KINDS } from '../db/schema-dialog';
import { activity, reflection } from '../db/schema-portfolio';
import { matrixRound } from '../db/schema-matrix';
import { fullName } from '$lib/names';

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NewNotification {
	schoolId: number;
	userId: number;
	kind: NotificationKind;
	studentId?: number | null;
	reflectionId?: number | null;
	conversationId?: number | null;
	activityId?: number | null;
	matrixRoundId?: number | null;
}

/**
 * Adds notifications, one statement for any number: a user who has not yet read the same news about the
 * same thing does not get it twice.
 */
export function notify(db: Db, rows: NewNotification[]): void {
	if (!rows.length) return;
	const json = JSON.stringify(
		rows.map((r) => ({
			s: r.schoolId,
			u: r.userId,
			k: r.kind,
			st: r.studentId ?? null,
			r: r.reflectionId ?? null,
			c: r.conversationId ?? null,
			a: r.activityId ?? null,
			m: r.matrixRoundId ?? null
		}))
	);
	const n = notification;
	// "is" compares nulls as equal; distinct drops duplicates within one call.
	db.run(sql`insert into ${n} (school_id, user_id, kind, student_id, reflection_id, conversation_id, activity_id,
			matrix_round_id)
		select distinct j.value ->> 's', j.value ->> 'u', j.value ->> 'k', j.value ->> 'st', j.value ->> 'r',
			j.value ->> 'c', j.value ->> 'a', j.value ->> 'm'
		from json_each(${json}) j
		where not exists (select 1 from ${n} o where o.user_id = j.value ->> 'u' and o.read_at is null
			and o.kind = j.value ->> 'k' and o.student_id is j.value ->> 'st' and o.reflection_id is j.value ->> 'r'
			and o.conversation_id is j.value ->> 'c' and o.activity_id is j.value ->> 'a'
			and o.matrix_round_id is j.value ->> 'm')`);
}

/** The mentors of a student's open groups (one query). */
export function mentorsOf(db: Db, studentId: number): number[] {
	return db
		.selectDistinct({ id: core.groupMentor.mentorId })
		.from(core.groupMentor)
		.innerJoin(core.groupStudent, eq(core.groupStudent.groupId, core.groupMentor.groupId))
		.innerJoin(core.group, eq(core.group.id, core.groupMentor.groupId))
		.where(and(eq(core.groupStudent.studentId, studentId), isNull(core.group.closedAt)))
		.all()
		.map((r) => r.id);
}

/** After a student finishes a reflection shared with mentors: one notification per mentor. */
export function notifyReflectionFinished(viewer: Viewer, reflectionId: number, db: Db = getDb()): void {
	const r = db
		.select({ visibility: reflection.visibility, finishedAt: reflection.finishedAt })
		.from(reflection)
		.where(and(eq(reflection.id, reflectionId), eq(reflection.studentId, viewer.userId)))
		.get();
	if (!r || !r.finishedAt || r.visibility === 'private') return;
	notify(
		db,
		mentorsOf(db, viewer.userId).map((userId) => ({
			schoolId: viewer.schoolId,
			userId,
			kind: 'reflection' as const,
			studentId: viewer.userId,
			reflectionId
		}))
	);
}

export interface NotificationItem {
	id: number;
	kind: NotificationKind;
	/** The student it is about, while the viewer may still see them; null otherwise. */
	studentId: number | null;
	studentName: string;
	/** The reflection, while the viewer may still read it; null (and no title) once they may not. */
	reflectionId: number | null;
	reflectionTitle: string | null;
	/** The conversation, while the viewer may still read it; null (and no date) once they may not. */
	conversationId: number | null;
	conversationDate: string | null;
	conversationTime: string | null;
	activityId: number | null;
	activityTitle: string;
	/** A round of the LOB-task matrix the viewer was invited (or reminded) to give their view in. */
	matrixRoundId: number | null;
	matrixRoundName: string;
	createdAt: number;
	read: boolean;
}

/**
 * The viewer's own notifications, newest first. A notification outlives the right to read what it points
 * to (a reflection made private or deleted, a mentor taken off the group): what it shows of the student,
 * the reflection and the conversation is read through the viewer's scopes now, so it then shows none of it.
 */
export function listNotifications(viewer: Viewer, db: Db = getDb()): NotificationItem[] {
	// No content about a student the viewer can no longer see at all.
	const studentSeen = sql`(${notification.studentId} is null or ${core.user.id} is not null)`;
	const rows = db
		.select({
			id: notification.id,
			kind: notification.kind,
			studentId: core.user.id,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			reflectionId: reflection.id,
			reflectionTitle: reflection.title,
			conversationId: conversation.id,
			conversationDate: conversation.plannedAt,
			conversationTime: conversation.plannedTime,
			activityId: notification.activityId,
			activityTitle: activity.title,
			matrixRoundId: matrixRound.id,
			matrixRoundName: matrixRound.name,
			createdAt: notification.createdAt,
			readAt: notification.readAt
		})
		.from(notification)
		.leftJoin(
			core.user,
			and(
				eq(core.user.id, notification.studentId),
				studentScope(viewer, 'student.profile.read', core.user.id)
			)
		)
		.leftJoin(
			reflection,
			and(eq(reflection.id, notification.reflectionId), reflectionReadScope(viewer), studentSeen)
		)
		.leftJoin(
			conversation,
			and(
				eq(conversation.id, notification.conversationId),
				conversationReadScope(viewer, conversation),
				studentSeen
			)
		)
		.leftJoin(activity, eq(activity.id, notification.activityId))
		.leftJoin(
			matrixRound,
			and(eq(matrixRound.id, notification.matrixRoundId), eq(matrixRound.schoolId, viewer.schoolId))
		)
		.where(and(eq(notification.userId, viewer.userId), eq(notification.schoolId, viewer.schoolId)))
		.orderBy(desc(notification.createdAt), desc(notification.id))
		.limit(100)
		.all();
	return rows.map((r) => ({
		id: r.id,
		kind: r.kind,
		studentId: r.studentId,
		studentName: fullName({ givenName: r.given, familyNamePrefix: r.prefix, familyName: r.family }),
		reflectionId: r.reflectionId,
		reflectionTitle: r.reflectionTitle,
		conversationId: r.conversationId,
		conversationDate: r.conversationDate,
		conversationTime: r.conversationTime,
		activityId: r.activityId,
		activityTitle: r.activityTitle ?? '',
		matrixRoundId: r.matrixRoundId,
		matrixRoundName: r.matrixRoundName ?? '',
		createdAt: r.createdAt.getTime(),
		read: r.readAt !== null
	}));
}

// On every page (the badge in the shell): prepared once.
const unreadQuery = (db: Db) =>
	db
		.select({ n: sql<number>`count(*)` })
		.from(notification)
		.where(and(eq(notification.userId, sql.placeholder('userId')), isNull(notification.readAt)))
		.prepare();

export function unreadCount(viewer: Viewer, db: Db = getDb()): number {
	return prepared(db, 'notifications.unread', unreadQuery).get({ userId: viewer.userId })?.n ?? 0;
}

/** Marks the viewer's own notifications read; ids of someone else's simply match nothing. */
export function markRead(viewer: Viewer, ids: number[] | 'all', db: Db = getDb()): number {
	const own = and(eq(notification.userId, viewer.userId), isNull(notification.readAt));
	const where = ids === 'all' ? own : and(own, inArray(notification.id, ids.length ? ids : [-1]));
	return db.update(notification).set({ readAt: new Date() }).where(where).run().changes;
}

/** Marks one of the viewer's own notifications read; false when it is not theirs (or does not exist). */
export function markOneRead(viewer: Viewer, id: number, db: Db = getDb()): boolean {
	const own = db
		.select({ id: notification.id })
		.from(notification)
		.where(and(eq(notification.id, id), eq(notification.userId, viewer.userId)))
		.get();
	if (!own) return false;
	markRead(viewer, [id], db);
	return true;
}
