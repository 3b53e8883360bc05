// The demo school's LOB programme for 2026-2027 (issue 18): the activities seed-reflections.ts planned (some
// past, with reflections) get what a decaan fills in, and the rest of the year is added, across both
// leerjaren/levels and the whole school.
import { and, eq, ne } from 'drizzle-orm';
import type { CompetencySlug } from '../../competencies';
import type { ActivityType } from '../../portfolio';
import type { DemoContext } from '../demo/seed';
import { activity } from '../db/schema-portfolio';
import { activityCohort, activityCompetency, activityGroup } from '../db/schema-programme';

// What each kind of activity mainly serves in the demo (a decaan's choice, not a rule).
const SERVES: Partial<Record<ActivityType, CompetencySlug[]>> = {
	beroepenmarkt: ['werkexploratie', 'netwerken'],
	gastles: ['werkexploratie', 'motieven'],
	meeloopdag: ['werkexploratie', 'kwaliteiten'],
	open_dag: ['loopbaansturing'],
	bedrijfsbezoek: ['werkexploratie'],
	bpv: ['kwaliteiten', 'werkexploratie'],
	test: ['kwaliteiten', 'motieven'],
	lob_les: ['netwerken'],
	proefstuderen: ['loopbaansturing', 'motieven'],
	ouder_kind_gesprek: ['loopbaansturing', 'motieven'],
	stage: ['kwaliteiten', 'werkexploratie']
};

const QUESTIONS: Partial<Record<ActivityType, string>> = {
	beroepenmarkt: 'Welke twee beroepen wil je zeker bekijken? Wat wil je daar vragen?',
	meeloopdag: 'Wat wil je weten over het werk? Schrijf één vraag op voor je begeleider.',
	open_dag: 'Welke opleiding wil je bekijken, en waarom die?',
	bedrijfsbezoek: 'Wat wil je zien of vragen in het bedrijf?'
};

type Planned = {
	type: ActivityType;
	title: string;
	date: string;
	endDate?: string;
	startTime?: string;
	endTime?: string;
	place: string;
	question?: string;
	for: { cohorts: string[] } | { groups: ('kb3' | 'zw2')[] } | 'school';
};

const MORE: Planned[] = [
	{
		type: 'lob_les',
		title: 'Mentorles: wie kan mij helpen?',
		date: '2026-12-10',
		startTime: '10:30',
		endTime: '11:20',
		place: 'Eigen lokaal',
		question: 'Noem één persoon die jou kan helpen bij je keuze. Waarom die persoon?',
		for: { groups: ['kb3'] }
	},
	{
		type: 'proefstuderen',
		title: 'Proefstuderen op het mbo',
		date: '2027-02-11',
		startTime: '09:00',
		endTime: '14:00',
		place: 'Da Vinci College, Dordrecht',
		question: 'Welke opleiding ga je proberen? Wat wil je ontdekken?',
		for: { cohorts: ['vmbo-kb 3'] }
	},
	{
		type: 'stage',
		title: 'Stageweek zorg',
		date: '2027-03-08',
		endDate: '2027-03-12',
		place: 'Eigen stageplek',
		question: 'Wat wil je deze week leren over jezelf?',
		for: { cohorts: ['mbo niveau 2 Zorg en welzijn'] }
	},
	{
		type: 'ouder_kind_gesprek',
		title: 'Ouder-kind-mentorgesprekken',
		date: '2027-03-23',
		endDate: '2027-03-25',
		place: 'School',
		for: 'school'
	},
	{
		type: 'gastles',
		title: 'Gastles: oud-leerlingen vertellen',
		date: '2027-04-15',
		startTime: '13:15',
		endTime: '14:45',
		place: 'Aula',
		question: 'Wat wil je een oud-leerling vragen over zijn of haar keuze?',
		for: { groups: ['kb3'] }
	},
	{
		type: 'bedrijfsbezoek',
		title: 'Bezoek revalidatiecentrum',
		date: '2027-05-20',
		startTime: '09:30',
		endTime: '12:00',
		place: 'Revalidatiecentrum De Hoogstraat',
		for: { groups: ['zw2'] }
	}
];

export function seedProgramme(ctx: DemoContext): void {
	const { db, schoolId } = ctx;
	// The activities planned by seed-reflections.ts: times, a question and what they serve.
	const earlier = db
		.select({ id: activity.id, type: activity.type })
		.from(activity)
		.where(eq(activity.schoolId, schoolId))
		.all();
	db.update(activity)
		.set({ startTime: '09:00' })
		.where(and(eq(activity.schoolId, schoolId), ne(activity.type, 'bpv')))
		.run();
	for (const [type, question] of Object.entries(QUESTIONS))
		db.update(activity)
			.set({ preparationQuestion: question })
			.where(and(eq(activity.schoolId, schoolId), eq(activity.type, type as ActivityType)))
			.run();
	const added = MORE.map((p) => {
		const row = db
			.insert(activity)
			.values({
				schoolId,
				schoolYearId: ctx.schoolYearId,
				type: p.type,
				title: p.title,
				date: p.date,
				endDate: p.endDate ?? null,
				startTime: p.startTime ?? null,
				endTime: p.endTime ?? null,
				place: p.place,
				preparationQuestion: p.question ?? QUESTIONS[p.type] ?? '',
				audience: p.for === 'school' ? 'school' : 'cohorts' in p.for ? 'cohorts' : 'groups',
				organiserId: p.type === 'lob_les' || p.type === 'gastles' ? ctx.mentors.jansen : ctx.coordinator,
				createdBy: ctx.coordinator
			})
			.returning({ id: activity.id })
			.get();
		return { id: row.id, p };
	});
	const cohorts = added.flatMap(({ id, p }) =>
		typeof p.for === 'object' && 'cohorts' in p.for
			? p.for.cohorts.map((cohort) => ({ activityId: id, cohort, schoolId }))
			: []
	);
	const groups = added.flatMap(({ id, p }) =>
		typeof p.for === 'object' && 'groups' in p.for
			? p.for.groups.map((g) => ({ activityId: id, groupId: ctx.groups[g], schoolId }))
			: []
	);
	if (cohorts.length) db.insert(activityCohort).values(cohorts).run();
	if (groups.length) db.insert(activityGroup).values(groups).run();
	const all = [...earlier, ...added.map(({ id, p }) => ({ id, type: p.type }))];
	const served = all.flatMap((a) =>
		(SERVES[a.type] ?? ['werkexploratie']).map((competency) => ({ activityId: a.id, competency, schoolId }))
	);
	db.insert(activityCompetency).values(served).run();
}
