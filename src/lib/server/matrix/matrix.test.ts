import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import { addTask, listActors, listTasks, move, setArchived } from './lists';
import { createRound, deleteRound, renameRound, setRoundStatus } from './rounds';
import { getGrid, saveAgreedCell } from './cells';
import { addAction, listActions, setActionStatus } from './actions';
import { getComparison, getGridSummary, getRoundAnalysis } from './report';
import { decodeCells } from '../../matrix-code';
import { inviteRespondent, saveMyAnswer } from './respond';
import type { Viewer } from '../auth/viewer';

const input = { how: '', rating: null, wish: '', version: 0 } as const;

let cast: ReturnType<typeof makeCast>;
// Writes that did not pass through the domain modules, as a script or another process would make them.
const run = (query: string, ...params: unknown[]) =>
	getDb()
		.$client.prepare(query)
		.run(...params);
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

/** A new round's id; the test fails when the round cannot be made. */
function newRound(viewer: Viewer, name: string): number {
	const made = createRound(viewer, name);
	if (!made.ok) throw new Error(`no round: ${made.reason}`);
	return made.id;
}

function firstRound() {
	const coordinator = viewerOf(cast.coordinator);
	const roundId = newRound(coordinator, '2025-2026');
	const [task] = listTasks(coordinator);
	const [actor] = listActors(coordinator);
	return { coordinator, roundId, ids: { roundId, taskId: task.id, actorId: actor.id } };
}

describe('rounds and cells', () => {
	it('gives a new school the default tasks in four kinds and the default actors', () => {
		const { coordinator } = firstRound();
		const kinds = new Set(listTasks(coordinator).map((t) => t.kind));
		expect(kinds).toEqual(new Set(['begeleidend', 'coordinerend', 'beleidsmatig', 'management']));
		expect(listActors(coordinator)).toHaveLength(13);
	});

	it('starts a new round from the previous agreed matrix and carries open actions over', () => {
		const { coordinator, roundId, ids } = firstRound();
		expect(saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend', rating: 2 }).ok).toBe(true);
		expect(
			addAction(coordinator, roundId, {
				taskId: ids.taskId,
				title: 'Scholing',
				owner: 'Decaan',
				dueOn: null
			})
		).toBe('ok');
		addAction(coordinator, roundId, { taskId: ids.taskId, title: 'Klaar al', owner: '', dueOn: null });
		const done = listActions(coordinator, roundId).find((x) => x.title === 'Klaar al');
		setActionStatus(coordinator, roundId, done?.id ?? 0, 'klaar');

		setRoundStatus(coordinator, roundId, 'closed');
		const next = newRound(coordinator, '2026-2027');
		const grid = getGrid(coordinator, next);
		expect(grid?.cells).toMatchObject([
			{ taskId: ids.taskId, actorId: ids.actorId, part: 'uitvoerend', rating: 2 }
		]);
		expect(grid?.round.previousRoundId).toBe(roundId);
		expect(listActions(coordinator, next).map((x) => [x.title, x.carried])).toEqual([['Scholing', true]]);
	});

	it('does not carry cells of archived tasks into a new round, but keeps them in the old one', () => {
		const { coordinator, roundId, ids } = firstRound();
		saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend' });
		setRoundStatus(coordinator, roundId, 'closed');
		setArchived(coordinator, 'task', ids.taskId, true);
		const next = newRound(coordinator, 'Volgend');
		expect(getGrid(coordinator, next)?.cells).toEqual([]);
		expect(getGrid(coordinator, roundId)?.tasks.some((t) => t.id === ids.taskId)).toBe(true);
	});

	it('keeps archived tasks and actors in an open round only where the round gives them a part', () => {
		const { coordinator, roundId, ids } = firstRound();
		const [, answeredTask, unusedTask] = listTasks(coordinator);
		const [, answeredActor] = listActors(coordinator);
		saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend' });
		inviteRespondent(coordinator, roundId, cast.mentor, null);
		saveMyAnswer(
			viewerOf(cast.mentor),
			{ roundId, taskId: answeredTask.id, actorId: answeredActor.id },
			{ ...input, part: 'ondersteunend' }
		);
		for (const id of [ids.taskId, answeredTask.id, unusedTask.id]) setArchived(coordinator, 'task', id, true);
		for (const id of [ids.actorId, answeredActor.id]) setArchived(coordinator, 'actor', id, true);
		const grid = getGrid(coordinator, roundId);
		const taskIds = grid?.tasks.map((t) => t.id) ?? [];
		expect(taskIds).toContain(ids.taskId);
		expect(taskIds).toContain(answeredTask.id);
		expect(taskIds).not.toContain(unusedTask.id);
		const actorIds = grid?.actors.map((a) => a.id) ?? [];
		expect(actorIds).toEqual(expect.arrayContaining([ids.actorId, answeredActor.id]));
		expect(listActors(coordinator).some((a) => a.id === answeredActor.id)).toBe(false);
	});

	it('lets the second of two editors see the change instead of overwriting it', () => {
		const { coordinator, ids } = firstRound();
		const other = viewerOf(makeUser(cast.schoolA.schoolId, ['coordinator']));
		expect(saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend' })).toEqual({
			ok: true,
			version: 1
		});
		const second = saveAgreedCell(other, ids, { ...input, part: 'geen', how: 'mijn tekst' });
		expect(second).toMatchObject({
			ok: false,
			reason: 'conflict',
			current: { part: 'uitvoerend', version: 1 }
		});
		expect(saveAgreedCell(other, ids, { ...input, part: 'geen', version: 1 })).toEqual({
			ok: true,
			version: 2
		});
	});

	it('refuses edits in a closed round and ids of another school', () => {
		const { coordinator, roundId, ids } = firstRound();
		const otherSchool = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(saveAgreedCell(otherSchool, ids, { ...input, part: 'uitvoerend' })).toEqual({
			ok: false,
			reason: 'notFound'
		});
		expect(getGrid(otherSchool, roundId)).toBeUndefined();
		setRoundStatus(coordinator, roundId, 'closed');
		expect(saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend' })).toEqual({
			ok: false,
			reason: 'closed'
		});
	});

	it('shows the matrix to no student and lets no mentor edit it', () => {
		const { ids } = firstRound();
		expect(() => getGrid(viewerOf(cast.studentA), ids.roundId)).toThrow();
		expect(() => saveAgreedCell(viewerOf(cast.mentor), ids, { ...input, part: 'uitvoerend' })).toThrow();
		expect(getGrid(viewerOf(cast.mentor), ids.roundId)?.round.id).toBe(ids.roundId);
	});

	it('reorders tasks within their kind', () => {
		const { coordinator } = firstRound();
		const [a, b] = listTasks(coordinator);
		move(coordinator, 'task', b.id, 'up');
		expect(
			listTasks(coordinator)
				.slice(0, 2)
				.map((t) => t.id)
		).toEqual([b.id, a.id]);
		const id = addTask(coordinator, { kind: 'management', name: '=Nieuw', description: '' });
		expect(listTasks(coordinator).at(-1)?.id).toBe(id);
	});
});

describe('one open round, unique names, rename and delete', () => {
	it('refuses a second open round and a name twice, and renames', () => {
		const { coordinator, roundId } = firstRound();
		expect(createRound(coordinator, 'Tweede')).toEqual({
			ok: false,
			reason: 'openExists',
			open: '2025-2026'
		});
		setRoundStatus(coordinator, roundId, 'closed');
		expect(createRound(coordinator, ' 2025-2026 ')).toEqual({ ok: false, reason: 'duplicate' });
		const next = newRound(coordinator, '2026-2027');
		expect(renameRound(coordinator, next, '2025-2026')).toEqual({ ok: false, reason: 'duplicate' });
		expect(renameRound(coordinator, next, 'Schooljaar 2026-2027')).toEqual({ ok: true, id: next });
		// Reopening the old round while the new one is open is refused too.
		expect(setRoundStatus(coordinator, roundId, 'open')).toMatchObject({ ok: false, reason: 'openExists' });
	});

	it('deletes a round nobody answered, never one with answers or of another school', () => {
		const { coordinator, roundId, ids } = firstRound();
		const elsewhere = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(deleteRound(elsewhere, roundId)).toEqual({ ok: false, reason: 'notFound' });
		inviteRespondent(coordinator, roundId, cast.mentor, null);
		saveMyAnswer(viewerOf(cast.mentor), ids, { ...input, part: 'uitvoerend' });
		expect(deleteRound(coordinator, roundId)).toEqual({ ok: false, reason: 'answered' });
		setRoundStatus(coordinator, roundId, 'closed');
		const next = newRound(coordinator, 'Per ongeluk');
		expect(deleteRound(coordinator, next)).toEqual({ ok: true, id: next });
		expect(getGrid(coordinator, next)).toBeUndefined();
	});
});

describe('a closed round is a snapshot', () => {
	it('keeps its tasks and actors when the lists change; the open round and compare follow by identity', () => {
		const { coordinator, roundId, ids } = firstRound();
		saveAgreedCell(coordinator, ids, { ...input, part: 'eindverantwoordelijk', rating: 2 });
		setRoundStatus(coordinator, roundId, 'closed');
		const before = getGridSummary(coordinator, roundId);
		const next = newRound(coordinator, '2026-2027');

		run("update matrix_task set name = 'Hernoemd' where id = ?", ids.taskId);
		const added = addTask(coordinator, { kind: 'management', name: 'Nieuwe taak', description: '' });
		run(
			"insert into matrix_actor (school_id, name, position) values (?, 'Nieuw', 99)",
			cast.schoolA.schoolId
		);

		expect(getGridSummary(coordinator, roundId)).toEqual(before);
		const open = getGridSummary(coordinator, next);
		expect(open?.tasks.find((t) => t.id === ids.taskId)?.name).toBe('Hernoemd');
		expect(open?.actors.at(-1)?.name).toBe('Nieuw');

		const cmp = getComparison(coordinator, roundId, next);
		expect(cmp?.comparison.added.map((t) => t.id)).toEqual([added]);
		expect(cmp?.comparison.gapsClosed).toEqual([]);
		expect(cmp?.comparison.newGaps.some((t) => t.id === added)).toBe(false);
		// Reopened, the round follows the live lists again.
		setRoundStatus(coordinator, next, 'closed');
		setRoundStatus(coordinator, roundId, 'open');
		expect(getGridSummary(coordinator, roundId)?.tasks.some((t) => t.id === added)).toBe(true);
	});
});

describe('the grid and the analysis of a round', () => {
	it('show each write to the cells, tasks and actors at the next read', () => {
		const { coordinator, ids } = firstRound();
		const partOf = () => {
			const grid = getGridSummary(coordinator, ids.roundId);
			if (!grid) throw new Error('no grid');
			const { cells } = decodeCells(grid.code, grid.tasks, grid.actors);
			return cells.find((c) => c.taskId === ids.taskId && c.actorId === ids.actorId)?.part ?? 'geen';
		};
		const gaps = () => getRoundAnalysis(coordinator, ids.roundId)?.gaps.map((t) => t.id) ?? [];
		expect(partOf()).toBe('geen');
		expect(gaps()).toContain(ids.taskId);

		expect(saveAgreedCell(coordinator, ids, { ...input, part: 'uitvoerend', rating: 3 }).ok).toBe(true);
		expect(partOf()).toBe('uitvoerend');
		expect(gaps()).not.toContain(ids.taskId);

		run("update matrix_cell set part = 'ondersteunend' where round_id = ?", ids.roundId);
		expect(partOf()).toBe('ondersteunend');
		expect(gaps()).toContain(ids.taskId);

		run('delete from matrix_cell where round_id = ?', ids.roundId);
		expect(partOf()).toBe('geen');

		// A task renamed, then archived: the grid's rows follow.
		run("update matrix_task set name = 'Hernoemd' where id = ?", ids.taskId);
		expect(getGridSummary(coordinator, ids.roundId)?.tasks.find((t) => t.id === ids.taskId)?.name).toBe(
			'Hernoemd'
		);
		expect(setArchived(coordinator, 'task', ids.taskId, true)).toBe(true);
		expect(getGridSummary(coordinator, ids.roundId)?.tasks.some((t) => t.id === ids.taskId)).toBe(false);
		const actorsBefore = getRoundAnalysis(coordinator, ids.roundId)?.load.length ?? 0;
		run(
			"insert into matrix_actor (school_id, name, position) values (?, 'Nieuw', 99)",
			cast.schoolA.schoolId
		);
		expect(getRoundAnalysis(coordinator, ids.roundId)?.load).toHaveLength(actorsBefore + 1);
	});

	it('are not given to another school', () => {
		const { coordinator, ids } = firstRound();
		expect(getGridSummary(coordinator, ids.roundId)).toBeDefined();
		const elsewhere = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(getGridSummary(elsewhere, ids.roundId)).toBeUndefined();
		expect(getRoundAnalysis(elsewhere, ids.roundId)).toBeUndefined();
	});
});
