// Demo dialogue: comments and replies on demo reflections, career conversations (held and planned) whose
// agreements are goals, and unread notifications. Runs after seedReflections.
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DemoContext } from './context';
import { agreement, comment, conversation, conversationAgendaItem, notification } from '../db/schema-dialog';
import { goal, reflection } from '../db/schema-portfolio';

const at = (iso: string) => new Date(iso);

function sharedReflections(ctx: DemoContext, studentId: number) {
	return ctx.db
		.select({ id: reflection.id, title: reflection.title })
		.from(reflection)
		.where(
			and(
				eq(reflection.studentId, studentId),
				isNotNull(reflection.finishedAt),
				inArray(reflection.visibility, ['mentor', 'dossier'])
			)
		)
		.orderBy(asc(reflection.finishedAt), asc(reflection.id))
		.all();
}

function thread(
	ctx: DemoContext,
	reflectionId: number,
	lines: { author: number; body: string; at: string; reply?: boolean }[]
): void {
	let root: number | null = null;
	for (const line of lines) {
		const row = ctx.db
			.insert(comment)
			.values({
				schoolId: ctx.schoolId,
				reflectionId,
				parentId: line.reply ? root : null,
				authorId: line.author,
				body: line.body,
				createdAt: at(line.at)
			})
			.returning({ id: comment.id })
			.get();
		if (!line.reply) root = row.id;
	}
}

export function seedDialog(ctx: DemoContext): void {
	const sanne = ctx.students.vmbo[0];
	const daan = ctx.students.mbo[0];
	const { jansen, elAmrani } = ctx.mentors;
	const sanneRefl = sharedReflections(ctx, sanne);
	const daanRefl = sharedReflections(ctx, daan);

	// Sanne: one answered thread with her reply waiting for the mentor; the newer ones stay in the queue.
	if (sanneRefl[0]) {
		thread(ctx, sanneRefl[0].id, [
			{
				author: jansen,
				body: 'Mooi dat je dit zo eerlijk opschrijft. Wat zegt dit over wat jij belangrijk vindt?',
				at: '2026-10-02T10:15:00Z'
			},
			{
				author: sanne,
				body: 'Dat ik graag met mensen werk. En dat ik wil helpen.',
				at: '2026-10-03T15:40:00Z',
				reply: true
			}
		]);
	}
	if (daanRefl[0]) {
		thread(ctx, daanRefl[0].id, [
			{
				author: elAmrani,
				body: 'Wat weet je nu over dit werk dat je eerst niet wist?',
				at: '2026-10-06T09:00:00Z'
			},
			{
				author: daan,
				body: 'Dat je veel moet plannen. Dat had ik niet gedacht.',
				at: '2026-10-07T19:20:00Z',
				reply: true
			},
			{
				author: elAmrani,
				body: 'Goed gezien. Hoe zou jij dat plannen aanpakken op je BPV?',
				at: '2026-10-08T08:30:00Z',
				reply: true
			}
		]);
	}

	// A held conversation with Sanne: summary confirmed, one agreement that is her goal.
	const held = ctx.db
		.insert(conversation)
		.values({
			schoolId: ctx.schoolId,
			studentId: sanne,
			mentorId: jansen,
			plannedAt: '2026-10-15',
			status: 'held',
			summary:
				'We hebben het gehad over de beroepenmarkt en de zorg. Sanne wil meer weten over werken in de zorg.',
			summaryConfirmedAt: at('2026-10-16T12:00:00Z'),
			mentorNote: 'Sanne twijfelt tussen zorg en handel; volgend gesprek doorvragen.',
			heldAt: at('2026-10-15T13:00:00Z'),
			createdAt: at('2026-10-01T08:00:00Z')
		})
		.returning({ id: conversation.id })
		.get();
	ctx.db
		.insert(conversationAgendaItem)
		.values([
			{
				schoolId: ctx.schoolId,
				conversationId: held.id,
				source: 'koers',
				text: '1 nieuwe reflectie sinds het vorige gesprek: Beroepenmarkt',
				proposal: { key: 'new_reflections', count: 1, titles: ['Beroepenmarkt'] }
			},
			{
				schoolId: ctx.schoolId,
				conversationId: held.id,
				source: 'student',
				authorId: sanne,
				text: 'Welke meeloopdag kan ik kiezen?'
			}
		])
		.run();
	const g = ctx.db
		.insert(goal)
		.values({
			schoolId: ctx.schoolId,
			studentId: sanne,
			competency: 'werkexploratie',
			title: 'Een meeloopdag in de zorg regelen',
			dueOn: '2026-11-30',
			createdBy: jansen,
			createdAt: at('2026-10-15T13:00:00Z'),
			updatedAt: at('2026-10-15T13:00:00Z')
		})
		.returning({ id: goal.id })
		.get();
	ctx.db
		.insert(agreement)
		.values({ schoolId: ctx.schoolId, conversationId: held.id, studentId: sanne, goalId: g.id })
		.run();

	// A planned conversation with Sanne and a planned group conversation for ZW2-B after the beroepenmarkt.
	const next = ctx.db
		.insert(conversation)
		.values({
			schoolId: ctx.schoolId,
			studentId: sanne,
			mentorId: jansen,
			plannedAt: '2027-01-12',
			plannedTime: '14:30'
		})
		.returning({ id: conversation.id })
		.get();
	ctx.db
		.insert(conversationAgendaItem)
		.values({
			schoolId: ctx.schoolId,
			conversationId: next.id,
			source: 'koers',
			text: '1 doel binnenkort of over datum: Een meeloopdag in de zorg regelen',
			proposal: { key: 'goals_due', count: 1, titles: ['Een meeloopdag in de zorg regelen'] }
		})
		.run();
	const group = ctx.db
		.insert(conversation)
		.values({
			schoolId: ctx.schoolId,
			groupId: ctx.groups.zw2,
			mentorId: elAmrani,
			plannedAt: '2027-01-19',
			plannedTime: '09:00'
		})
		.returning({ id: conversation.id })
		.get();
	ctx.db
		.insert(conversationAgendaItem)
		.values({
			schoolId: ctx.schoolId,
			conversationId: group.id,
			source: 'mentor',
			authorId: elAmrani,
			text: 'Terugblik op de beroepenmarkt: wat viel op?'
		})
		.run();

	const notes = [
		sanneRefl[0] && {
			userId: sanne,
			kind: 'feedback' as const,
			studentId: sanne,
			reflectionId: sanneRefl[0].id
		},
		sanneRefl[0] && {
			userId: jansen,
			kind: 'reply' as const,
			studentId: sanne,
			reflectionId: sanneRefl[0].id
		},
		sanneRefl[1] && {
			userId: jansen,
			kind: 'reflection' as const,
			studentId: sanne,
			reflectionId: sanneRefl[1].id
		},
		{ userId: sanne, kind: 'conversationPlanned' as const, studentId: sanne, conversationId: next.id },
		daanRefl[0] && { userId: daan, kind: 'feedback' as const, studentId: daan, reflectionId: daanRefl[0].id }
	].filter((n) => !!n);
	ctx.db
		.insert(notification)
		.values(notes.map((n) => ({ ...n, schoolId: ctx.schoolId })))
		.run();
}
