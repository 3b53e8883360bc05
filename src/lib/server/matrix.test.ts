import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from './testing';
import { addTask, listActors, listTasks, move, setArchived } from './matrix';
import { createRound, getGrid, saveAgreedCell, setRoundStatus } from './matrix-rounds';
import { addAction, listActions, setActionStatus } from './matrix-report';
import {
	getMyGrid,
	inviteRespondent,
	listDifferences,
	listSplitKeys,
	listMyInvitations,
	listMyTasks,
	saveMyAnswer
} from './matrix-respond';

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
