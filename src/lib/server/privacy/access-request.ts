// The rest of "everything Koers holds about me" (AVG right of access), beside portfolio.json in the
// student's ZIP: the comments on their reflections, their career conversations and agreements, and the
// audit entries about them. The mentors' working notes are left out of this self-service copy; the school
// hands them over on a formal access request (they are labelled as part of the file for that reason).
import { and, asc, eq, inArray, isNull, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import * as dialog from '../db/schema-dialog';
import { canOn, studentScope } from '../access';
import { createViewer, type Viewer } from '../auth/viewer';
import { listMyAudit } from './audit';
import { parentsExport } from '../parents/export';
import { listOwnSignoffs } from '../portfolio/signoff';
import { listShares } from '../portfolio/share';
import { fullName } from '$lib/names';
import { myAccount, myGroups } from './my-account';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const author = alias(core.user, 'author');

export interface MyDataOptions {
	/** A formal request handled by the school also holds the mentors' working notes on conversations. */
	withMentorNotes?: boolean;
}

export function buildMyData(viewer: Viewer, options: MyDataOptions = {}) {
	if (!canOn(viewer, 'student.home', 'self')) return undefined;
	const db = getDb();
	const me = viewer.userId;
	const comments = db
		.select({
			reflectionId: dialog.comment.reflectionId,
			id: dialog.comment.id,
			parentId: dialog.comment.parentId,
			body: dialog.comment.body,
			createdAt: dialog.comment.createdAt,
			editedAt: dialog.comment.editedAt,
			authorGiven: author.givenName,
			authorPrefix: author.familyNamePrefix,
			authorFamily: author.familyName,
			byMe: dialog.comment.authorId
		})
		.from(dialog.comment)
		.innerJoin(portfolio.reflection, eq(portfolio.reflection.id, dialog.comment.reflectionId))
		.leftJoin(author, eq(author.id, dialog.comment.authorId))
		.where(
			and(
				eq(portfolio.reflection.studentId, me),
				eq(dialog.comment.schoolId, viewer.schoolId),
				isNull(dialog.comment.deletedAt)
			)
		)
		.orderBy(asc(dialog.comment.createdAt))
		.all();
	const groupIds = db
		.select({ id: core.groupStudent.groupId })
		.from(core.groupStudent)
		.where(eq(core.groupStudent.studentId, me))
		.all()
		.map((g) => g.id);
	const c = dialog.conversation;
	const conversations = db
		.select({
			id: c.id,
			plannedAt: c.plannedAt,
			status: c.status,
			summary: c.summary,
			summaryConfirmedAt: c.summaryConfirmedAt,
			heldAt: c.heldAt,
			forGroup: c.groupId,
			mentorNote: c.mentorNote
		})
		.from(c)
		.where(
			and(
				eq(c.schoolId, viewer.schoolId),
				groupIds.length ? or(eq(c.studentId, me), inArray(c.groupId, groupIds)) : eq(c.studentId, me)
			)
		)
		.orderBy(asc(c.plannedAt))
		.all();
	const conversationIds = conversations.map((x) => x.id);
	const agenda = conversationIds.length
		? db
				.select({
					conversationId: dialog.conversationAgendaItem.conversationId,
					source: dialog.conversationAgendaItem.source,
					text: dialog.conversationAgendaItem.text
				})
				.from(dialog.conversationAgendaItem)
				.where(inArray(dialog.conversationAgendaItem.conversationId, conversationIds))
				.all()
		: [];
	// The talk about a summary is part of the student's file (only one-to-one conversations have one).
	const replies = conversationIds.length
		? db
				.select({
					conversationId: dialog.summaryReply.conversationId,
					byStudent: dialog.summaryReply.byStudent,
					body: dialog.summaryReply.body,
					createdAt: dialog.summaryReply.createdAt
				})
				.from(dialog.summaryReply)
				.where(inArray(dialog.summaryReply.conversationId, conversationIds))
				.orderBy(asc(dialog.summaryReply.id))
				.all()
		: [];
	const agreements = conversationIds.length
		? db
				.select({
					conversationId: dialog.agreement.conversationId,
					goalId: dialog.agreement.goalId,
					title: portfolio.goal.title,
					dueOn: portfolio.goal.dueOn
				})
				.from(dialog.agreement)
				.innerJoin(portfolio.goal, eq(portfolio.goal.id, dialog.agreement.goalId))
				.where(
					and(inArray(dialog.agreement.conversationId, conversationIds), eq(dialog.agreement.studentId, me))
				)
				.all()
		: [];
	return {
		account: myAccount(viewer),
		groups: myGroups(viewer),
		comments: comments.map((x) => ({
			reflectionId: x.reflectionId,
			id: x.id,
			replyTo: x.parentId,
			author:
				x.byMe === me
					? 'ik'
					: fullName({
							givenName: x.authorGiven,
							familyNamePrefix: x.authorPrefix,
							familyName: x.authorFamily
						}) || null,
			text: x.body,
			createdAt: iso(x.createdAt),
			editedAt: iso(x.editedAt)
		})),
		conversations: conversations.map((x) => ({
			plannedAt: x.plannedAt,
			status: x.status,
			withGroup: x.forGroup !== null,
			heldAt: iso(x.heldAt),
			summary: x.summary,
			summaryConfirmedAt: iso(x.summaryConfirmedAt),
			// Only one-to-one notes: a note on a group conversation is about other students too.
			...(options.withMentorNotes && x.forGroup === null ? { mentorNote: x.mentorNote } : {}),
			agenda: agenda.filter((a) => a.conversationId === x.id).map((a) => ({ by: a.source, text: a.text })),
			summaryReplies: replies
				.filter((r) => r.conversationId === x.id)
				.map((r) => ({ by: r.byStudent ? 'student' : 'mentor', text: r.body, at: iso(r.createdAt) })),
			agreements: agreements
				.filter((a) => a.conversationId === x.id)
				.map((a) => ({ goal: a.title, dueOn: a.dueOn }))
		})),
		audit: listMyAudit(viewer, 10_000).map((e) => ({
			at: iso(e.createdAt),
			who: e.actorName,
			roles: e.actorRoles,
			action: e.action,
			detail: e.detail
		})),
		// Issue 20: linked parents, what goes home, and the notes from home.
		home: parentsExport(viewer),
		// Issue 19: the mentors' sign-offs of the dossier per school year, and the share links (never a token).
		dossier: {
			signoffs: listOwnSignoffs(viewer),
			shareLinks: listShares(viewer).map((x) => ({
				part: x.part,
				recipient: x.recipient,
				expiresOn: x.expiresOn,
				createdAt: new Date(x.createdAt).toISOString(),
				revokedAt: x.revokedAt === null ? null : new Date(x.revokedAt).toISOString(),
				views: x.views,
				lastViewedAt: x.lastViewedAt === null ? null : new Date(x.lastViewedAt).toISOString()
			}))
		}
	};
}

export type MyData = NonNullable<ReturnType<typeof buildMyData>>;

/**
 * The data subject of an access request (AVG art. 15): the student, as a read-only viewer for the export,
 * when this viewer may export that student's data (the student themselves, or an admin of their school).
 * Besides the guard, this is the one place that makes a Viewer: one standing for the student, never
 * given to anything but the export (the route records the download in the audit log under the real viewer).
 */
export function dataSubject(viewer: Viewer, studentId: number): Viewer | undefined {
	if (viewer.userId === studentId) return canOn(viewer, 'student.dataExport', 'self') ? viewer : undefined;
	const row = getDb()
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'student.dataExport', core.user.id)
			)
		)
		.get();
	if (!row) return undefined;
	return createViewer({
		userId: row.id,
		schoolId: viewer.schoolId,
		roles: ['student'],
		locale: viewer.locale,
		sessionId: `access-request:${viewer.userId}`
	});
}
