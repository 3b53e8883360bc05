// Demo loopbaangesprekken of issue 19: most of 3KB-A had a first talk this year (so the mentor overview
// names a reason only for some), and Mohamed finds the summary of his last talk "niet helemaal" right.
import type { DemoContext } from './context';
import { agreement, conversation, notification, summaryReply } from '../db/schema-dialog';
import { goal } from '../db/schema-portfolio';

const at = (iso: string) => new Date(iso);

export function seedTalks(ctx: DemoContext): void {
	const { jansen } = ctx.mentors;
	const [, mohamed, ...rest] = ctx.students.vmbo;
	// The first seven after Sanne and Mohamed had their kennismakingsgesprek in September; four did not yet.
	const first = rest.slice(0, 7).map((studentId, n) => {
		const day = `2026-09-${String(14 + n).padStart(2, '0')}`;
		return {
			schoolId: ctx.schoolId,
			studentId,
			mentorId: jansen,
			plannedAt: day,
			plannedTime: `${10 + (n % 4)}:${n % 2 ? '30' : '00'}`,
			status: 'held' as const,
			summary: 'Kennismaking. We spraken over je keuze voor vmbo-kb en over wat je dit jaar wilt ontdekken.',
			summaryConfirmedAt: at(`${day}T16:00:00Z`),
			heldAt: at(`${day}T10:30:00Z`),
			createdAt: at('2026-09-01T08:00:00Z')
		};
	});
	ctx.db.insert(conversation).values(first).run();

	const talk = ctx.db
		.insert(conversation)
		.values({
			schoolId: ctx.schoolId,
			studentId: mohamed,
			mentorId: jansen,
			plannedAt: '2026-11-26',
			plannedTime: '13:30',
			status: 'held',
			summary: 'Mohamed wil technicus worden. Hij gaat een meeloopdag bij een installatiebedrijf regelen.',
			heldAt: at('2026-11-26T12:30:00Z'),
			createdAt: at('2026-11-12T08:00:00Z')
		})
		.returning({ id: conversation.id })
		.get();
	const g = ctx.db
		.insert(goal)
		.values({
			schoolId: ctx.schoolId,
			studentId: mohamed,
			competency: 'netwerken',
			title: 'Mijn oom vragen naar een meeloopdag bij zijn bedrijf',
			dueOn: '2027-01-31',
			createdBy: jansen,
			createdAt: at('2026-11-26T12:30:00Z'),
			updatedAt: at('2026-11-26T12:30:00Z')
		})
		.returning({ id: goal.id })
		.get();
	ctx.db
		.insert(agreement)
		.values({ schoolId: ctx.schoolId, conversationId: talk.id, studentId: mohamed, goalId: g.id })
		.run();
	ctx.db
		.insert(summaryReply)
		.values({
			schoolId: ctx.schoolId,
			conversationId: talk.id,
			authorId: mohamed,
			byStudent: true,
			body: 'Niet helemaal. Ik wil ook kijken naar elektrotechniek, niet alleen installatie.',
			createdAt: at('2026-11-27T15:10:00Z')
		})
		.run();
	ctx.db
		.insert(notification)
		.values({
			schoolId: ctx.schoolId,
			userId: jansen,
			kind: 'summaryReply',
			studentId: mohamed,
			conversationId: talk.id,
			createdAt: at('2026-11-27T15:10:00Z')
		})
		.run();
}
