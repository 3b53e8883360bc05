import { expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { listConversations, getConversation } from '../dialog/conversations';
import { listNotifications } from '../dialog/notifications';
import { feedbackQueue } from '../mentor/feedback-queue';
import { groupOverview } from '../mentor/group-overview';
import { listSummaryReplies, waitingForMentor } from '../dialog/summary-replies';

it('the demo has threads, held and planned conversations with agreements, and unread notifications', async () => {
	createTestDb();
	const ctx = await seedDemo();
	const sanne = viewerOf(ctx.students.vmbo[0] ?? 0);
	const jansen = viewerOf(ctx.mentors.jansen);
	const talks = listConversations(sanne);
	expect(talks.map((t) => t.status).sort()).toEqual(['held', 'planned']);
	const held = getConversation(sanne, talks.find((t) => t.status === 'held')?.id ?? 0);
	expect(held?.agreements.length).toBe(1);
	expect(held?.mentorNote).toBeNull();
	expect(listNotifications(sanne).some((n) => n.kind === 'feedback' && !n.read)).toBe(true);
	// Some reflections still wait for the mentor; one reply is unanswered.
	expect(feedbackQueue(jansen).length).toBeGreaterThan(0);
	const group = groupOverview(jansen, { sort: 'name', filter: 'all', weeks: 4 }).shown;
	expect(group?.rows.find((r) => r.id === sanne.userId)?.unanswered).toBe(1);
	expect(listConversations(viewerOf(ctx.students.mbo[0] ?? 0)).length).toBe(1);
});

it('the demo overview names reasons for some students only, and Mohamed waits for an answer', async () => {
	createTestDb();
	const ctx = await seedDemo();
	const jansen = viewerOf(ctx.mentors.jansen);
	const all = groupOverview(jansen, { sort: 'name', filter: 'all', weeks: 4 }).shown?.rows ?? [];
	const flagged = groupOverview(jansen, { sort: 'name', filter: 'attention', weeks: 4 }).shown?.rows ?? [];
	expect(flagged.length).toBeGreaterThan(0);
	expect(flagged.length).toBeLessThan(all.length);
	expect(flagged.every((r) => r.reasons.length > 0)).toBe(true);
	const mohamed = ctx.students.vmbo[1] ?? 0;
	const talk = listConversations(viewerOf(mohamed)).find((t) => t.status === 'held');
	expect(waitingForMentor(listSummaryReplies(jansen, talk?.id ?? 0))).toBe(true);
});
