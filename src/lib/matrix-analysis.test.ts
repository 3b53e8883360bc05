import { describe, expect, it } from 'vitest';
import {
	analyse,
	compareRounds,
	findSplits,
	loadChartData,
	type CellValue,
	type TaskRef
} from './matrix-analysis';
import type { Part } from './matrix';

const tasks: TaskRef[] = [
	{ id: 1, kind: 'begeleidend', name: 'Loopbaangesprekken' },
	{ id: 2, kind: 'begeleidend', name: 'Ouders betrekken' },
	{ id: 3, kind: 'management', name: 'Faciliteren' }
];
const actors = [
	{ id: 10, name: 'Decaan' },
	{ id: 11, name: 'Mentor' },
	{ id: 12, name: 'Ouders' }
];
const cell = (taskId: number, actorId: number, part: Part, rating: number | null = null): CellValue => ({
	taskId,
	actorId,
	part,
	how: '',
	rating,
	wish: ''
});

describe('analyse', () => {
	const cells = [
		cell(1, 10, 'eindverantwoordelijk', 3),
		cell(1, 11, 'uitvoerend', 2),
		cell(2, 11, 'ondersteunend', 1),
		cell(2, 12, 'geinformeerd'),
		cell(3, 10, 'eindverantwoordelijk', 4),
		cell(3, 11, 'eindverantwoordelijk', 2)
	];
	const result = analyse(tasks, actors, cells);

	it('finds tasks nobody owns or carries out', () => {
		expect(result.gaps.map((t) => t.id)).toEqual([2]);
	});

	it('flags tasks without exactly one final owner', () => {
		expect(result.ownerIssues.map((o) => [o.task.id, o.owners])).toEqual([
			[2, 0],
			[3, 2]
		]);
	});

	it('counts the load per actor and flags an actor active in most tasks', () => {
		const mentor = result.load.find((l) => l.actor.id === 11);
		expect(mentor?.counts).toMatchObject({ uitvoerend: 1, eindverantwoordelijk: 1, ondersteunend: 1 });
		expect(mentor?.active).toBe(2);
		expect(mentor?.overloaded).toBe(true);
		expect(result.load.find((l) => l.actor.id === 12)?.overloaded).toBe(false);
	});

	it('lists the weakest tasks by average rating, ignoring unrated and "geen" cells', () => {
		expect(result.weakest.map((w) => [w.task.id, w.average])).toEqual([
			[2, 1],
			[1, 2.5]
		]);
	});

	it('ignores cells of tasks or actors that are not in the lists', () => {
		expect(analyse(tasks, actors, [cell(99, 10, 'uitvoerend')]).gaps).toHaveLength(3);
	});
});

describe('loadChartData', () => {
	it('shapes stacked bars for actors with any part, in part order', () => {
		const { load } = analyse(tasks, actors, [cell(1, 10, 'eindverantwoordelijk'), cell(2, 10, 'uitvoerend')]);
		const data = loadChartData(load, { eindverantwoordelijk: 'E', uitvoerend: 'U', ondersteunend: 'O' });
		expect(data.labels).toEqual(['Decaan']);
		expect(data.datasets.map((d) => [d.label, d.data])).toEqual([
			['E', [1]],
			['U', [1]],
			['O', [0]]
		]);
	});
});

describe('compareRounds', () => {
	it('reports changed parts, rating moves and closed or new gaps', () => {
		const before = [cell(1, 10, 'eindverantwoordelijk', 2), cell(3, 10, 'uitvoerend', 3)];
		const after = [cell(1, 10, 'eindverantwoordelijk', 3), cell(2, 11, 'uitvoerend'), cell(3, 10, 'geen', 2)];
		const same = { tasks, actors };
		const c = compareRounds({ before: same, after: same }, before, after);
		expect(c.changed).toEqual([
			{ taskId: 2, actorId: 11, before: 'geen', after: 'uitvoerend' },
			{ taskId: 3, actorId: 10, before: 'uitvoerend', after: 'geen' }
		]);
		expect(c.ratingUp).toEqual([{ taskId: 1, actorId: 10, before: 2, after: 3 }]);
		expect(c.ratingDown).toEqual([{ taskId: 3, actorId: 10, before: 3, after: 2 }]);
		expect(c.gapsClosed.map((t) => t.id)).toEqual([2]);
		expect(c.newGaps.map((t) => t.id)).toEqual([3]);
	});
});

describe('compareRounds with the lists each round was held with', () => {
	it('reports a task only one round had as added or removed, never as a gap closed or opened', () => {
		const renamed = { ...tasks[0], name: 'Gesprekken' };
		const fresh: TaskRef = { id: 4, kind: 'management', name: 'Nieuw' };
		const c = compareRounds(
			{ before: { tasks, actors }, after: { tasks: [renamed, tasks[1], fresh], actors } },
			[cell(1, 10, 'eindverantwoordelijk', 2), cell(3, 10, 'uitvoerend')],
			[cell(1, 10, 'eindverantwoordelijk', 3), cell(4, 10, 'uitvoerend')]
		);
		expect(c.added.map((t) => t.id)).toEqual([4]);
		expect(c.removed.map((t) => t.id)).toEqual([3]);
		expect(c.ratingUp).toEqual([{ taskId: 1, actorId: 10, before: 2, after: 3 }]);
		expect([...c.gapsClosed, ...c.newGaps]).toEqual([]);
		expect(c.changed).toEqual([]);
	});
});

describe('findSplits', () => {
	const ans = (respondentId: number, c: CellValue) => ({ ...c, respondentId });

	it('never counts a cell left empty as "geen": one answer against silence is no difference', () => {
		const answers = [ans(1, cell(1, 11, 'uitvoerend')), ans(1, cell(1, 10, 'uitvoerend'))];
		expect(findSplits(answers)).toEqual([]);
	});

	it('finds differences in part and ratings two or more apart', () => {
		const answers = [
			ans(1, cell(1, 10, 'uitvoerend', 2)),
			ans(2, cell(1, 10, 'eindverantwoordelijk', 3)),
			ans(1, cell(2, 10, 'uitvoerend', 2)),
			ans(2, cell(2, 10, 'uitvoerend', 4)),
			ans(3, cell(2, 10, 'uitvoerend')),
			ans(1, cell(3, 10, 'uitvoerend', 2)),
			ans(2, cell(3, 10, 'uitvoerend', 3))
		];
		expect(findSplits(answers)).toEqual([
			{
				taskId: 1,
				actorId: 10,
				counts: { uitvoerend: 1, eindverantwoordelijk: 1 },
				ratings: [2, 3],
				answered: 2,
				roleDiffers: true,
				ratingDiffers: false
			},
			{
				taskId: 2,
				actorId: 10,
				counts: { uitvoerend: 3 },
				ratings: [2, 4],
				answered: 3,
				roleDiffers: false,
				ratingDiffers: true
			}
		]);
	});
});

describe('the weakest tasks', () => {
	it('keeps every task tied with the fifth', () => {
		const many: TaskRef[] = Array.from({ length: 7 }, (_, i) => ({
			id: i + 1,
			kind: 'begeleidend' as const,
			name: `Taak ${i + 1}`
		}));
		const cells = many.map((t) => cell(t.id, 10, 'uitvoerend', t.id <= 2 ? 1 : 2));
		expect(analyse(many, actors, cells).weakest).toHaveLength(7);
	});
});
