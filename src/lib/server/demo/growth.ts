// Demo self-ratings and goals (issue 3): growth over a school year for most students, nothing for a few,
// and a well-filled portfolio for sanne.devries (the first vmbo student), so the overview has a story.
import * as portfolio from '../db/schema-portfolio';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { GoalStatus } from '../../portfolio';
import type { DemoContext } from './context';

const DAY = 24 * 60 * 60 * 1000;

const daysAgo = (now: number, days: number) => new Date(now - days * DAY);
const dayString = (now: number, days: number) => new Date(now + days * DAY).toISOString().slice(0, 10);

type Rating = [competency: CompetencySlug, level: number, note: string];
type Goal = [
	title: string,
	competency: CompetencySlug | null,
	dueInDays: number | null,
	status: GoalStatus,
	description: string
];

// Sanne: three rounds, about ten, five and one week ago; most competencies grow, one stays put.
const SANNE_RATINGS: [daysAgo: number, ratings: Rating[]][] = [
	[
		70,
		[
			['kwaliteiten', 1, 'Ik weet het eigenlijk niet.'],
			['motieven', 2, 'Ik wil met mensen werken.'],
			['werkexploratie', 1, ''],
			['loopbaansturing', 1, ''],
			['netwerken', 1, '']
		]
	],
	[
		35,
		[
			['kwaliteiten', 2, 'Op de meeloopdag zag ik dat ik goed kan luisteren.'],
			['motieven', 2, ''],
			['werkexploratie', 2, 'Ik was bij de kapper en in de zorg.'],
			['loopbaansturing', 2, 'Ik wil naar de open dag van het ROC.']
		]
	],
	[
		6,
		[
			['kwaliteiten', 3, 'Mijn stagebegeleider zei dat ik rustig blijf met klanten.'],
			['werkexploratie', 3, 'De zorg past beter bij mij dan de kapper.'],
			['loopbaansturing', 2, ''],
			['netwerken', 2, 'Ik heb mijn tante gevraagd over haar werk in het ziekenhuis.']
		]
	]
];

const SANNE_GOALS: Goal[] = [
	[
		'Ik ga naar de open dag van het ROC',
		'loopbaansturing',
		12,
		'open',
		'Ik kijk bij de opleiding Verzorgende IG.'
	],
	['Ik vraag mijn tante wat zij doet op een dag', 'netwerken', 20, 'open', ''],
	['Ik zoek een snuffelstage in de zorg', 'werkexploratie', 45, 'open', 'Ik vraag de decaan om adressen.'],
	['Ik loop een dag mee bij de kapper', 'werkexploratie', -40, 'done', ''],
	['Ik maak de beroepentest af', 'kwaliteiten', -20, 'dropped', 'Ik heb nu genoeg ideeën.']
];

const OTHER_GOALS: [string, CompetencySlug][] = [
	['Ik ga naar de open dag van mijn vervolgopleiding', 'loopbaansturing'],
	['Ik vraag drie mensen wat ik goed kan', 'kwaliteiten'],
	['Ik bezoek een bedrijf dat ik leuk vind', 'werkexploratie'],
	['Ik schrijf op wat ik belangrijk vind in werk', 'motieven'],
	['Ik vraag mijn stagebegeleider om tips', 'netwerken']
];

export function seedGrowth(ctx: DemoContext): void {
	const now = Date.now();
	const ratings: (typeof portfolio.selfRating.$inferInsert)[] = [];
	const goals: (typeof portfolio.goal.$inferInsert)[] = [];
	const base = { schoolId: ctx.schoolId };
	const [sanne, ...vmbo] = ctx.students.vmbo;

	for (const [ago, round] of SANNE_RATINGS)
		for (const [competency, level, note] of round)
			ratings.push({ ...base, studentId: sanne, competency, level, note, createdAt: daysAgo(now, ago) });
	SANNE_GOALS.forEach(([title, competency, due, status, description], i) => {
		const at = daysAgo(now, 60 - i * 9);
		goals.push({
			...base,
			studentId: sanne,
			title,
			competency,
			description,
			status,
			dueOn: due === null ? null : dayString(now, due),
			createdBy: sanne,
			createdAt: at,
			updatedAt: status === 'open' ? at : daysAgo(now, 3 + i)
		});
	});

	// Everyone else: every third student has done nothing yet; the others rated once or twice and hold a
	// goal or two, varied by their place in the list so no two look the same.
	[...vmbo, ...ctx.students.mbo].forEach((studentId, i) => {
		if (i % 3 === 2) return;
		const rounds = i % 2 === 0 ? 2 : 1;
		for (let round = 0; round < rounds; round++)
			COMPETENCY_SLUGS.forEach((competency, c) => {
				if ((i + c) % 4 === 3) return;
				const level = Math.min(4, 1 + ((i + c) % 3) + round);
				ratings.push({
					...base,
					studentId,
					competency,
					level,
					note: '',
					createdAt: daysAgo(now, 50 - round * 30 - c)
				});
			});
		const count = 1 + (i % 2);
		for (let g = 0; g < count; g++) {
			const [title, competency] = OTHER_GOALS[(i + g) % OTHER_GOALS.length];
			const at = daysAgo(now, 40 - g * 10 - (i % 7));
			goals.push({
				...base,
				studentId,
				title,
				competency,
				status: (i + g) % 5 === 4 ? 'done' : 'open',
				dueOn: dayString(now, 14 + ((i * 11 + g * 17) % 60)),
				createdBy: studentId,
				createdAt: at,
				updatedAt: at
			});
		}
	});

	ctx.db.insert(portfolio.selfRating).values(ratings).run();
	ctx.db.insert(portfolio.goal).values(goals).run();
}
