import { describe, expect, it } from 'vitest';
import { buildTrend, trendChartData } from './matrix-trend';

const task = { id: 1, kind: 'begeleidend' as const, name: 'Gesprekken' };
const actors = [
	{ id: 10, name: 'Decaan' },
	{ id: 11, name: 'Mentor' }
];
const answers = (part: 'eindverantwoordelijk' | 'ondersteunend', n: number, rated: number[]) => ({
	roundId: 1,
	taskId: 1,
	actorId: 10,
	part,
	answers: n,
	ratings: rated.length,
	ratingSum: rated.reduce((s, x) => s + x, 0)
});

describe('buildTrend', () => {
	it('takes the most common part where nothing is agreed, a tie to the larger part', () => {
		const trend = buildTrend(
			[{ id: 1, name: 'R1', tasks: [task], actors }],
			[],
			[answers('ondersteunend', 2, [1]), answers('eindverantwoordelijk', 2, [3, 4])]
		);
		expect(trend.tasks[0].cells[0]).toEqual({
			state: 'present',
			added: false,
			owners: ['Decaan'],
			gap: false,
			average: 8 / 3,
			ratings: 3
		});
	});

	it('lets an agreed cell win over the answers, and counts no rating beside "geen"', () => {
		const trend = buildTrend(
			[{ id: 1, name: 'R1', tasks: [task], actors }],
			[
				{ roundId: 1, taskId: 1, actorId: 10, part: 'geen', rating: 4 },
				{ roundId: 1, taskId: 1, actorId: 11, part: 'uitvoerend', rating: 2 }
			],
			[answers('eindverantwoordelijk', 3, [1, 1, 1])]
		);
		expect(trend.rounds[0]).toMatchObject({ withOwner: 0, gaps: 0, average: 2, ratings: 1 });
	});
});

describe('trendChartData', () => {
	it('gives per round the rounded average rating (null without ratings) and the gap count', () => {
		const round = { id: 1, tasks: 28, withOwner: 20, ratings: 3 };
		expect(
			trendChartData([
				{ ...round, name: '2024-2025', gaps: 6, average: 8 / 3 },
				{ ...round, name: '2025-2026', gaps: 4, average: null, ratings: 0 }
			])
		).toEqual({ labels: ['2024-2025', '2025-2026'], rating: [2.7, null], gaps: [6, 4] });
	});
});
