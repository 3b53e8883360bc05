// Evaluation rounds of the LOB-task matrix: the agreed matrix per round (with a version per cell so two
// coordinators never overwrite each other unseen), carry-over into a new round, and the read models.
import { and, desc, eq, ne } from 'drizzle-orm';
import { getDb, inTransaction, type Db } from '../db';
import { getCurrentSchoolYear } from '../school/schools';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import {
	assertMatrix,
	ensureMatrixDefaults,
	listActors,
	listTasks,
	type ActorDto,
	type TaskDto
} from './lists';
import type { CellValue } from '../../matrix-analysis';
import type { CellPart } from '../../matrix-code';
import type { CellInput } from '../../schemas/matrix';
import type { Part, RoundStatus } from '../../matrix';

export interface RoundDto {
	id: number;
	name: string;
	status: RoundStatus;
	previousRoundId: number | null;
	createdAt: Date;
}
export interface CellDto extends CellValue {
	version: number;
}
export interface Grid {
	round: RoundDto;
	tasks: TaskDto[];
	actors: ActorDto[];
	cells: CellDto[];
}

const r = mx.matrixRound;
const roundFields = {
	id: r.id,
	name: r.name,
	status: r.status,
	previousRoundId: r.previousRoundId,
	createdAt: r.createdAt
};
export const cellFields = (t: typeof mx.matrixCell | typeof mx.matrixAnswer) => ({
	taskId: t.taskId,
	actorId: t.actorId,
	part: t.part,
	how: t.how,
	rating: t.rating,
	wish: t.wish,
	version: t.version
});

export function listRounds(viewer: Viewer): RoundDto[] {
	assertMatrix(viewer, 'matrix.read');
	return getDb().select(roundFields).from(r).where(schoolScope(viewer, r.schoolId)).orderBy(desc(r.id)).all();
}

export function getRound(viewer: Viewer, roundId: number): RoundDto | undefined {
	assertMatrix(viewer, 'matrix.read');
	return getDb()
		.select(roundFields)
		.from(r)
		.where(and(eq(r.id, roundId), schoolScope(viewer, r.schoolId)))
		.get();
}

/** The newest round: the one whose agreed matrix is "the" matrix of the school for now. */
export function getLatestRound(viewer: Viewer): RoundDto | undefined {
	return listRounds(viewer)[0];
}

/**
 * A new round starts from the previous round's agreed matrix (on tasks and actors still in use) and takes
 * over its unfinished actions, so the PDCA cycle continues.
 */
export function createRound(viewer: Viewer, name: string, db: Db = getDb()): number {
	assertMatrix(viewer, 'matrix.edit');
	return inTransaction(db, (tx) => {
		ensureMatrixDefaults(viewer.schoolId, tx);
		const previous = tx
			.select({ id: r.id })
			.from(r)
			.where(schoolScope(viewer, r.schoolId))
			.orderBy(desc(r.id))
			.get();
		const round = tx
			.insert(r)
			.values({
				schoolId: viewer.schoolId,
				schoolYearId: getCurrentSchoolYear(viewer.schoolId, tx)?.id ?? null,
				name,
				previousRoundId: previous?.id ?? null
			})
			.returning({ id: r.id })
			.get();
		if (!previous) return round.id;
		const c = mx.matrixCell;
		const cells = tx
			.select({
				taskId: c.taskId,
				actorId: c.actorId,
				part: c.part,
				how: c.how,
				rating: c.rating,
				wish: c.wish
			})
			.from(c)
			.innerJoin(mx.matrixTask, eq(mx.matrixTask.id, c.taskId))
			.innerJoin(mx.matrixActor, eq(mx.matrixActor.id, c.actorId))
			.where(and(eq(c.roundId, previous.id), schoolScope(viewer, c.schoolId)))
			.all()
			.filter((x) => x.part !== 'geen' || x.how || x.rating || x.wish);
		const live = new Set([
			...listTasks(viewer).map((t) => `t${t.id}`),
			...listActors(viewer).map((a) => `a${a.id}`)
		]);
		const copied = cells.filter((x) => live.has(`t${x.taskId}`) && live.has(`a${x.actorId}`));
		if (copied.length)
			tx.insert(c)
				.values(
					copied.map((x) => ({
						...x,
						schoolId: viewer.schoolId,
						roundId: round.id,
						updatedBy: viewer.userId
					}))
				)
				.run();
		const a = mx.matrixAction;
		const open = tx
			.select({
				id: a.id,
				taskId: a.taskId,
				title: a.title,
				owner: a.owner,
				dueOn: a.dueOn,
				status: a.status
			})
			.from(a)
			.where(and(eq(a.roundId, previous.id), schoolScope(viewer, a.schoolId), ne(a.status, 'klaar')))
			.all();
		if (open.length)
			tx.insert(a)
				.values(
					open.map(({ id, ...x }) => ({
						...x,
						schoolId: viewer.schoolId,
						roundId: round.id,
						carriedFromId: id
					}))
				)
				.run();
		return round.id;
	});
}

export function setRoundStatus(viewer: Viewer, roundId: number, status: RoundStatus): boolean {
	assertMatrix(viewer, 'matrix.edit');
	return (
		getDb()
			.update(r)
			.set({ status, closedAt: status === 'closed' ? new Date() : null })
			.where(and(eq(r.id, roundId), schoolScope(viewer, r.schoolId)))
			.run().changes > 0
	);
}

/** Lists with archived tasks/actors brought back where this set of cells still uses them. */
export function listsFor(viewer: Viewer, cells: { taskId: number; actorId: number; part: Part }[]) {
	const used = cells.filter((c) => c.part !== 'geen');
	return {
		tasks: listTasks(viewer, { alsoIds: used.map((c) => c.taskId) }),
		actors: listActors(viewer, { alsoIds: used.map((c) => c.actorId) })
	};
}

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
	return { round, ...listsFor(viewer, cells), cells };
}

export function getGrid(viewer: Viewer, roundId: number): Grid | undefined {
	const round = getRound(viewer, roundId);
	if (!round) return undefined;
	const cells = listAgreedCells(viewer, roundId);
	return { round, ...listsFor(viewer, cells), cells };
}

export interface CellContext {
	round: RoundDto;
	task: TaskDto;
	actor: ActorDto;
}

/** The round, task and actor of one cell, or undefined when any of them is not this school's. */
export function getCellContext(viewer: Viewer, roundId: number, taskId: number, actorId: number) {
	const round = getRound(viewer, roundId);
	if (!round) return undefined;
	const task = listTasks(viewer, { archived: true }).find((t) => t.id === taskId);
	const actor = listActors(viewer, { archived: true }).find((a) => a.id === actorId);
	if (!task || !actor) return undefined;
	return { round, task, actor } satisfies CellContext;
}

export const EMPTY_CELL = { part: 'geen', how: '', rating: null, wish: '', version: 0 } as const;

export function getAgreedCell(viewer: Viewer, roundId: number, taskId: number, actorId: number) {
	const ctx = getCellContext(viewer, roundId, taskId, actorId);
	if (!ctx) return undefined;
	const c = mx.matrixCell;
	const cell = getDb()
		.select(cellFields(c))
		.from(c)
		.where(
			and(
				eq(c.roundId, roundId),
				eq(c.taskId, taskId),
				eq(c.actorId, actorId),
				schoolScope(viewer, c.schoolId)
			)
		)
		.get();
	return { ...ctx, cell: cell ?? { taskId, actorId, ...EMPTY_CELL } };
}

export type SaveResult =
	| { ok: true; version: number }
	| { ok: false; reason: 'notFound' | 'closed' }
	| { ok: false; reason: 'conflict'; current: CellDto };

/**
 * Save one agreed cell. The input names the version it was based on; when someone saved in between, nothing
 * is written and the caller gets the current cell to choose from.
 */
export function saveAgreedCell(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	input: CellInput
): SaveResult {
	assertMatrix(viewer, 'matrix.edit');
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' };
	if (found.round.status === 'closed') return { ok: false, reason: 'closed' };
	const c = mx.matrixCell;
	const values = { part: input.part, how: input.how, rating: input.rating, wish: input.wish };
	const db = getDb();
	return db.transaction((tx) => {
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
		const stamp = { version, updatedBy: viewer.userId, updatedAt: new Date() };
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

/** Record the team's choice for a split cell: only the part changes, "how" and the rating stay. */
export function agreePart(
	viewer: Viewer,
	ids: { roundId: number; taskId: number; actorId: number },
	part: CellInput['part']
): SaveResult {
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) return { ok: false, reason: 'notFound' };
	const { how, rating, wish, version } = found.cell;
	return saveAgreedCell(viewer, ids, { part, how, rating, wish, version });
}
