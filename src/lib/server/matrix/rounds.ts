// Evaluation rounds of the LOB-task matrix: one open round per school at a time, unique names, carry-over
// of the agreed matrix and unfinished actions into a new round, rename, delete while nobody answered, and
// closing (which keeps the round's tasks and actors as a snapshot, see round-lists.ts).
import { and, desc, eq, ne } from 'drizzle-orm';
import { getDb, inTransaction, type Db } from '../db';
import { getCurrentSchoolYear } from '../school/schools';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix, ensureMatrixDefaults, listActors, listTasks } from './lists';
import { writeSnapshot } from './round-lists';
import type { RoundStatus } from '../../matrix';

export interface RoundDto {
	id: number;
	name: string;
	status: RoundStatus;
	previousRoundId: number | null;
	createdAt: Date;
}

const r = mx.matrixRound;
const roundFields = {
	id: r.id,
	name: r.name,
	status: r.status,
	previousRoundId: r.previousRoundId,
	createdAt: r.createdAt
};

export function listRounds(viewer: Viewer, db: Db = getDb()): RoundDto[] {
	assertMatrix(viewer, 'matrix.read');
	return db.select(roundFields).from(r).where(schoolScope(viewer, r.schoolId)).orderBy(desc(r.id)).all();
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

export type RoundResult =
	| { ok: true; id: number }
	| { ok: false; reason: 'notFound' | 'duplicate' | 'answered' }
	| { ok: false; reason: 'openExists'; open: string };

const sameName = (a: string, b: string) =>
	a.trim().toLocaleLowerCase('nl') === b.trim().toLocaleLowerCase('nl');

function clash(viewer: Viewer, name: string, exceptId: number | null, db: Db): RoundResult | undefined {
	const rounds = listRounds(viewer, db);
	if (rounds.some((x) => x.id !== exceptId && sameName(x.name, name)))
		return { ok: false, reason: 'duplicate' };
	return undefined;
}

function otherOpen(viewer: Viewer, exceptId: number | null, db: Db): RoundDto | undefined {
	return listRounds(viewer, db).find((x) => x.status === 'open' && x.id !== exceptId);
}

/**
 * A new round starts from the previous round's agreed matrix (on tasks and actors still in use) and takes
 * over its unfinished actions, so the PDCA cycle continues. Refused while another round is open.
 */
export function createRound(viewer: Viewer, name: string, db: Db = getDb()): RoundResult {
	assertMatrix(viewer, 'matrix.edit');
	return inTransaction(db, (tx): RoundResult => {
		const open = otherOpen(viewer, null, tx);
		if (open) return { ok: false, reason: 'openExists', open: open.name };
		const duplicate = clash(viewer, name, null, tx);
		if (duplicate) return duplicate;
		ensureMatrixDefaults(viewer.schoolId, tx);
		const previous = listRounds(viewer, tx)[0];
		const round = tx
			.insert(r)
			.values({
				schoolId: viewer.schoolId,
				schoolYearId: getCurrentSchoolYear(viewer.schoolId, tx)?.id ?? null,
				name: name.trim(),
				previousRoundId: previous?.id ?? null
			})
			.returning({ id: r.id })
			.get();
		if (previous) carryOver(viewer, previous.id, round.id, tx);
		return { ok: true, id: round.id };
	});
}

function carryOver(viewer: Viewer, fromId: number, toId: number, tx: Db): void {
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
		.where(and(eq(c.roundId, fromId), schoolScope(viewer, c.schoolId)))
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
				copied.map((x) => ({ ...x, schoolId: viewer.schoolId, roundId: toId, updatedBy: viewer.userId }))
			)
			.run();
	const a = mx.matrixAction;
	const open = tx
		.select({
			id: a.id,
			taskId: a.taskId,
			title: a.title,
			owner: a.owner,
			ownerUserId: a.ownerUserId,
			dueOn: a.dueOn,
			status: a.status
		})
		.from(a)
		.where(and(eq(a.roundId, fromId), schoolScope(viewer, a.schoolId), ne(a.status, 'klaar')))
		.all();
	if (open.length)
		tx.insert(a)
			.values(
				open.map(({ id, ...x }) => ({ ...x, schoolId: viewer.schoolId, roundId: toId, carriedFromId: id }))
			)
			.run();
}

export function renameRound(viewer: Viewer, roundId: number, name: string): RoundResult {
	assertMatrix(viewer, 'matrix.edit');
	if (!getRound(viewer, roundId)) return { ok: false, reason: 'notFound' };
	const db = getDb();
	const duplicate = clash(viewer, name, roundId, db);
	if (duplicate) return duplicate;
	db.update(r)
		.set({ name: name.trim() })
		.where(and(eq(r.id, roundId), schoolScope(viewer, r.schoolId)))
		.run();
	return { ok: true, id: roundId };
}

/** How many answers the round's respondents gave: a round with answers cannot be deleted. */
export function hasAnswers(viewer: Viewer, roundId: number, db: Db = getDb()): boolean {
	const rs = mx.matrixRespondent;
	// Whether any, not how many: the page asks on every view, and a round holds thousands of answers.
	return (
		db
			.select({ id: mx.matrixAnswer.id })
			.from(mx.matrixAnswer)
			.innerJoin(rs, eq(rs.id, mx.matrixAnswer.respondentId))
			.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
			.limit(1)
			.get() !== undefined
	);
}

/** Delete a round nobody answered yet (a mistake, a test); the round after it then follows its predecessor. */
export function deleteRound(viewer: Viewer, roundId: number, db: Db = getDb()): RoundResult {
	assertMatrix(viewer, 'matrix.edit');
	return inTransaction(db, (tx): RoundResult => {
		const round = getRound(viewer, roundId);
		if (!round) return { ok: false, reason: 'notFound' };
		if (hasAnswers(viewer, roundId, tx)) return { ok: false, reason: 'answered' };
		tx.update(r)
			.set({ previousRoundId: round.previousRoundId })
			.where(and(eq(r.previousRoundId, roundId), schoolScope(viewer, r.schoolId)))
			.run();
		tx.delete(r)
			.where(and(eq(r.id, roundId), schoolScope(viewer, r.schoolId)))
			.run();
		return { ok: true, id: roundId };
	});
}

/** Close (keeping the lists as they are) or reopen, while no other round is open. */
export function setRoundStatus(
	viewer: Viewer,
	roundId: number,
	status: RoundStatus,
	db: Db = getDb()
): RoundResult {
	assertMatrix(viewer, 'matrix.edit');
	return inTransaction(db, (tx): RoundResult => {
		const round = getRound(viewer, roundId);
		if (!round) return { ok: false, reason: 'notFound' };
		if (round.status === status) return { ok: true, id: roundId };
		const open = status === 'open' ? otherOpen(viewer, roundId, tx) : undefined;
		if (open) return { ok: false, reason: 'openExists', open: open.name };
		tx.update(r)
			.set({ status, closedAt: status === 'closed' ? new Date() : null })
			.where(and(eq(r.id, roundId), schoolScope(viewer, r.schoolId)))
			.run();
		writeSnapshot(viewer, roundId, status, tx);
		return { ok: true, id: roundId };
	});
}
