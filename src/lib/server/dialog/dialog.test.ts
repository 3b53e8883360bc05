import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withDbTiming } from '../db/timing';
import { createTestDb, makeCast, makeReflection, viewerOf } from '../testing';
import type { Db } from '../db';
import * as core from '../db/schema';
import { goal, reflection } from '../db/schema-portfolio';
import { addComment, deleteComment, editComment, EDIT_WINDOW_MS, listComments } from './comments';
import {
	listNotifications,
	markOneRead,
	markRead,
	notifyReflectionFinished,
	unreadCount
} from './notifications';
import { addAgendaItem, getConversation, listConversations, recordConversation } from './conversations';
import { confirmSummary } from './summary-replies';
import { planConversation } from './conversation-planning';
import { feedbackQueue, feedbackQueuePage, QUEUE_PAGE_SIZE } from '../mentor/feedback-queue';
import { studentSummary } from '../mentor/student-summary';

let db: Db;
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

const agenda = () => 'punt';

describe('comments', () => {
	it('a mentor comments only on finished reflections shared with them, of their own group', () => {
		const shared = makeReflection(cast.studentA);
		const draft = makeReflection(cast.studentA, false);
		const hidden = makeReflection(cast.studentA, true, 'private');
		const otherGroup = makeReflection(cast.studentOtherGroup);
		const mentor = viewerOf(cast.mentor);
		expect(addComment(mentor, shared, 'Wat zegt dit over jou?')).toBeTypeOf('number');
		expect(addComment(mentor, draft, 'x')).toBeUndefined();
		expect(addComment(mentor, hidden, 'x')).toBeUndefined();
		expect(addComment(mentor, otherGroup, 'x')).toBeUndefined();
		expect(listComments(mentor, otherGroup)).toBeUndefined();
		expect(addComment(viewerOf(cast.coordinator), shared, 'x')).toBeUndefined();
		expect(listComments(viewerOf(cast.coordinator), shared)).toBeUndefined();
		expect(addComment(viewerOf(cast.studentB), shared, 'x')).toBeUndefined();
	});

	it('the feedback queue comes in pages, oldest first, with the total', () => {
		const ids = Array.from({ length: QUEUE_PAGE_SIZE + 2 }, () => makeReflection(cast.studentA));
		const mentor = viewerOf(cast.mentor);
		const first = feedbackQueuePage(mentor, 1);
		expect(first).toMatchObject({ total: ids.length, page: 1, pages: 2 });
		expect(first.items.map((q) => q.id)).toEqual(ids.slice(0, QUEUE_PAGE_SIZE));
		const last = feedbackQueuePage(mentor, 9);
		expect(last.page).toBe(2);
		expect(last.items.map((q) => q.id)).toEqual(ids.slice(QUEUE_PAGE_SIZE));
	});

	it('the student replies; both sides are notified; the reply brings the thread back into the queue', () => {
		const id = makeReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const student = viewerOf(cast.studentA);
		expect(feedbackQueue(mentor).map((q) => [q.id, q.reply, q.excerpt])).toEqual([[id, false, 'b']]);
		const first = addComment(mentor, id, 'Wat vond je het leukst?') ?? 0;
		expect(feedbackQueue(mentor)).toEqual([]);
		expect(unreadCount(student)).toBe(1);
		expect(listNotifications(student)[0]).toMatchObject({ kind: 'feedback', reflectionId: id });
		expect(addComment(student, id, 'Het bakken.', first)).toBeTypeOf('number');
		expect(listNotifications(mentor)[0]).toMatchObject({ kind: 'reply', reflectionId: id });
		expect(feedbackQueue(mentor).map((q) => [q.id, q.reply])).toEqual([[id, true]]);
		const thread = listComments(student, id) ?? [];
		expect(thread.map((c) => [c.byStudent, c.parentId])).toEqual([
			[false, null],
			[true, first]
		]);
		expect(markRead(student, 'all')).toBe(1);
		expect(unreadCount(student)).toBe(0);
		// Marking someone else's notification changes nothing.
		const mentorNote = listNotifications(mentor)[0].id;
		expect(markRead(student, [mentorNote])).toBe(0);
		// One at a time (the form action): someone else's is "missing"; one's own, read or not, is found.
		expect(markOneRead(student, mentorNote)).toBe(false);
		expect(unreadCount(mentor)).toBe(1);
		expect(markOneRead(mentor, mentorNote)).toBe(true);
		expect(markOneRead(mentor, mentorNote)).toBe(true);
		expect(unreadCount(mentor)).toBe(0);
		// Answered again: out of the queue.
		addComment(mentor, id, 'Mooi, vertel eens meer.', first);
		expect(feedbackQueue(mentor)).toEqual([]);
	});

	it('the queue follows every change: new, answered, hidden, renamed, group given or closed', () => {
		const mentor = viewerOf(cast.mentor);
		const ids = () => feedbackQueue(mentor).map((q) => q.id);
		const first = makeReflection(cast.studentA);
		expect(ids()).toEqual([first]);
		// A count and a page, whatever the queue's length.
		expect(withDbTiming((t) => (feedbackQueue(mentor), t.queries))).toBe(2);
		const second = makeReflection(cast.studentB);
		expect(ids()).toEqual([first, second]);
		addComment(mentor, first, 'Goed gedaan.');
		expect(ids()).toEqual([second]);
		// A raw write, as an import or another process would make it.
		db.update(reflection).set({ visibility: 'private' }).where(eq(reflection.id, second)).run();
		expect(ids()).toEqual([]);
		db.update(reflection).set({ visibility: 'mentor' }).where(eq(reflection.id, second)).run();
		db.update(core.user).set({ givenName: 'Bram' }).where(eq(core.user.id, cast.studentB)).run();
		expect(feedbackQueue(mentor)[0]?.studentName).toMatch(/^Bram /);
		// The group taken from the mentor, given back, then closed.
		db.delete(core.groupMentor).where(eq(core.groupMentor.mentorId, cast.mentor)).run();
		expect(ids()).toEqual([]);
		db.insert(core.groupMentor)
			.values({ groupId: cast.group, mentorId: cast.mentor, schoolId: cast.schoolA.schoolId })
			.run();
		expect(ids()).toEqual([second]);
		db.update(core.group).set({ closedAt: new Date() }).where(eq(core.group.id, cast.group)).run();
		expect(ids()).toEqual([]);
	});

	it('authors edit or delete their own comment within 15 minutes only; others get missing', () => {
		const id = makeReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const c = addComment(mentor, id, 'eerst') ?? 0;
		const t0 = Date.now();
		expect(editComment(viewerOf(cast.studentA), id, c, 'hack', t0)).toBe('missing');
		expect(editComment(viewerOf(cast.otherMentor), id, c, 'hack', t0)).toBe('missing');
		expect(editComment(mentor, id, c, 'beter', t0 + 1000)).toBe('ok');
		expect(listComments(mentor, id)?.[0]).toMatchObject({ body: 'beter', edited: true, canEdit: true });
		expect(editComment(mentor, id, c, 'te laat', t0 + EDIT_WINDOW_MS + 1000)).toBe('expired');
		expect(deleteComment(mentor, id, c, t0 + EDIT_WINDOW_MS + 1000)).toBe('expired');
		expect(deleteComment(mentor, id, c, t0 + 2000)).toBe('ok');
		expect(listComments(mentor, id)?.[0]).toMatchObject({ body: '', deleted: true });
	});

	it('finishing a shared reflection notifies the mentors, a private one does not', () => {
		const shared = makeReflection(cast.studentA);
		const priv = makeReflection(cast.studentA, true, 'private');
		notifyReflectionFinished(viewerOf(cast.studentA), shared);
		notifyReflectionFinished(viewerOf(cast.studentA), priv);
		expect(listNotifications(viewerOf(cast.mentor)).map((n) => n.reflectionId)).toEqual([shared]);
		expect(unreadCount(viewerOf(cast.otherMentor))).toBe(0);
	});
});

describe('conversations', () => {
	it('plan, agenda, record with agreements as goals, confirm once; the note stays with mentors', () => {
		makeReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const student = viewerOf(cast.studentA);
		const planned = planConversation(mentor, { studentId: cast.studentA }, '2026-12-10', (p) => p.key);
		expect(planned.ok).toBe(true);
		const id = planned.ok ? planned.id : 0;
		expect(getConversation(mentor, id)?.agenda.map((a) => a.text)).toEqual(['new_reflections']);
		expect(addAgendaItem(student, id, 'Mijn stage')).toBe('ok');
		expect(addAgendaItem(viewerOf(cast.studentB), id, 'x')).toBe('missing');
		expect(confirmSummary(student, id)).toBe('not_held');
		expect(
			recordConversation(mentor, id, {
				summary: 'We spraken over de bakker.',
				mentorNote: 'Thuis is het onrustig.',
				agreements: [{ title: 'Snuffelstage zoeken', dueOn: '2027-01-15', competency: 'werkexploratie' }]
			})
		).toBe('ok');
		const seen = getConversation(student, id);
		expect(seen?.mentorNote).toBeNull();
		expect(seen?.agenda.map((a) => a.source)).toEqual(['koers', 'student']);
		expect(seen?.agreements).toMatchObject([{ title: 'Snuffelstage zoeken', dueOn: '2027-01-15' }]);
		expect(getConversation(mentor, id)?.mentorNote).toBe('Thuis is het onrustig.');
		const goals = db.select().from(goal).where(eq(goal.studentId, cast.studentA)).all();
		expect(goals).toMatchObject([
			{ title: 'Snuffelstage zoeken', competency: 'werkexploratie', createdBy: cast.mentor, status: 'open' }
		]);
		expect(confirmSummary(student, id)).toBe('ok');
		expect(confirmSummary(student, id)).toBe('already');
		expect(getConversation(viewerOf(cast.otherMentor), id)).toBeUndefined();
		expect(getConversation(viewerOf(cast.coordinator), id)).toBeUndefined();
		expect(listConversations(viewerOf(cast.studentB))).toEqual([]);
		expect(studentSummary(mentor, cast.studentA)?.goals[0].byMentor).toBe(true);
		expect(studentSummary(mentor, cast.studentOtherGroup)).toBeUndefined();
	});

	it('a student outside the group cannot get a conversation; once one leaves, their mentor has none', () => {
		const mentor = viewerOf(cast.mentor);
		expect(planConversation(mentor, { studentId: cast.studentOtherGroup }, '2026-12-10', agenda)).toEqual({
			ok: false,
			reason: 'not_in_group'
		});
		const planned = planConversation(mentor, { studentId: cast.studentB }, '2026-12-10', agenda);
		const id = planned.ok ? planned.id : 0;
		db.delete(core.groupStudent).where(eq(core.groupStudent.studentId, cast.studentB)).run();
		// Access follows the current mentorship (DOMAIN.md §5): no longer their mentor, they keep nothing.
		expect(getConversation(mentor, id)).toBeUndefined();
		expect(addAgendaItem(mentor, id, 'x')).toBe('missing');
		expect(recordConversation(mentor, id, { summary: 's', mentorNote: '', agreements: [] })).toBe('missing');
	});

	it('a group conversation shares one agenda and gives every student the agreement', () => {
		const mentor = viewerOf(cast.mentor);
		const planned = planConversation(mentor, { groupId: cast.group }, '2026-12-10', agenda);
		const id = planned.ok ? planned.id : 0;
		expect(getConversation(viewerOf(cast.studentA), id)?.who).toBeTruthy();
		recordConversation(mentor, id, {
			summary: 's',
			mentorNote: '',
			agreements: [{ title: 'Open dag', dueOn: '', competency: 'werkexploratie' }]
		});
		expect(getConversation(viewerOf(cast.studentB), id)?.agreements).toMatchObject([{ title: 'Open dag' }]);
		expect(getConversation(viewerOf(cast.studentOtherGroup), id)).toBeUndefined();
	});
});
