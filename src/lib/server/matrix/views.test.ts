import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { listActors, listTasks } from './lists';
import { getGrid, agreeCell, saveAgreedCell, undoAgreement } from './cells';
import { createRound } from './rounds';
import type { Viewer } from '../auth/viewer';
import { getGridSummary } from './report';
import { listCellViews, listDifferences, listSpreads } from './views';
import {
	getMyGrid,
	inviteRespondent,
	listMyInvitations,
	listMyTasks,
	listRespondents,
	remindRespondent,
	removeRespondent,
	saveMyAnswer
} from './respond';
import { addAction, deleteAction, listActions, updateAction } from './actions';
import { listNotifications } from '../dialog/notifications';
import { decodeCells } from '../../matrix-code';

const input = { how: '', rating: null, wish: '', version: 0 } as const;

function newRound(viewer: Viewer, name: string): number {
	const made = createRound(viewer, name);
	if (!made.ok) throw new Error(`no round: ${made.reason}`);
	return made.id;
}

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

/** A round with three respondents: a mentor, a staff member and one who answers nothing. */
function threeRespondents() {
	const coordinator = viewerOf(cast.coordinator);
	const roundId = newRound(coordinator, '2026-2027');
	const [task] = listTasks(coordinator);
	const [actor] = listActors(coordinator);
	const ids = { roundId, taskId: task.id, actorId: actor.id };
	const staff = makeUser(cast.schoolA.schoolId, ['staff']);
	const silent = makeUser(cast.schoolA.schoolId, ['staff']);
	for (const u of [cast.mentor, staff, silent]) inviteRespondent(coordinator, roundId, u, null);
	return {
		coordinator,
		ids,
		mentor: viewerOf(cast.mentor),
		staff: viewerOf(staff),
		silent: viewerOf(silent)
	};
}

describe("the respondents' views", () => {
	it('shows every view of a cell, the empty ones as not answered, and never counts them as "geen"', () => {
		const { coordinator, ids, mentor, staff } = threeRespondents();
		saveMyAnswer(mentor, ids, {
			...input,
			part: 'uitvoerend',
			rating: 4,
			how: 'Elke week',
			wish: 'Meer tijd'
		});
		saveMyAnswer(staff, ids, { ...input, part: 'uitvoerend', rating: 2 });
		const views = listCellViews(coordinator, ids.roundId, ids.taskId, ids.actorId);
		expect(views.map((v) => [v.answered, v.part, v.rating])).toEqual(
			expect.arrayContaining([
				[true, 'uitvoerend', 4],
				[true, 'uitvoerend', 2],
				[false, null, null]
			])
		);
		expect(views.find((v) => v.rating === 4)).toMatchObject({ how: 'Elke week', wish: 'Meer tijd' });

		// Same part, ratings two apart: a difference in rating, none in part, one not answered.
		const diff = listDifferences(coordinator, ids.roundId);
		expect(diff.respondents).toBe(3);
		expect(diff.open).toMatchObject([
			{
				counts: { uitvoerend: 2 },
				ratings: [2, 4],
				notAnswered: 1,
				roleDiffers: false,
				ratingDiffers: true,
				agreed: null
			}
		]);
		const grid = getGridSummary(coordinator, ids.roundId);
		const decoded = grid && decodeCells(grid.code, grid.tasks, grid.actors);
		expect(decoded?.splits).toEqual([`${ids.taskId}:${ids.actorId}`]);
		expect(decoded?.spreads.get(`${ids.taskId}:${ids.actorId}`)).toEqual({
			roleDiffers: false,
			min: 2,
			max: 4
		});

		// One answer in another cell against two silent respondents is no difference.
		const other = { ...ids, actorId: listActors(coordinator)[1].id };
		saveMyAnswer(mentor, other, { ...input, part: 'eindverantwoordelijk' });
		expect(listDifferences(coordinator, ids.roundId).open).toHaveLength(1);
		expect(listSpreads(coordinator, ids.roundId).get(`${other.taskId}:${other.actorId}`)?.roleDiffers).toBe(
			false
		);
	});

	it('lets the team agree a cell, which then leaves the list, and bring it back', () => {
		const { coordinator, ids, mentor, staff } = threeRespondents();
		saveMyAnswer(mentor, ids, { ...input, part: 'uitvoerend' });
		saveMyAnswer(staff, ids, { ...input, part: 'ondersteunend', how: 'Soms' });
		saveAgreedCell(coordinator, ids, { ...input, part: 'ondersteunend', how: 'Afgesproken tekst' });
		expect(listDifferences(coordinator, ids.roundId).open[0].agreed).toEqual({
			part: 'ondersteunend',
			rating: null,
			version: 1
		});
		expect(agreeCell(coordinator, ids, { part: 'uitvoerend', rating: 3, version: 1 }).ok).toBe(true);
		expect(getGrid(coordinator, ids.roundId)?.cells).toMatchObject([
			{ part: 'uitvoerend', rating: 3, how: 'Afgesproken tekst' }
		]);
		let diff = listDifferences(coordinator, ids.roundId);
		expect([diff.open.length, diff.settled.length]).toEqual([0, 1]);
		// A stale version is refused, not written over.
		expect(agreeCell(coordinator, ids, { part: 'geen', rating: null, version: 1 })).toMatchObject({
			ok: false,
			reason: 'conflict'
		});
		expect(undoAgreement(coordinator, ids).ok).toBe(true);
		diff = listDifferences(coordinator, ids.roundId);
		expect([diff.open.length, diff.settled.length]).toEqual([1, 0]);
	});
});

describe('respondents', () => {
	it('are invited and reminded in the app, show their progress, and can be removed with their answers', () => {
		const { coordinator, ids, mentor, staff } = threeRespondents();
		expect(listNotifications(mentor).map((n) => [n.kind, n.matrixRoundId])).toEqual([
			['matrixInvite', ids.roundId]
		]);
		expect(inviteRespondent(coordinator, ids.roundId, cast.studentA, null)).toBe('notFound');
		expect(listMyInvitations(mentor).map((i) => i.roundId)).toEqual([ids.roundId]);
		saveMyAnswer(mentor, ids, { ...input, part: 'uitvoerend' });
		saveMyAnswer(mentor, { ...ids, actorId: listActors(coordinator)[2].id }, { ...input, part: 'geen' });
		const tasks = listTasks(coordinator).length;
		const me = listRespondents(coordinator, ids.roundId).find((r) => r.userId === cast.mentor);
		expect(me).toMatchObject({ answered: 1, tasks, remindedAt: null });

		// A reminder while the invitation is still unread is the same news: notify() does not repeat it.
		expect(remindRespondent(coordinator, ids.roundId, me?.id ?? 0)).toBe('ok');
		expect(listNotifications(mentor)).toHaveLength(1);
		expect(
			listRespondents(coordinator, ids.roundId).find((r) => r.userId === cast.mentor)?.remindedAt
		).not.toBeNull();
		const elsewhere = viewerOf(makeUser(cast.schoolB.schoolId, ['coordinator']));
		expect(removeRespondent(elsewhere, ids.roundId, me?.id ?? 0)).toBe('notFound');
		expect(removeRespondent(coordinator, ids.roundId, me?.id ?? 0)).toBe('ok');
		expect(getMyGrid(mentor, ids.roundId)).toBeUndefined();
		expect(listCellViews(coordinator, ids.roundId, ids.taskId, ids.actorId)).toHaveLength(2);
		expect(getMyGrid(staff, ids.roundId)?.cells).toEqual([]);
	});

	it('fill "mijn LOB-taken" from the agreed matrix', () => {
		const { coordinator, ids } = threeRespondents();
		inviteRespondent(coordinator, ids.roundId, cast.mentor, ids.actorId);
		saveAgreedCell(coordinator, ids, { ...input, part: 'eindverantwoordelijk' });
		expect(listMyTasks(viewerOf(cast.mentor)).tasks).toMatchObject([
			{ taskId: ids.taskId, part: 'eindverantwoordelijk' }
		]);
	});
});

describe('actions', () => {
	it('take a staff member or a name as owner, are edited and deleted, and show when they are overdue', () => {
		const { coordinator, ids } = threeRespondents();
		const base = { taskId: ids.taskId, title: 'Scholing', owner: 'Iemand', dueOn: '2020-03-01' };
		expect(addAction(coordinator, ids.roundId, { ...base, ownerUserId: cast.mentor })).toBe('ok');
		expect(addAction(coordinator, ids.roundId, { ...base, ownerUserId: cast.studentA })).toBe('notFound');
		const [action] = listActions(coordinator, ids.roundId);
		expect(action).toMatchObject({ ownerUserId: cast.mentor, ownerText: '', overdue: true });
		expect(
			updateAction(coordinator, ids.roundId, action.id, {
				...base,
				title: 'Scholing mentoren',
				owner: 'ROC',
				ownerUserId: null,
				dueOn: '2999-01-01'
			})
		).toBe('ok');
		expect(listActions(coordinator, ids.roundId)).toMatchObject([
			{ title: 'Scholing mentoren', owner: 'ROC', ownerUserId: null, overdue: false }
		]);
		expect(deleteAction(coordinator, ids.roundId, action.id)).toBe('ok');
		expect(listActions(coordinator, ids.roundId)).toEqual([]);
	});
});
