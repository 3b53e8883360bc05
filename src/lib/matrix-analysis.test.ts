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
		const c = compareRounds(tasks, actors, before, after);
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

describe('findSplits', () => {
	it('marks a cell where one says "uitvoerend" and another left it empty', () => {
		const answers = [
			{ ...cell(1, 11, 'uitvoerend'), respondentId: 1 },
			{ ...cell(1, 10, 'uitvoerend'), respondentId: 1 },
			{ ...cell(1, 10, 'uitvoerend'), respondentId: 2 }
		];
		expect(findSplits([1, 2], answers)).toEqual([
			{ taskId: 1, actorId: 11, counts: { uitvoerend: 1, geen: 1 } }
		]);
	});

	it('needs two respondents to see a difference', () => {
		expect(findSplits([1], [{ ...cell(1, 11, 'uitvoerend'), respondentId: 1 }])).toEqual([]);
	});
});
