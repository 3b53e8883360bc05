// Loopbaangesprekken (career conversations), after planning (conversation-planning.ts): the student adds
// points; afterwards the mentor records a summary, agreements (which become the student's goals) and an
// optional working note for mentors only.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import {
	conversationMentorIsCurrent,
	conversationReadScope,
	conversationScope
} from '../access-scopes/conversations';
import { getDb, inTransaction, type Db } from '../db';
import * as core from '../db/schema';
import {
	agreement,
	conversation,
	conversationAgendaItem,
	AGENDA_SOURCES,
	type AgendaProposal
} from '../db/schema-dialog';
import { goal } from '../db/schema-portfolio';
import { notify } from './notifications';
import { fullName } from '$lib/names';
import type { CompetencySlug } from '$lib/competencies';

type Source = (typeof AGENDA_SOURCES)[number];

const scopeCols = {
	schoolId: conversation.schoolId,
	studentId: conversation.studentId,
	groupId: conversation.groupId,
	mentorId: conversation.mentorId
};
const nameOf = (u: { given: string | null; prefix: string | null; family: string | null }) =>
	fullName({ givenName: u.given, familyNamePrefix: u.prefix, familyName: u.family });

export interface ConversationListItem {
	id: number;
	plannedAt: string;
	/** "14:30", or null when no time was given. */
	plannedTime: string | null;
	status: string;
	studentId: number | null;
	who: string;
	confirmed: boolean;
	/** The mentor who planned it is no longer the student's (or the group's) mentor. */
	mentorChanged: boolean;
}

// As a number: SQLite has no booleans.
const flag = (condition: SQL) => sql<number>`(case when ${condition} then 1 else 0 end)`;
const mentorIsCurrent = flag(conversationMentorIsCurrent(scopeCols));

export function listConversations(viewer: Viewer, db: Db = getDb()): ConversationListItem[] {
	return db
		.select({
			id: conversation.id,
			plannedAt: conversation.plannedAt,
			plannedTime: conversation.plannedTime,
			status: conversation.status,
			studentId: conversation.studentId,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			groupName: core.group.name,
			confirmedAt: conversation.summaryConfirmedAt,
			mentorIsCurrent
		})
		.from(conversation)
		.leftJoin(core.user, eq(core.user.id, conversation.studentId))
		.leftJoin(core.group, eq(core.group.id, conversation.groupId))
		.where(conversationReadScope(viewer, scopeCols))
		.orderBy(desc(conversation.plannedAt), desc(conversation.id))
		.all()
		.map((r) => ({
			id: r.id,
			plannedAt: r.plannedAt,
			plannedTime: r.plannedTime,
			status: r.status,
			studentId: r.studentId,
			who: r.studentId ? nameOf(r) : (r.groupName ?? ''),
			confirmed: r.confirmedAt !== null,
			mentorChanged: !r.mentorIsCurrent
		}));
}

export interface ConversationDetail {
	id: number;
	plannedAt: string;
	plannedTime: string | null;
	status: 'planned' | 'held' | 'cancelled';
	studentId: number | null;
	groupId: number | null;
	who: string;
	summary: string;
	confirmed: boolean;
	/** null when the viewer may not see it (students never do). */
	mentorNote: string | null;
	/**
	 * The mentor who planned it is no longer the student's (or the group's) mentor: it stays in the history
	 * but takes no new agenda points or record; the student plans a new one with their new mentor.
	 */
	mentorChanged: boolean;
	/** Koers's points carry their data (`proposal`), to be said to each reader in their own words. */
	agenda: { id: number; source: Source; text: string; proposal: AgendaProposal | null; author: string }[];
	agreements: { goalId: number; title: string; dueOn: string | null; status: string }[];
}

/** One conversation the viewer may read, with what else they may do with it (all decided in SQL). */
export function findConversation(viewer: Viewer, id: number, db: Db) {
	return db
		.select({
			id: conversation.id,
			plannedAt: conversation.plannedAt,
			plannedTime: conversation.plannedTime,
			status: conversation.status,
			studentId: conversation.studentId,
			groupId: conversation.groupId,
			summary: conversation.summary,
			confirmedAt: conversation.summaryConfirmedAt,
			mentorNote: conversation.mentorNote,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			groupName: core.group.name,
			mentorIsCurrent,
			// Per relation, not per role: a student who is also a mentor elsewhere reads no working note of
			// their own group's conversation.
			mayReadNote: flag(conversationScope(viewer, 'conversation.mentorNote.read', scopeCols)),
			mayManage: flag(conversationScope(viewer, 'conversation.manage', scopeCols)),
			mayAddAgenda: flag(conversationScope(viewer, 'conversation.agenda.add', scopeCols))
		})
		.from(conversation)
		.leftJoin(core.user, eq(core.user.id, conversation.studentId))
		.leftJoin(core.group, eq(core.group.id, conversation.groupId))
		.where(and(eq(conversation.id, id), conversationReadScope(viewer, scopeCols)))
		.get();
}

export function getConversation(
	viewer: Viewer,
	id: number,
	db: Db = getDb()
): ConversationDetail | undefined {
	const c = findConversation(viewer, id, db);
	if (!c) return undefined;
	const agenda = db
		.select({
			id: conversationAgendaItem.id,
			source: conversationAgendaItem.source,
			text: conversationAgendaItem.text,
			proposal: conversationAgendaItem.proposal,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName
		})
		.from(conversationAgendaItem)
		.leftJoin(core.user, eq(core.user.id, conversationAgendaItem.authorId))
		.where(eq(conversationAgendaItem.conversationId, id))
		.orderBy(asc(conversationAgendaItem.id))
		.all()
		.map((a) => ({
			id: a.id,
			source: a.source,
			text: a.text,
			proposal: a.proposal ?? null,
			author: nameOf(a)
		}));
	// Agreements are goals: only those of students whose goals the viewer may read (a group conversation's
	// agreements include students who have since left the group).
	const agreements = db
		.select({ goalId: goal.id, title: goal.title, dueOn: goal.dueOn, status: goal.status })
		.from(agreement)
		.innerJoin(goal, eq(goal.id, agreement.goalId))
		.where(and(eq(agreement.conversationId, id), studentScope(viewer, 'goal.read', goal.studentId)))
		.orderBy(asc(agreement.id))
		.all();
	return {
		id: c.id,
		plannedAt: c.plannedAt,
		plannedTime: c.plannedTime,
		status: c.status,
		studentId: c.studentId,
		groupId: c.groupId,
		who: c.studentId ? nameOf(c) : (c.groupName ?? ''),
		summary: c.summary,
		confirmed: c.confirmedAt !== null,
		mentorNote: c.mayReadNote ? c.mentorNote : null,
		mentorChanged: !c.mentorIsCurrent,
		agenda,
		agreements
	};
}

export type ActionResult = 'ok' | 'missing' | 'mentor_changed' | 'already' | 'not_held' | 'closed';

export function addAgendaItem(viewer: Viewer, id: number, text: string, db: Db = getDb()): ActionResult {
	const c = findConversation(viewer, id, db);
	if (!c || !c.mayAddAgenda) return 'missing';
	if (c.status !== 'planned') return 'closed';
	if (!c.mentorIsCurrent) return 'mentor_changed';
	db.insert(conversationAgendaItem)
		.values({
			schoolId: viewer.schoolId,
			conversationId: id,
			source: c.mayManage ? 'mentor' : 'student',
			authorId: viewer.userId,
			text
		})
		.run();
	return 'ok';
}

export interface RecordInput {
	summary: string;
	mentorNote: string;
	agreements: { title: string; dueOn: string; competency: CompetencySlug }[];
	/** The day it was held, when not the planned one (recorded before its date: the date moves). */
	heldOn?: string;
}

/** The mentor records the outcome; each agreement becomes a goal of the student(s), made by the mentor. */
export function recordConversation(
	viewer: Viewer,
	id: number,
	input: RecordInput,
	db: Db = getDb()
): ActionResult {
	const c = findConversation(viewer, id, db);
	if (!c || !c.mayManage) return 'missing';
	if (!c.mentorIsCurrent) return 'mentor_changed';
	// Recorded once: a second post (a double tap, the back button) makes no second set of goals.
	if (c.status === 'held') return 'already';
	const studentIds =
		c.studentId !== null
			? [c.studentId]
			: db
					.select({ id: core.groupStudent.studentId })
					.from(core.groupStudent)
					.where(eq(core.groupStudent.groupId, c.groupId ?? -1))
					.all()
					.map((r) => r.id);
	inTransaction(db, (tx) => {
		const now = new Date();
		tx.update(conversation)
			.set({
				status: 'held',
				...(input.heldOn ? { plannedAt: input.heldOn } : {}),
				summary: input.summary,
				mentorNote: input.mentorNote,
				heldAt: now,
				// A changed summary needs a new confirmation.
				...(input.summary !== c.summary ? { summaryConfirmedAt: null } : {})
			})
			.where(eq(conversation.id, id))
			.run();
		for (const a of input.agreements) {
			const goals = tx
				.insert(goal)
				.values(
					studentIds.map((studentId) => ({
						schoolId: viewer.schoolId,
						studentId,
						title: a.title,
						competency: a.competency,
						dueOn: a.dueOn || null,
						createdBy: viewer.userId
					}))
				)
				.returning({ id: goal.id, studentId: goal.studentId })
				.all();
			if (goals.length)
				tx.insert(agreement)
					.values(
						goals.map((g) => ({
							schoolId: viewer.schoolId,
							conversationId: id,
							studentId: g.studentId,
							goalId: g.id
						}))
					)
					.run();
		}
		notify(
			tx,
			studentIds.map((userId) => ({
				schoolId: viewer.schoolId,
				userId,
				kind: 'conversationRecorded' as const,
				studentId: userId,
				conversationId: id
			}))
		);
	});
	return 'ok';
}
