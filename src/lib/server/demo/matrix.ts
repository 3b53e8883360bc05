// Demo data for the LOB-task matrix: two staff accounts, last year's closed round and this year's open one
// (carried over, then improved), respondents whose views differ, gaps, and actions. Written straight into
// the seed's transaction (ctx.db): the domain functions use their own connection.
import { asc, eq } from 'drizzle-orm';
import type { DemoContext } from './context';
import * as mx from '../db/schema-matrix';
import { insertAccount } from '../school/schools';
import { hashPasswordSync } from '../auth/password';
import { ensureMatrixDefaults } from '../matrix/lists';
import { TASK_KINDS, type Part } from '../../matrix';

// One string per default task (in list order): "<actor index><E|U|O|I><rating?>" per actor with a part.
// Actors: 0 bestuur, 1 directie, 2 teamleider, 3 decaan, 4 mentor, 5 vakdocent, 6 BPV, 7 zorg, 9 ouders,
// 10 vervolgonderwijs, 11 bedrijfsleven, 12 gemeente.
const LAST_YEAR = [
	'3E3 4U2 9I',
	'3E3 4U2 5O',
	'4U1 3O',
	'3E3 4U3 9I',
	'5O1',
	'6E3 4O',
	'4U2 9I',
	'4U2 7E3 3O',
	'3U2',
	'3E3 2O',
	'3E4 4O',
	'3U1',
	'3E3 7O',
	'3E3 10O',
	'3E2 4U2 10I',
	'3E2 11O 12O',
	'',
	'3E3',
	'1E2 3U2',
	'1E3 3U',
	'',
	'2O',
	'0E2 3U2 10O',
	'1E3',
	'1E2 2U2',
	'1E3 2U3',
	'2E1',
	'1E2 2O'
];
// What changed this year (task index → new row).
const THIS_YEAR: Record<number, string> = {
	2: '4U2 3E3',
	4: '5U2 2E2',
	11: '3E2 2O',
	16: '3E2',
	19: '1E3 3O',
	24: '1E1 2U2'
};
const PART: Record<string, Part> = {
	E: 'eindverantwoordelijk',
	U: 'uitvoerend',
	O: 'ondersteunend',
	I: 'geinformeerd'
};
const HOW: Record<string, string> = {
	'0:4': 'Twee gesprekken per jaar, in de mentorles en bij het rapport.',
	'4:5': 'In elk vak één les per periode over beroepen in dat vak.',
	'5:6': 'Bezoek op de stageplek halverwege en aan het eind.'
};

// What p.desmet wrote beside his answers: the team's "hoe" and "gewenste situatie" reach the coordinator.
const ANSWER_HOW: Record<string, string> = {
	'desmet:4:5U1': 'Alleen bij techniek; in de andere vakken komt LOB niet ter sprake.',
	'desmet:0:4U1': 'Eén gesprek per jaar, vaak te kort.'
};
const ANSWER_WISH: Record<string, string> = {
	'desmet:4:5U1': 'Elk vak één les per periode over beroepen in dat vak.'
};

function parse(row: string) {
	return row
		.split(' ')
		.filter(Boolean)
		.map((spec) => {
			const [, actor, part, rating] = /^(\d+)([EUOI])(\d)?$/.exec(spec) ?? [];
			return { actor: Number(actor), part: PART[part], rating: rating ? Number(rating) : null };
		});
}

export function seedMatrix(ctx: DemoContext): void {
	const { db, schoolId } = ctx;
	const staffHash = hashPasswordSync('Docent-2026');
	const staff = (given: string, family: string, username: string) =>
		insertAccount(
			{ schoolId, username, givenName: given, familyName: family, roles: ['staff'], passwordHash: staffHash },
			db
		);
	const desmet = staff('Pieter', 'de Smet', 'p.desmet');
	const bos = staff('Anouk', 'Bos', 'a.bos');

	ensureMatrixDefaults(schoolId, db);
	const tasks = db
		.select({
			id: mx.matrixTask.id,
			kind: mx.matrixTask.kind,
			name: mx.matrixTask.name,
			position: mx.matrixTask.position
		})
		.from(mx.matrixTask)
		.where(eq(mx.matrixTask.schoolId, schoolId))
		.orderBy(asc(mx.matrixTask.id))
		.all();
	const actors = db
		.select({ id: mx.matrixActor.id, name: mx.matrixActor.name })
		.from(mx.matrixActor)
		.where(eq(mx.matrixActor.schoolId, schoolId))
		.orderBy(asc(mx.matrixActor.id))
		.all();
	const cellsOf = (rows: string[], roundId: number) =>
		rows.flatMap((row, t) =>
			parse(row).map((c) => ({
				schoolId,
				roundId,
				taskId: tasks[t].id,
				actorId: actors[c.actor].id,
				part: c.part,
				rating: c.rating,
				how: HOW[`${t}:${c.actor}`] ?? '',
				updatedBy: ctx.coordinator
			}))
		);

	const round = (name: string, status: 'open' | 'closed', previousRoundId: number | null) =>
		db
			.insert(mx.matrixRound)
			.values({ schoolId, name, status, previousRoundId, closedAt: status === 'closed' ? new Date() : null })
			.returning({ id: mx.matrixRound.id })
			.get().id;
	const lastYear = round('2025-2026', 'closed', null);
	const thisYear = round('2026-2027', 'open', lastYear);
	// Last year's round is closed: it keeps the lists it was held with (round-lists.ts).
	const inListOrder = [...tasks].sort(
		(a, b) => TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind) || a.position - b.position
	);
	db.insert(mx.matrixRoundTask)
		.values(
			inListOrder.map((t, i) => ({
				schoolId,
				roundId: lastYear,
				taskId: t.id,
				kind: t.kind,
				name: t.name,
				position: i + 1
			}))
		)
		.run();
	db.insert(mx.matrixRoundActor)
		.values(
			actors.map((a, i) => ({ schoolId, roundId: lastYear, actorId: a.id, name: a.name, position: i + 1 }))
		)
		.run();
	db.insert(mx.matrixCell).values(cellsOf(LAST_YEAR, lastYear)).run();
	db.insert(mx.matrixCell)
		.values(
			cellsOf(
				LAST_YEAR.map((row, t) => THIS_YEAR[t] ?? row),
				thisYear
			)
		)
		.run();

	const action = (
		roundId: number,
		task: number,
		title: string,
		owner: string,
		dueOn: string,
		status: 'open' | 'bezig' | 'klaar',
		carriedFromId: number | null = null
	) =>
		db
			.insert(mx.matrixAction)
			.values({ schoolId, roundId, taskId: tasks[task].id, title, owner, dueOn, status, carriedFromId })
			.returning({ id: mx.matrixAction.id })
			.get().id;
	const leerlijn = action(
		lastYear,
		4,
		'Leerlijn LOB in de vaklessen uitwerken',
		'Teamleider bovenbouw',
		'2026-03-01',
		'bezig'
	);
	action(lastYear, 11, 'Scholing loopbaangesprekken voor mentoren', 'Decaan', '2025-12-15', 'klaar');
	const cijfers = action(
		lastYear,
		16,
		'Doorstroomcijfers jaarlijks in het team bespreken',
		'Directie',
		'2026-06-30',
		'open'
	);
	action(
		thisYear,
		4,
		'Leerlijn LOB in de vaklessen uitwerken',
		'Teamleider bovenbouw',
		'2026-03-01',
		'bezig',
		leerlijn
	);
	action(
		thisYear,
		16,
		'Doorstroomcijfers jaarlijks in het team bespreken',
		'Directie',
		'2026-06-30',
		'open',
		cijfers
	);
	const evaluatie = action(thisYear, 20, 'Evaluatie van LOB met de leerlingenraad', '', '2027-04-15', 'open');

	// An owner from the school's staff (the others are named in free text).
	db.update(mx.matrixAction).set({ ownerUserId: bos }).where(eq(mx.matrixAction.id, evaluatie)).run();

	// Who stands in which column, for "mijn LOB-taken".
	const links: [number, number][] = [
		[ctx.mentors.jansen, 4],
		[ctx.mentors.elAmrani, 4],
		[ctx.coordinator, 3],
		[desmet, 5],
		[bos, 2]
	];
	db.insert(mx.matrixActorUser)
		.values(links.map(([userId, a]) => ({ schoolId, userId, actorId: actors[a].id })))
		.run();

	// This year's respondents; r.elamrani is left for the coordinator to invite.
	const answers: [number, boolean, string[]][] = [
		[ctx.mentors.jansen, true, ['0:4U3', '1:4U2', '4:4O1', '6:4U2', '6:9I']],
		[ctx.coordinator, true, ['0:3E3', '0:4U3', '4:5O', '11:3E2', '1:4U2']],
		[desmet, false, ['4:5U1', '1:5O2', '0:4U1']],
		[bos, false, []]
	];
	for (const [userId, submitted, cells] of answers) {
		const respondentId = db
			.insert(mx.matrixRespondent)
			.values({ schoolId, roundId: thisYear, userId, submittedAt: submitted ? new Date() : null })
			.returning({ id: mx.matrixRespondent.id })
			.get().id;
		if (!cells.length) continue;
		db.insert(mx.matrixAnswer)
			.values(
				cells.map((spec) => {
					const [task, row] = spec.split(':');
					const [c] = parse(row);
					return {
						schoolId,
						respondentId,
						taskId: tasks[Number(task)].id,
						actorId: actors[c.actor].id,
						part: c.part,
						rating: c.rating,
						how: ANSWER_HOW[`${userId === desmet ? 'desmet' : ''}:${spec}`] ?? '',
						wish: ANSWER_WISH[`${userId === desmet ? 'desmet' : ''}:${spec}`] ?? '',
						updatedBy: userId
					};
				})
			)
			.run();
	}
}
