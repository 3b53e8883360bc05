// What a round produces for the team: improvement actions (PDCA), the analysis of the agreed matrix, the
// comparison with another round, and the CSV export.
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix, listActors, listTasks } from './lists';
import { getGrid, getGridParts, getRound, listAgreedCells, type Grid } from './rounds';
import { listSplitKeys } from './respond';
import {
	analyse,
	compareRounds,
	type ActorRef,
	type Analysis,
	type Comparison,
	type TaskRef
} from '../../matrix-analysis';
import { encodeCells } from '../../matrix-code';
import type { ActionStatus } from '../../matrix';

const a = mx.matrixAction;

export interface ActionDto {
	id: number;
	taskId: number;
	title: string;
	owner: string;
	dueOn: string | null;
	status: ActionStatus;
	carried: boolean;
}

export function listActions(viewer: Viewer, roundId: number): ActionDto[] {
	assertMatrix(viewer, 'matrix.read');
	return getDb()
		.select({
			id: a.id,
			taskId: a.taskId,
			title: a.title,
			owner: a.owner,
			dueOn: a.dueOn,
			status: a.status,
			carriedFromId: a.carriedFromId
		})
		.from(a)
		.where(and(eq(a.roundId, roundId), schoolScope(viewer, a.schoolId)))
		.orderBy(asc(a.dueOn), asc(a.id))
		.all()
		.map(({ carriedFromId, ...x }) => ({ ...x, carried: carriedFromId !== null }));
}

export type ActionResult = 'ok' | 'notFound' | 'closed';

export function addAction(
	viewer: Viewer,
	roundId: number,
	input: { taskId: number; title: string; owner: string; dueOn: string | null }
): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	if (!round || !listTasks(viewer).some((t) => t.id === input.taskId)) return 'notFound';
	if (round.status === 'closed') return 'closed';
	getDb()
		.insert(a)
		.values({ ...input, schoolId: viewer.schoolId, roundId })
		.run();
	return 'ok';
}

export function setActionStatus(
	viewer: Viewer,
	roundId: number,
	id: number,
	status: ActionStatus
): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	if (!round) return 'notFound';
	if (round.status === 'closed') return 'closed';
	const changed = getDb()
		.update(a)
		.set({ status })
		.where(and(eq(a.id, id), eq(a.roundId, roundId), schoolScope(viewer, a.schoolId)))
		.run().changes;
	return changed ? 'ok' : 'notFound';
}

export function getAnalysis(viewer: Viewer, roundId: number): (Grid & { analysis: Analysis }) | undefined {
	const grid = getGrid(viewer, roundId);
	if (!grid) return undefined;
	return { ...grid, analysis: analyse(grid.tasks, grid.actors, grid.cells) };
}

/** The names the grid and the analysis show of the tasks and actors, without their descriptions. */
function refsOf(grid: { tasks: TaskRef[]; actors: ActorRef[] }) {
	return {
		tasks: grid.tasks.map(({ id, kind, name }) => ({ id, kind, name })),
		actors: grid.actors.map(({ id, name }) => ({ id, name }))
	};
}

export interface GridSummary {
	tasks: TaskRef[];
	actors: ActorRef[];
	/** The agreed parts and ratings and where views differ, as matrix-code.ts writes them. */
	code: string;
}

/** The round's grid for the coordinator's overview; undefined when the round is not the viewer's school's. */
export function getGridSummary(viewer: Viewer, roundId: number): GridSummary | undefined {
	assertMatrix(viewer, 'matrix.edit');
	const grid = getGridParts(viewer, roundId);
	if (!grid) return undefined;
	const { tasks, actors } = refsOf(grid);
	const splits = listSplitKeys(viewer, roundId);
	return { tasks, actors, code: encodeCells(tasks, actors, grid.cells, splits) };
}

/** The analysis of the round's agreed matrix; undefined when the round is not the viewer's school's. */
export function getRoundAnalysis(viewer: Viewer, roundId: number): Analysis | undefined {
	assertMatrix(viewer, 'matrix.read');
	const grid = getGridParts(viewer, roundId);
	if (!grid) return undefined;
	const { tasks, actors } = refsOf(grid);
	return analyse(tasks, actors, grid.cells);
}

/** Two rounds side by side, over every task and actor either of them used. */
export function getComparison(viewer: Viewer, beforeId: number, afterId: number) {
	const before = getRound(viewer, beforeId);
	const after = getRound(viewer, afterId);
	if (!before || !after) return undefined;
	const cellsBefore = listAgreedCells(viewer, beforeId);
	const cellsAfter = listAgreedCells(viewer, afterId);
	const used = [...cellsBefore, ...cellsAfter].filter((c) => c.part !== 'geen');
	const tasks = listTasks(viewer, { alsoIds: used.map((c) => c.taskId) });
	const actors = listActors(viewer, { alsoIds: used.map((c) => c.actorId) });
	const comparison: Comparison = compareRounds(tasks, actors, cellsBefore, cellsAfter);
	return { before, after, tasks, actors, comparison };
}
