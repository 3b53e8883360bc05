import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import { addTask, listActors, listTasks, move, setArchived } from './lists';
import { createRound, getGrid, saveAgreedCell, setRoundStatus } from './rounds';
import { addAction, getGridSummary, getRoundAnalysis, listActions, setActionStatus } from './report';
import { decodeCells } from '../../matrix-code';
import {
	getMyGrid,
	inviteRespondent,
	listDifferences,
	listSplitKeys,
	listMyInvitations,
	listMyTasks,
	saveMyAnswer
} from './respond';

const input = { how: '', rating: null, wish: '', version: 0 } as const;

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

function firstRound() {
	const coordinator = viewerOf(cast.coordinator);
	const roundId = createRound(coordinator, '2025-2026');
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
			addAction(coordinator, roundId, { taskId: ids.taskId, title: 'Scholing', owner: 'Decaan', dueOn: null })
		).toBe('ok');
		addAction(coordinator, roundId, { taskId: ids.taskId, title: 'Klaar al', owner: '', dueOn: null });
		const done = listActions(coordinator, roundId).find((x) => x.title === 'Klaar al');
		setActionStatus(coordinator, roundId, done?.id ?? 0, 'klaar');

		const next = createRound(coordinator, '2026-2027');
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
		setArchived(coordinator, 'task', ids.taskId, true);
		const next = createRound(coordinator, 'Volgend');
		expect(getGrid(coordinator, next)?.cells).toEqual([]);
		expect(getGrid(coordinator, roundId)?.tasks.some((t) => t.id === ids.taskId)).toBe(true);
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

describe('respondents', () => {
	it('keeps each view apart, shows where views differ and fills "mijn LOB-taken"', () => {
		const { coordinator, ids } = firstRound();
		const staff = makeUser(cast.schoolA.schoolId, ['staff']);
		expect(inviteRespondent(coordinator, ids.roundId, cast.mentor, ids.actorId)).toBe('ok');
		expect(inviteRespondent(coordinator, ids.roundId, staff, null)).toBe('ok');
		expect(inviteRespondent(coordinator, ids.roundId, cast.studentA, null)).toBe('notFound');
		const mentor = viewerOf(cast.mentor);
		expect(listMyInvitations(mentor).map((i) => i.roundId)).toEqual([ids.roundId]);
		expect(saveMyAnswer(mentor, ids, { ...input, part: 'uitvoerend' }).ok).toBe(true);
		expect(saveMyAnswer(viewerOf(staff), ids, { ...input, part: 'ondersteunend' }).ok).toBe(true);
		expect(getMyGrid(mentor, ids.roundId)?.cells).toMatchObject([{ part: 'uitvoerend' }]);
		expect(getMyGrid(viewerOf(cast.otherMentor), ids.roundId)).toBeUndefined();
		expect(getGrid(coordinator, ids.roundId)?.cells).toEqual([]);

		const diff = listDifferences(coordinator, ids.roundId);
		expect(diff.respondents).toBe(2);
		expect(diff.splits).toMatchObject([
			{
				taskId: ids.taskId,
				actorId: ids.actorId,
				counts: { uitvoerend: 1, ondersteunend: 1 },
				agreed: 'geen'
			}
		]);

		expect(listSplitKeys(coordinator, ids.roundId)).toEqual([`${ids.taskId}:${ids.actorId}`]);

		saveAgreedCell(coordinator, ids, { ...input, part: 'eindverantwoordelijk' });
		expect(listMyTasks(mentor).tasks).toMatchObject([{ taskId: ids.taskId, part: 'eindverantwoordelijk' }]);
		expect(listMyTasks(viewerOf(staff)).tasks).toEqual([]);
	});
});

describe('the split keys of a round', () => {
	// Writes that did not pass through saveMyAnswer, as a script or another process would make them.
	const run = (query: string, ...params: unknown[]) =>
		getDb()
			.$client.prepare(query)
			.run(...params);
	const fromAnswers = (viewer: ReturnType<typeof viewerOf>, roundId: number) =>
		listDifferences(viewer, roundId)
			.splits.map((s) => `${s.taskId}:${s.actorId}`)
			.sort();

	it('follows every write to the answers and respondents, by any path', () => {
		const { coordinator, ids } = firstRound();
		const staff = makeUser(cast.schoolA.schoolId, ['staff']);
		inviteRespondent(coordinator, ids.roundId, cast.mentor, null);
		inviteRespondent(coordinator, ids.roundId, staff, null);
		const mentor = viewerOf(cast.mentor);
		const check = (expected: string[]) => {
			const keys = listSplitKeys(coordinator, ids.roundId).sort();
			expect(keys).toEqual(expected);
			expect(keys).toEqual(fromAnswers(coordinator, ids.roundId));
		};
		const key = `${ids.taskId}:${ids.actorId}`;

		expect(saveMyAnswer(mentor, ids, { ...input, part: 'uitvoerend' }).ok).toBe(true);
		check([]);
		expect(saveMyAnswer(viewerOf(staff), ids, { ...input, part: 'ondersteunend' }).ok).toBe(true);
		check([key]);

		// The staff member changes their mind: the views agree again.
		expect(saveMyAnswer(viewerOf(staff), ids, { ...input, version: 1, part: 'uitvoerend' }).ok).toBe(true);
		check([]);

		// Changed behind the domain module's back.
		run("update matrix_answer set part = 'geinformeerd' where updated_by = ?", staff);
		check([key]);

		// An answer deleted; then a second cell that only the mentor filled in (the other said "geen" there).
		run('delete from matrix_answer where updated_by = ?', staff);
		check([]);
		const other = listActors(coordinator)[1].id;
		expect(saveMyAnswer(mentor, { ...ids, actorId: other }, { ...input, part: 'uitvoerend' }).ok).toBe(true);
		expect(saveMyAnswer(viewerOf(staff), ids, { ...input, part: 'ondersteunend' }).ok).toBe(true);
		check([key, `${ids.taskId}:${other}`].sort());

		// A respondent removed (their answers go with them by cascade): one view left, nothing differs.
		run('delete from matrix_respondent where user_id = ? and round_id = ?', staff, ids.roundId);
		check([]);
	});

	it('keeps rounds apart and stays inside the school', () => {
		const { coordinator, ids } = firstRound();
		const staff = makeUser(cast.schoolA.schoolId, ['staff']);
		inviteRespondent(coordinator, ids.roundId, cast.mentor, null);
		inviteRespondent(coordinator, ids.roundId, staff, null);
		saveMyAnswer(viewerOf(cast.mentor), ids, { ...input, part: 'uitvoerend' });
		saveMyAnswer(viewerOf(staff), ids, { ...input, part: 'ondersteunend' });
		expect(listSplitKeys(coordinator, ids.roundId)).toHaveLength(1);
		const next = createRound(coordinator, '2026-2027');
		expect(listSplitKeys(coordinator, next)).toEqual([]);
		const elsewhere = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(listSplitKeys(elsewhere, ids.roundId)).toEqual([]);
	});
});

describe('the grid and the analysis of a round', () => {
	const run = (query: string, ...params: unknown[]) =>
		getDb()
			.$client.prepare(query)
			.run(...params);

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
