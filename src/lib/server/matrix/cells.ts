// The agreed matrix of a round: one cell per task and actor, with a version per cell so two coordinators
// never overwrite each other unseen, and the read models of the grid.
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix, type ActorDto, type TaskDto } from './lists';
import { getRound, type RoundDto } from './rounds';
import { findInRound, roundLists } from './round-lists';
import type { CellValue } from '../../matrix-analysis';
import type { CellPart } from '../../matrix-code';
import type { CellInput } from '../../schemas/matrix';
import type { Part } from '../../matrix';

export interface CellDto extends CellValue {
	version: number;
}
export interface Grid {
	round: RoundDto;
	tasks: TaskDto[];
	actors: ActorDto[];
	cells: CellDto[];
}

export const cellFields = (t: typeof mx.matrixCell | typeof mx.matrixAnswer) => ({
	taskId: t.taskId,
	actorId: t.actorId,
	part: t.part,
	how: t.how,
	rating: t.rating,
	wish: t.wish,
	version: t.version
});

export function listAgreedCells(viewer: Viewer, roundId: number): CellDto[] {
	assertMatrix(viewer, 'matrix.read');
	const c = mx.matrixCell;
	return getDb()
		.select(cellFields(c))
		.from(c)
		.where(and(eq(c.roundId, roundId), schoolScope(viewer, c.schoolId)))
		.all();
}

/** The agreed parts and ratings only: what the grid and the analysis show, without the texts of each cell. */
export function listAgreedParts(viewer: Viewer, roundId: number): CellPart[] {
	assertMatrix(viewer, 'matrix.read');
	const c = mx.matrixCell;
	return getDb()
		.select({ taskId: c.taskId, actorId: c.actorId, part: c.part, rating: c.rating })
		.from(c)
		.where(and(eq(c.roundId, roundId), schoolScope(viewer, c.schoolId)))
		.all();
}

/** As getGrid, with the parts and ratings only. */
export function getGridParts(viewer: Viewer, roundId: number) {
	const round = getRound(viewer, roundId);
	if (!round) return undefined;
	const cells = listAgreedParts(viewer, roundId);
	return { round, ...roundLists(viewer, round), cells };
}

export function getGrid(viewer: Viewer, roundId: number): Grid | undefined {
	const round = getRound(viewer, roundId);
	if (!round) return undefined;
	const cells = listAgreedCells(viewer, roundId);
	return { round, ...roundLists(viewer, round), cells };
}

export interface CellContext {
	round: RoundDto;
	task: TaskDto;
	actor: ActorDto;
}

/** The round, task and actor of one cell, or undefined when any of them is not this school's (or round's). */
export function getCellContext(
	viewer: Viewer,
	roundId: number,
	taskId: number,
	actorId: number
): CellContext | undefined {
	const round = getRound(viewer, roundId);
	const found = round && findInRound(viewer, round, taskId, actorId);
	return round && found ? { round, ...found } : undefined;
}

export const EMPTY_CELL = { part: 'geen', how: '', rating: null, wish: '', version: 0 } as const;

function agreedRow(viewer: Viewer, ids: { roundId: number; taskId: number; actorId: number }) {
	const c = mx.matrixCell;
	return getDb()
		.select({ ...cellFields(c), agreedAt: c.agreedAt })
		.from(c)
		.where(
			and(
				eq(c.roundId, ids.roundId),
				eq(c.taskId, ids.taskId),
				eq(c.actorId, ids.actorId),
				schoolScope(viewer, c.schoolId)
			)
		)
		.get();
}

export function getAgreedCell(viewer: Viewer, roundId: number, taskId: number, actorId: number) {
	const ctx = getCellContext(viewer, roundId, taskId, actorId);
	if (!ctx) return undefined;
	const found = agreedRow(viewer, { roundId, taskId, actorId });
	const { agreedAt: _agreedAt, ...cell } = found ?? { taskId, actorId, ...EMPTY_CELL, agreedAt: null };
	return { ...ctx, cell };
}

export type SaveResult =
	| { ok: true; version: number }
	| { ok: false; reason: 'notFound' | 'closed' }
	| { ok: false; reason: 'conflict'; current: CellDto };

/**
 * Save one agreed cell. The input names the version it was based on; when someone saved in between, nothing
 * is written and the caller gets the current cell to choose from. `agreed` marks a settled difference.
 */
export function saveAgreedCell(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	input: CellInput,
	agreed?: boolean
): SaveResult {
	assertMatrix(viewer, 'matrix.edit');
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' };
	if (found.round.status === 'closed') return { ok: false, reason: 'closed' };
	const c = mx.matrixCell;
	const values = { part: input.part, how: input.how, rating: input.rating, wish: input.wish };
	return getDb().transaction((tx) => {
		const current = tx
			.select({ id: c.id, ...cellFields(c) })
			.from(c)
			.where(and(eq(c.roundId, ids.roundId), eq(c.taskId, ids.taskId), eq(c.actorId, ids.actorId)))
			.get();
		const currentVersion = current?.version ?? 0;
		if (currentVersion !== input.version) {
			const { id: _id, ...cell } = current ?? { id: 0, ...ids, ...EMPTY_CELL };
			return { ok: false, reason: 'conflict', current: cell } as const;
		}
		const version = currentVersion + 1;
		const stamp = {
			version,
			updatedBy: viewer.userId,
			updatedAt: new Date(),
			...(agreed === undefined ? {} : { agreedAt: agreed ? new Date() : null })
		};
		if (current)
			tx.update(c)
				.set({ ...values, ...stamp })
				.where(eq(c.id, current.id))
				.run();
		else
			tx.insert(c)
				.values({ ...ids, schoolId: viewer.schoolId, ...values, ...stamp })
				.run();
		return { ok: true, version } as const;
	});
}

/**
 * Record what the team agreed for a cell where views differ: the part and the rating ("how" and "wish"
 * stay). The cell then leaves the list of differences; `undoAgreement` brings it back.
 */
export function agreeCell(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	input: { part: Part; rating: number | null; version: number }
): SaveResult {
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' };
	const { how, wish } = found.cell;
	return saveAgreedCell(viewer, ids, { ...input, how, wish }, true);
}

export function undoAgreement(viewer: Viewer, ids: { roundId: number; taskId: number; actorId: number }) {
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' } as const;
	const { part, how, rating, wish, version } = found.cell;
	return saveAgreedCell(viewer, ids, { part, how, rating, wish, version }, false);
}
