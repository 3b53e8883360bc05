import { describe, expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { listRounds } from '../matrix/rounds';
import { getAnalysis, getComparison } from '../matrix/report';
import { listActions } from '../matrix/actions';
import { listMyInvitations, listMyTasks } from '../matrix/respond';
import { listDifferences, listSpreads } from '../matrix/views';

describe('matrix demo data', () => {
	it('gives the analysis, the comparison and the respondents something real to show', async () => {
		const db = createTestDb();
		const ctx = await seedDemo(db);
		const coordinator = viewerOf(ctx.coordinator);
		const [thisYear, lastYear] = listRounds(coordinator);
		expect([thisYear.name, thisYear.status, lastYear.status]).toEqual(['2026-2027', 'open', 'closed']);

		const analysis = getAnalysis(coordinator, thisYear.id)?.analysis;
		expect(analysis?.gaps.length).toBeGreaterThan(0);
		expect(analysis?.ownerIssues.length).toBeGreaterThan(0);
		expect(analysis?.weakest.length).toBeGreaterThan(0);
		expect(analysis?.load.some((l) => l.overloaded)).toBe(true);

		const comparison = getComparison(coordinator, lastYear.id, thisYear.id)?.comparison;
		expect(comparison?.gapsClosed.length).toBeGreaterThan(0);
		expect(comparison?.ratingUp.length).toBeGreaterThan(0);
		expect(comparison?.ratingDown.length).toBeGreaterThan(0);

		const splits = listDifferences(coordinator, thisYear.id).open;
		expect(splits.some((s) => s.roleDiffers)).toBe(true);
		expect(splits.some((s) => s.ratingDiffers)).toBe(true);
		// The SQL count per cell finds the same differences in part as reading every answer.
		const spreads = listSpreads(coordinator, thisYear.id);
		expect(
			[...spreads]
				.filter(([, s]) => s.roleDiffers)
				.map(([key]) => key)
				.sort()
		).toEqual(
			splits
				.filter((s) => s.roleDiffers)
				.map((s) => `${s.taskId}:${s.actorId}`)
				.sort()
		);
		expect(listActions(coordinator, thisYear.id).filter((a) => a.carried)).toHaveLength(2);
		const mentor = viewerOf(ctx.mentors.jansen);
		expect(listMyInvitations(mentor).map((i) => i.roundId)).toEqual([thisYear.id]);
		expect(listMyTasks(mentor).tasks.length).toBeGreaterThan(3);
	});
});
