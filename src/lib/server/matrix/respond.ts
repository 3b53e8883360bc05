// Respondents: staff members the coordinator invites to give their own view of a round. Their answers are
// kept apart from the agreed matrix; the coordinator compares them and records what the team agrees.
import { and, countDistinct, desc, eq, inArray } from 'drizzle-orm';
import { getDb, inTransaction } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix } from './lists';
import { linkActorUser, listStaff, myActorIds } from './staff';
import { getLatestRound, getRound } from './rounds';
import { roundLists } from './round-lists';
import {
	cellFields,
	EMPTY_CELL,
	getCellContext,
	listAgreedCells,
	type CellDto,
	type Grid,
	type SaveResult
} from './cells';
import { notify } from '../dialog/notifications';
import type { CellInput } from '../../schemas/matrix';
import type { Part } from '../../matrix';
import { fullName } from '$lib/names';

const rs = mx.matrixRespondent;
const ans = mx.matrixAnswer;

export type InviteResult = 'ok' | 'notFound' | 'closed';

/** Invite an employee; with an actor, they are also linked to that column ("mijn LOB-taken"). */
export function inviteRespondent(
	viewer: Viewer,
	roundId: number,
	userId: number,
	actorId: number | null
): InviteResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	if (!round || !listStaff(viewer).some((s) => s.id === userId)) return 'notFound';
	if (round.status === 'closed') return 'closed';
	if (actorId !== null && !linkActorUser(viewer, actorId, userId)) return 'notFound';
	inTransaction(getDb(), (tx) => {
		const added = tx
			.insert(rs)
			.values({ schoolId: viewer.schoolId, roundId, userId })
			.onConflictDoNothing()
			.run().changes;
		// The invitation reaches them in the app (their notifications and their LOB-taken page).
		if (added)
			notify(tx, [{ schoolId: viewer.schoolId, userId, kind: 'matrixInvite', matrixRoundId: roundId }]);
	});
	return 'ok';
}

/** One of the round's respondents, or undefined when the id is not this round's. */
function respondentOf(viewer: Viewer, roundId: number, respondentId: number) {
	return getDb()
		.select({ id: rs.id, userId: rs.userId, submittedAt: rs.submittedAt })
		.from(rs)
		.where(and(eq(rs.id, respondentId), eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.get();
}

/** A reminder: a new notification, and the date shown beside their name. */
export function remindRespondent(viewer: Viewer, roundId: number, respondentId: number): InviteResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	const who = round && respondentOf(viewer, roundId, respondentId);
	if (!round || !who) return 'notFound';
	if (round.status === 'closed') return 'closed';
	inTransaction(getDb(), (tx) => {
		tx.update(rs).set({ remindedAt: new Date() }).where(eq(rs.id, who.id)).run();
		notify(tx, [
			{ schoolId: viewer.schoolId, userId: who.userId, kind: 'matrixInvite', matrixRoundId: roundId }
		]);
	});
	return 'ok';
}

/** Take someone off the round: their answers go with them (the UI says so before). */
export function removeRespondent(viewer: Viewer, roundId: number, respondentId: number): InviteResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	const who = round && respondentOf(viewer, roundId, respondentId);
	if (!round || !who) return 'notFound';
	if (round.status === 'closed') return 'closed';
	getDb().delete(rs).where(eq(rs.id, who.id)).run();
	return 'ok';
}

export interface RespondentDto {
	id: number;
	userId: number;
	name: string;
	submitted: boolean;
	/** Tasks with at least one answered cell, out of `tasks`. */
	answered: number;
	tasks: number;
	remindedAt: Date | null;
}

export function listRespondents(viewer: Viewer, roundId: number): RespondentDto[] {
	assertMatrix(viewer, 'matrix.edit');
	const db = getDb();
	const rows = db
		.select({
			id: rs.id,
			userId: rs.userId,
			submittedAt: rs.submittedAt,
			remindedAt: rs.remindedAt,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(rs)
		.innerJoin(core.user, eq(core.user.id, rs.userId))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.orderBy(core.user.familyName)
		.all();
	const counts = rows.length
		? db
				.select({ respondentId: ans.respondentId, n: countDistinct(ans.taskId) })
				.from(ans)
				.where(
					inArray(
						ans.respondentId,
						rows.map((x) => x.id)
					)
				)
				.groupBy(ans.respondentId)
				.all()
		: [];
	const n = new Map(counts.map((c) => [c.respondentId, c.n]));
	const round = getRound(viewer, roundId);
	const tasks = round ? roundLists(viewer, round).tasks.length : 0;
	return rows.map((x) => ({
		id: x.id,
		userId: x.userId,
		name: fullName(x),
		submitted: x.submittedAt !== null,
		answered: n.get(x.id) ?? 0,
		tasks,
		remindedAt: x.remindedAt
	}));
}

export interface Invitation {
	roundId: number;
	name: string;
	submitted: boolean;
}

/** The viewer's invitations in open rounds. */
export function listMyInvitations(viewer: Viewer): Invitation[] {
	assertMatrix(viewer, 'matrix.respond');
	return getDb()
		.select({ roundId: rs.roundId, name: mx.matrixRound.name, submittedAt: rs.submittedAt })
		.from(rs)
		.innerJoin(mx.matrixRound, eq(mx.matrixRound.id, rs.roundId))
		.where(
			and(eq(rs.userId, viewer.userId), schoolScope(viewer, rs.schoolId), eq(mx.matrixRound.status, 'open'))
		)
		.orderBy(desc(rs.roundId))
		.all()
		.map((x) => ({ roundId: x.roundId, name: x.name, submitted: x.submittedAt !== null }));
}

function myRespondent(viewer: Viewer, roundId: number) {
	assertMatrix(viewer, 'matrix.respond');
	return getDb()
		.select({ id: rs.id, submittedAt: rs.submittedAt })
		.from(rs)
		.where(and(eq(rs.roundId, roundId), eq(rs.userId, viewer.userId), schoolScope(viewer, rs.schoolId)))
		.get();
}

/** The viewer's own grid for a round they were invited to; undefined for anyone else. */
export function getMyGrid(viewer: Viewer, roundId: number): (Grid & { submitted: boolean }) | undefined {
	const me = myRespondent(viewer, roundId);
	const round = me && getRound(viewer, roundId);
	if (!me || !round) return undefined;
	const cells = getDb().select(cellFields(ans)).from(ans).where(eq(ans.respondentId, me.id)).all();
	return { round, ...roundLists(viewer, round), cells, submitted: me.submittedAt !== null };
}

export function getMyAnswer(viewer: Viewer, roundId: number, taskId: number, actorId: number) {
	const me = myRespondent(viewer, roundId);
	const ctx = me && getCellContext(viewer, roundId, taskId, actorId);
	if (!me || !ctx) return undefined;
	const cell = getDb()
		.select(cellFields(ans))
		.from(ans)
		.where(and(eq(ans.respondentId, me.id), eq(ans.taskId, taskId), eq(ans.actorId, actorId)))
		.get();
	return { ...ctx, respondentId: me.id, cell: cell ?? { taskId, actorId, ...EMPTY_CELL } };
}

/** Save the viewer's own view of one cell, with the same version check as the agreed matrix. */
export function saveMyAnswer(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	input: CellInput
): SaveResult {
	const found = getMyAnswer(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' };
	if (found.round.status === 'closed') return { ok: false, reason: 'closed' };
	if (found.cell.version !== input.version) return { ok: false, reason: 'conflict', current: found.cell };
	const values = { part: input.part, how: input.how, rating: input.rating, wish: input.wish };
	const version = input.version + 1;
	const stamp = { version, updatedBy: viewer.userId, updatedAt: new Date() };
	const db = getDb();
	const key = and(
		eq(ans.respondentId, found.respondentId),
		eq(ans.taskId, ids.taskId),
		eq(ans.actorId, ids.actorId)
	);
	const changed =
		input.version === 0
			? db
					.insert(ans)
					.values({
						schoolId: viewer.schoolId,
						respondentId: found.respondentId,
						taskId: ids.taskId,
						actorId: ids.actorId,
						...values,
						...stamp
					})
					.onConflictDoNothing()
					.run().changes
			: db
					.update(ans)
					.set({ ...values, ...stamp })
					.where(and(key, eq(ans.version, input.version)))
					.run().changes;
	if (changed === 0) {
		const current = getMyAnswer(viewer, ids.roundId, ids.taskId, ids.actorId);
		return { ok: false, reason: 'conflict', current: current?.cell ?? found.cell };
	}
	return { ok: true, version };
}

export function submitMyView(viewer: Viewer, roundId: number): InviteResult {
	const me = myRespondent(viewer, roundId);
	const round = me && getRound(viewer, roundId);
	if (!me || !round) return 'notFound';
	if (round.status === 'closed') return 'closed';
	getDb().update(rs).set({ submittedAt: new Date() }).where(eq(rs.id, me.id)).run();
	return 'ok';
}

export interface MyTask {
	taskId: number;
	actorId: number;
	part: Part;
	how: string;
	rating: number | null;
}

/** "Mijn LOB-taken": the viewer's actor columns in the newest round's agreed matrix. */
export function listMyTasks(viewer: Viewer): {
	roundId: number | null;
	actorIds: number[];
	tasks: MyTask[];
	cells: CellDto[];
} {
	const actorIds = myActorIds(viewer);
	const round = getLatestRound(viewer);
	if (!round) return { roundId: null, actorIds, tasks: [], cells: [] };
	const cells = listAgreedCells(viewer, round.id);
	const mine = new Set(actorIds);
	const tasks = cells
		.filter((c) => mine.has(c.actorId) && c.part !== 'geen')
		.map(({ taskId, actorId, part, how, rating }) => ({ taskId, actorId, part, how, rating }));
	return { roundId: round.id, actorIds, tasks, cells };
}
