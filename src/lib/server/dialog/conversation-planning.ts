// Planning a loopbaangesprek: Koers proposes an agenda from what happened since the last held conversation.
import { and, asc, eq, gt, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { canOn, menteeCondition, mentoredGroupScope, studentScope } from '../access';
import { conversationReadScope } from '../access-scopes/conversations';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, inTransaction, type Db } from '../db';
import * as core from '../db/schema';
import { conversation, conversationAgendaItem, type AgendaProposal } from '../db/schema-dialog';
import { goal, reflection } from '../db/schema-portfolio';
import { notify } from './notifications';

export type Proposal = AgendaProposal;

/**
 * What happened since the last held conversation (or ever): Koers's agenda proposal. Every part is read
 * through the viewer's own scope, whatever ids the caller passes.
 */
export function proposeAgenda(viewer: Viewer, studentIds: number[], db: Db = getDb()): Proposal[] {
	if (!studentIds.length) return [];
	const lastHeld = db
		.select({ at: sql<number | null>`max(${conversation.heldAt})` })
		.from(conversation)
		.where(
			and(
				conversationReadScope(viewer, conversation),
				inArray(conversation.studentId, studentIds),
				eq(conversation.status, 'held')
			)
		)
		.get()?.at;
	const since = new Date(lastHeld ?? 0);
	const refl = db
		.select({ title: reflection.title })
		.from(reflection)
		.where(
			and(
				reflectionReadScope(viewer),
				inArray(reflection.studentId, studentIds),
				isNotNull(reflection.finishedAt),
				gt(reflection.finishedAt, since)
			)
		)
		.orderBy(asc(reflection.finishedAt))
		.all();
	const replies =
		db
			.select({ n: sql<number>`count(*)` })
			.from(reflection)
			.where(
				and(
					reflectionReadScope(viewer),
					inArray(reflection.studentId, studentIds),
					sql`(select c.author_id from comment c where c.reflection_id = ${reflection.id} and c.deleted_at is null
					order by c.created_at desc, c.id desc limit 1) = ${reflection.studentId}`
				)
			)
			.get()?.n ?? 0;
	const soon = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	const goals = db
		.select({ title: goal.title })
		.from(goal)
		.where(
			and(
				studentScope(viewer, 'goal.read', goal.studentId),
				inArray(goal.studentId, studentIds),
				eq(goal.status, 'open'),
				lte(goal.dueOn, soon)
			)
		)
		.orderBy(asc(goal.dueOn))
		.all();
	const out: Proposal[] = [];
	if (refl.length)
		out.push({ key: 'new_reflections', count: refl.length, titles: refl.slice(0, 5).map((r) => r.title) });
	if (replies) out.push({ key: 'open_replies', count: replies, titles: [] });
	if (goals.length)
		out.push({ key: 'goals_due', count: goals.length, titles: goals.slice(0, 5).map((g) => g.title) });
	return out;
}

export type PlanResult = { ok: true; id: number } | { ok: false; reason: 'not_in_group' };

/**
 * Plans a conversation with one mentee, or with a whole open group (one shared agenda), on a day and
 * optionally at a time ("14:30"). Koers's points are kept as data (each reader gets them in their own
 * words) and as the mentor's text (`agendaText`, for exports).
 */
export function planConversation(
	viewer: Viewer,
	target: { studentId: number } | { groupId: number },
	when: string | { date: string; time: string | null },
	agendaText: (p: Proposal) => string,
	db: Db = getDb()
): PlanResult {
	const plannedAt = typeof when === 'string' ? when : when.date;
	const plannedTime = typeof when === 'string' ? null : when.time;
	let studentIds: number[];
	let values: { studentId: number | null; groupId: number | null };
	if ('studentId' in target) {
		const ok =
			canOn(viewer, 'conversation.manage', 'mentee') &&
			db
				.select({ id: core.user.id })
				.from(core.user)
				.where(
					and(
						eq(core.user.id, target.studentId),
						eq(core.user.schoolId, viewer.schoolId),
						menteeCondition(viewer, core.user.id)
					)
				)
				.get();
		if (!ok) return { ok: false, reason: 'not_in_group' };
		studentIds = [target.studentId];
		values = { studentId: target.studentId, groupId: null };
	} else {
		const g = db
			.select({ id: core.group.id })
			.from(core.group)
			.where(and(eq(core.group.id, target.groupId), mentoredGroupScope(viewer)))
			.get();
		if (!g || !canOn(viewer, 'conversation.manage', 'mentee')) return { ok: false, reason: 'not_in_group' };
		studentIds = db
			.select({ id: core.groupStudent.studentId })
			.from(core.groupStudent)
			.where(eq(core.groupStudent.groupId, g.id))
			.all()
			.map((r) => r.id);
		values = { studentId: null, groupId: g.id };
	}
	const proposals = proposeAgenda(viewer, studentIds, db);
	return inTransaction(db, (tx) => {
		const created = tx
			.insert(conversation)
			.values({ ...values, schoolId: viewer.schoolId, mentorId: viewer.userId, plannedAt, plannedTime })
			.returning({ id: conversation.id })
			.get();
		const items = proposals.map((p) => ({
			schoolId: viewer.schoolId,
			conversationId: created.id,
			source: 'koers' as const,
			text: agendaText(p),
			proposal: p
		}));
		if (items.length) tx.insert(conversationAgendaItem).values(items).run();
		notify(
			tx,
			studentIds.map((userId) => ({
				schoolId: viewer.schoolId,
				userId,
				kind: 'conversationPlanned' as const,
				studentId: userId,
				conversationId: created.id
			}))
		);
		return { ok: true as const, id: created.id };
	});
}
