// Respondents: staff members the coordinator invites to give their own view of a round. Their answers are
// kept apart from the agreed matrix; the coordinator compares them and records what the team agrees.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix, linkActorUser, listStaff, myActorIds } from './lists';
import {
	cellFields,
	EMPTY_CELL,
	getCellContext,
	getLatestRound,
	getRound,
	listAgreedCells,
	listsFor,
	type CellDto,
	type Grid,
	type SaveResult
} from './rounds';
import { findSplits, type Split } from '../../matrix-analysis';
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
	getDb().insert(rs).values({ schoolId: viewer.schoolId, roundId, userId }).onConflictDoNothing().run();
	return 'ok';
}

export interface RespondentDto {
	id: number;
	userId: number;
	name: string;
	submitted: boolean;
	answers: number;
}

export function listRespondents(viewer: Viewer, roundId: number): RespondentDto[] {
	assertMatrix(viewer, 'matrix.edit');
	const db = getDb();
	const rows = db
		.select({
			id: rs.id,
			userId: rs.userId,
			submittedAt: rs.submittedAt,
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
				.select({ respondentId: ans.respondentId, n: count() })
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
	return rows.map((x) => ({
		id: x.id,
		userId: x.userId,
		name: fullName(x),
		submitted: x.submittedAt !== null,
		answers: n.get(x.id) ?? 0
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
	return { round, ...listsFor(viewer, cells), cells, submitted: me.submittedAt !== null };
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

export interface Difference extends Split {
	agreed: Part;
}

/** Cells where the respondents' views differ, with what is agreed there now. */
export function listDifferences(
	viewer: Viewer,
	roundId: number
): { respondents: number; splits: Difference[] } {
	assertMatrix(viewer, 'matrix.edit');
	// One query for the answers of the round's respondents (a join, not a list of ids and a second query).
	const answered = getDb()
		.select({ respondentId: ans.respondentId, ...cellFields(ans) })
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.all();
	// Only those who answered anything count; an invitation nobody opened says nothing.
	const active = [...new Set(answered.map((a) => a.respondentId))];
	const agreed = new Map(listAgreedCells(viewer, roundId).map((c) => [`${c.taskId}:${c.actorId}`, c.part]));
	return {
		respondents: active.length,
		splits: findSplits(active, answered).map((s) => ({
			...s,
			agreed: agreed.get(`${s.taskId}:${s.actorId}`) ?? 'geen'
		}))
	};
}

/**
 * The "taskId:actorId" keys of the cells where respondents differ: what listDifferences finds, counted in
 * SQL per cell instead of reading every answer (20 respondents × 364 cells) into the round's grid page.
 * A respondent who answered something but left a cell empty said "geen" there. Views differ where the parts
 * given are not all the same (min ≠ max), or where they are, but not "geen", and someone was silent.
 */
export function listSplitKeys(viewer: Viewer, roundId: number): string[] {
	assertMatrix(viewer, 'matrix.edit');
	const inRound = and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId));
	const db = getDb();
	const active =
		db
			.select({ n: count() })
			.from(rs)
			.where(and(inRound, sql`exists (select 1 from ${ans} where ${ans.respondentId} = ${rs.id})`))
			.get()?.n ?? 0;
	if (active < 2) return [];
	return db
		.select({ taskId: ans.taskId, actorId: ans.actorId })
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(inRound)
		.groupBy(ans.taskId, ans.actorId)
		.having(
			sql`min(${ans.part}) <> max(${ans.part}) or (count(*) < ${active} and min(${ans.part}) <> 'geen')`
		)
		.all()
		.map((c) => `${c.taskId}:${c.actorId}`);
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
