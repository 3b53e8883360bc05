import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { withDbTiming } from '../db/timing';
import { addTask, listActors, listTasks, setArchived, updateTask } from './lists';
import { createRound, setRoundStatus } from './rounds';
import { getAgreedCell, saveAgreedCell } from './cells';
import { inviteRespondent, saveMyAnswer } from './respond';
import { getTrend } from './trend';
import type { Viewer } from '../auth/viewer';

const input = { how: '', wish: '' } as const;

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

function newRound(viewer: Viewer, name: string): number {
	const made = createRound(viewer, name);
	if (!made.ok) throw new Error(`no round: ${made.reason}`);
	return made.id;
}

function agree(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	part: 'eindverantwoordelijk' | 'uitvoerend',
	rating: number | null
) {
	const version = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId)?.cell.version ?? 0;
	expect(saveAgreedCell(viewer, ids, { ...input, part, rating, version }).ok).toBe(true);
}

/** Three rounds: a task added in the second, a task removed in the third, a rating left empty. */
function threeRounds() {
	const coordinator = viewerOf(cast.coordinator);
	const r1 = newRound(coordinator, '2024-2025');
	const [kept, removed] = listTasks(coordinator);
	const [owner, doer] = listActors(coordinator);
	agree(coordinator, { roundId: r1, taskId: kept.id, actorId: owner.id }, 'eindverantwoordelijk', 3);
	// A part without a rating: no rating to count.
	agree(coordinator, { roundId: r1, taskId: kept.id, actorId: doer.id }, 'uitvoerend', null);
	agree(coordinator, { roundId: r1, taskId: removed.id, actorId: doer.id }, 'uitvoerend', 2);
	setRoundStatus(coordinator, r1, 'closed');

	const added = addTask(coordinator, { kind: 'begeleidend', name: 'Nieuwe taak', description: '' });
	const r2 = newRound(coordinator, '2025-2026');
	agree(coordinator, { roundId: r2, taskId: kept.id, actorId: owner.id }, 'eindverantwoordelijk', 4);
	// The added task is not agreed: the respondents' answers count, one of them without a rating.
	const staff = makeUser(cast.schoolA.schoolId, ['staff']);
	const silent = makeUser(cast.schoolA.schoolId, ['staff']);
	for (const u of [cast.mentor, staff, silent]) inviteRespondent(coordinator, r2, u, null);
	const cell = { roundId: r2, taskId: added, actorId: doer.id };
	saveMyAnswer(viewerOf(cast.mentor), cell, { ...input, part: 'uitvoerend', rating: 2, version: 0 });
	saveMyAnswer(viewerOf(staff), cell, { ...input, part: 'uitvoerend', rating: null, version: 0 });
	setRoundStatus(coordinator, r2, 'closed');

	setArchived(coordinator, 'task', removed.id, true);
	const r3 = newRound(coordinator, '2026-2027');
	return { coordinator, rounds: [r1, r2, r3], kept, removed, added, owner };
}

describe('the trend over all rounds', () => {
	it('matches tasks by identity, shows added and removed tasks, and never counts a missing rating', () => {
		const { coordinator, kept, removed, added, owner } = threeRounds();
		updateTask(coordinator, kept.id, { kind: kept.kind, name: 'Gesprekken (nieuwe naam)', description: '' });
		const trend = getTrend(coordinator);
		expect(trend.rounds.map((r) => r.name)).toEqual(['2024-2025', '2025-2026', '2026-2027']);
		expect(trend.rounds.map((r) => r.tasks)).toEqual([28, 29, 28]);

		const row = (id: number) => trend.tasks.find((t) => t.task.id === id)!;
		expect(row(kept.id).task.name).toBe('Gesprekken (nieuwe naam)');
		expect(row(kept.id).cells).toEqual([
			{ state: 'present', added: false, owners: [owner.name], gap: false, average: 3, ratings: 1 },
			{ state: 'present', added: false, owners: [owner.name], gap: false, average: 4, ratings: 1 },
			// Carried over from the round before.
			{ state: 'present', added: false, owners: [owner.name], gap: false, average: 4, ratings: 1 }
		]);
		expect(row(added).cells).toEqual([
			{ state: 'absent' },
			{ state: 'present', added: true, owners: [], gap: false, average: 2, ratings: 1 },
			{ state: 'present', added: false, owners: [], gap: true, average: null, ratings: 0 }
		]);
		expect(row(removed.id).cells.map((c) => c.state)).toEqual(['present', 'present', 'removed']);

		expect(
			trend.rounds.map(({ withOwner, gaps, average, ratings }) => ({ withOwner, gaps, average, ratings }))
		).toEqual([
			{ withOwner: 1, gaps: 26, average: 2.5, ratings: 2 },
			{ withOwner: 1, gaps: 26, average: 8 / 3, ratings: 3 },
			{ withOwner: 1, gaps: 27, average: 4, ratings: 1 }
		]);
	});

	it('reads the same number of queries for three rounds as for five', () => {
		const { coordinator, rounds } = threeRounds();
		const three = withDbTiming((t) => (getTrend(coordinator), t.queries));
		setRoundStatus(coordinator, rounds[2], 'closed');
		const r4 = newRound(coordinator, '2027-2028');
		setRoundStatus(coordinator, r4, 'closed');
		newRound(coordinator, '2028-2029');
		const five = withDbTiming((t) => (getTrend(coordinator), t.queries));
		expect(getTrend(coordinator).rounds).toHaveLength(5);
		expect(five).toBe(three);
	});

	it("shows nothing of another school's rounds", () => {
		threeRounds();
		const other = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(getTrend(other)).toEqual({ rounds: [], tasks: [] });
	});
});
