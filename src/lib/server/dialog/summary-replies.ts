// The talk about a conversation's summary: a student who finds it "niet helemaal" right says why, the
// mentor answers (and may correct the summary); it counts as confirmed only when the student agrees.
import { and, asc, count, eq, isNull, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { conversationMentorIsCurrent } from '../access-scopes/conversations';
import { getDb, inTransaction, type Db } from '../db';
import * as core from '../db/schema';
import { conversation, summaryReply } from '../db/schema-dialog';
import { fullName } from '$lib/names';
import { findConversation, type ActionResult } from './conversations';
import { mentorsOf, notify } from './notifications';

export interface SummaryReply {
	id: number;
	byStudent: boolean;
	author: string;
	body: string;
	createdAt: number;
}

/** The replies on the summary of a conversation the viewer may read, oldest first; none for others. */
export function listSummaryReplies(viewer: Viewer, id: number, db: Db = getDb()): SummaryReply[] {
	if (!findConversation(viewer, id, db)) return [];
	return db
		.select({
			id: summaryReply.id,
			byStudent: summaryReply.byStudent,
			body: summaryReply.body,
			createdAt: summaryReply.createdAt,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(summaryReply)
		.leftJoin(core.user, eq(core.user.id, summaryReply.authorId))
		.where(and(eq(summaryReply.conversationId, id), eq(summaryReply.schoolId, viewer.schoolId)))
		.orderBy(asc(summaryReply.id))
		.all()
		.map((r) => ({
			id: r.id,
			byStudent: r.byStudent,
			author: fullName(r),
			body: r.body,
			createdAt: r.createdAt.getTime()
		}));
}

/** Whose turn it is: the mentor's after the student's "niet helemaal", else nobody's. */
export function waitingForMentor(replies: SummaryReply[]): boolean {
	return replies.at(-1)?.byStudent === true;
}

/** The student's own held, not yet confirmed conversation, or a reason why not. */
function ownOpenSummary(viewer: Viewer, id: number, db: Db) {
	if (!canOn(viewer, 'conversation.confirm', 'self')) return 'missing' as const;
	const row = db
		.select({
			status: conversation.status,
			summary: conversation.summary,
			confirmedAt: conversation.summaryConfirmedAt,
			mentorId: conversation.mentorId,
			mentorIsCurrent: sql<number>`(case when ${conversationMentorIsCurrent(conversation)} then 1 else 0 end)`
		})
		.from(conversation)
		.where(
			and(
				eq(conversation.id, id),
				eq(conversation.studentId, viewer.userId),
				eq(conversation.schoolId, viewer.schoolId)
			)
		)
		.get();
	if (!row) return 'missing' as const;
	if (row.status !== 'held' || !row.summary) return 'not_held' as const;
	if (row.confirmedAt) return 'already' as const;
	return row;
}

/** "Niet helemaal": the student says what is not right; their mentor hears it. */
export function disagreeWithSummary(
	viewer: Viewer,
	id: number,
	body: string,
	db: Db = getDb()
): ActionResult {
	const row = ownOpenSummary(viewer, id, db);
	if (typeof row === 'string') return row;
	// The mentor who held it while they are still the student's mentor, else the student's mentors now.
	const mentors = row.mentorId && row.mentorIsCurrent ? [row.mentorId] : mentorsOf(db, viewer.userId);
	inTransaction(db, (tx) => {
		tx.insert(summaryReply)
			.values({
				schoolId: viewer.schoolId,
				conversationId: id,
				authorId: viewer.userId,
				byStudent: true,
				body
			})
			.run();
		notify(
			tx,
			mentors.map((userId) => ({
				schoolId: viewer.schoolId,
				userId,
				kind: 'summaryReply' as const,
				studentId: viewer.userId,
				conversationId: id
			}))
		);
	});
	return 'ok';
}

/**
 * The mentor answers the student's "niet helemaal", and may correct the summary; the student then confirms
 * it or replies again.
 */
export function answerSummary(
	viewer: Viewer,
	id: number,
	input: { body: string; summary: string },
	db: Db = getDb()
): ActionResult {
	const c = findConversation(viewer, id, db);
	if (!c || !c.mayManage || c.studentId === null) return 'missing';
	if (!c.mentorIsCurrent) return 'mentor_changed';
	if (c.status !== 'held') return 'not_held';
	if (c.confirmedAt) return 'already';
	const studentId = c.studentId;
	inTransaction(db, (tx) => {
		tx.insert(summaryReply)
			.values({
				schoolId: viewer.schoolId,
				conversationId: id,
				authorId: viewer.userId,
				byStudent: false,
				body: input.body
			})
			.run();
		if (input.summary && input.summary !== c.summary)
			tx.update(conversation)
				.set({ summary: input.summary })
				.where(and(eq(conversation.id, id), isNull(conversation.summaryConfirmedAt)))
				.run();
		notify(tx, [
			{ schoolId: viewer.schoolId, userId: studentId, kind: 'summaryAnswer', studentId, conversationId: id }
		]);
	});
	return 'ok';
}

/** "Ja, dit klopt": the student confirms the summary, once; after a talk about it their mentor hears so. */
export function confirmSummary(viewer: Viewer, id: number, db: Db = getDb()): ActionResult {
	const row = ownOpenSummary(viewer, id, db);
	if (typeof row === 'string') return row;
	return inTransaction(db, (tx) => {
		const done = tx
			.update(conversation)
			.set({ summaryConfirmedAt: new Date() })
			.where(and(eq(conversation.id, id), isNull(conversation.summaryConfirmedAt)))
			.run();
		if (!done.changes) return 'already';
		const talked =
			tx.select({ n: count() }).from(summaryReply).where(eq(summaryReply.conversationId, id)).get()?.n ?? 0;
		if (talked && row.mentorId && row.mentorIsCurrent)
			notify(tx, [
				{
					schoolId: viewer.schoolId,
					userId: row.mentorId,
					kind: 'summaryConfirmed',
					studentId: viewer.userId,
					conversationId: id
				}
			]);
		return 'ok';
	});
}
