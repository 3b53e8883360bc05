import { expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { listConversations, getConversation } from '../dialog/conversations';
import { listNotifications } from '../dialog/notifications';
import { feedbackQueue } from '../mentor/feedback-queue';
import { groupOverview } from '../mentor/group-overview';

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
