// The respondents' views side by side: every view of one cell (with who gave it, and who left it empty),
// their spread per cell for the grid, and the cells where parts or ratings differ ("Verschillen").
import { and, asc, count, eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix } from './lists';
import { cellFields } from './cells';
import { cellKey, findSplits, type Split } from '../../matrix-analysis';
import type { CellSpread } from '../../matrix-code';
import type { Part } from '../../matrix';
import { fullName } from '$lib/names';

const rs = mx.matrixRespondent;
const ans = mx.matrixAnswer;

export interface CellView {
	respondentId: number;
	name: string;
	/** False where the respondent left the cell empty: "niet ingevuld", never a part or a rating. */
	answered: boolean;
	part: Part | null;
	how: string;
	rating: number | null;
	wish: string;
}

/** Every invited respondent's view of one cell, in name order. */
export function listCellViews(viewer: Viewer, roundId: number, taskId: number, actorId: number): CellView[] {
	assertMatrix(viewer, 'matrix.edit');
	return getDb()
		.select({
			respondentId: rs.id,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			answerId: ans.id,
			part: ans.part,
			how: ans.how,
			rating: ans.rating,
			wish: ans.wish
		})
		.from(rs)
		.innerJoin(core.user, eq(core.user.id, rs.userId))
		.leftJoin(ans, and(eq(ans.respondentId, rs.id), eq(ans.taskId, taskId), eq(ans.actorId, actorId)))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.orderBy(asc(core.user.familyName), asc(core.user.givenName))
		.all()
		.map((x) => ({
			respondentId: x.respondentId,
			name: fullName(x),
			answered: x.answerId !== null,
			part: x.part,
			how: x.how ?? '',
			rating: x.rating,
			wish: x.wish ?? ''
		}));
}

/**
 * Per answered cell: whether the parts given differ and the range of the ratings, counted in SQL per cell
 * instead of reading every answer (20 respondents × 364 cells) into the round's grid page.
 */
export function listSpreads(viewer: Viewer, roundId: number): Map<string, CellSpread> {
	assertMatrix(viewer, 'matrix.edit');
	const rows = getDb()
		.select({
			taskId: ans.taskId,
			actorId: ans.actorId,
			roleDiffers: sql<number>`min(${ans.part}) <> max(${ans.part})`,
			min: sql<number | null>`min(${ans.rating})`,
			max: sql<number | null>`max(${ans.rating})`
		})
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.groupBy(ans.taskId, ans.actorId)
		.all();
	return new Map(
		rows.map((x) => [cellKey(x.taskId, x.actorId), { roleDiffers: !!x.roleDiffers, min: x.min, max: x.max }])
	);
}

export interface Difference extends Split {
	/** Invited respondents who left this cell empty. */
	notAnswered: number;
	/** What is agreed there now; null when nothing was saved for the cell yet. */
	agreed: { part: Part; rating: number | null; version: number } | null;
}

/**
 * Cells where the respondents' parts or ratings differ, split into those still to discuss and those the
 * team settled in this list (which can be brought back).
 */
export function listDifferences(
	viewer: Viewer,
	roundId: number
): { respondents: number; open: Difference[]; settled: Difference[] } {
	assertMatrix(viewer, 'matrix.edit');
	const db = getDb();
	const inRound = and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId));
	const respondents = db.select({ n: count() }).from(rs).where(inRound).get()?.n ?? 0;
	const answers = db
		.select({ respondentId: ans.respondentId, ...cellFields(ans) })
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(inRound)
		.all();
	const c = mx.matrixCell;
	const cells = db
		.select({ ...cellFields(c), agreedAt: c.agreedAt })
		.from(c)
		.where(and(eq(c.roundId, roundId), schoolScope(viewer, c.schoolId)))
		.all();
	const byKey = new Map(cells.map((x) => [cellKey(x.taskId, x.actorId), x]));
	const open: Difference[] = [];
	const settled: Difference[] = [];
	for (const split of findSplits(answers)) {
		const cell = byKey.get(cellKey(split.taskId, split.actorId));
		const d = {
			...split,
			notAnswered: respondents - split.answered,
			agreed: cell ? { part: cell.part, rating: cell.rating, version: cell.version } : null
		};
		(cell?.agreedAt ? settled : open).push(d);
	}
	return { respondents, open, settled };
}

export interface RoundAnswer {
	name: string;
	taskId: number;
	actorId: number;
	part: Part;
	how: string;
	rating: number | null;
	wish: string;
}

/** Every answer of the round with who gave it, for the export. */
export function listRoundAnswers(viewer: Viewer, roundId: number): RoundAnswer[] {
	assertMatrix(viewer, 'matrix.edit');
	return getDb()
		.select({
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			...cellFields(ans)
		})
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.innerJoin(core.user, eq(core.user.id, rs.userId))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId)))
		.orderBy(asc(core.user.familyName), asc(core.user.givenName), asc(ans.id))
		.all()
		.map((x) => ({
			name: fullName(x),
			taskId: x.taskId,
			actorId: x.actorId,
			part: x.part,
			how: x.how,
			rating: x.rating,
			wish: x.wish
		}));
}
