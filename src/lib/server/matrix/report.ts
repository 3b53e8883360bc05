// What a round produces for the team: the analysis of the agreed matrix, the grid with the respondents'
// spread, and the comparison with another round (each with the lists it was held with).
import type { Viewer } from '../auth/viewer';
import { assertMatrix } from './lists';
import { getRound } from './rounds';
import { roundLists } from './round-lists';
import { getGrid, getGridParts, listAgreedParts, type Grid } from './cells';
import { listSpreads } from './views';
import {
	analyse,
	compareRounds,
	type ActorRef,
	type Analysis,
	type Comparison,
	type TaskRef
} from '../../matrix-analysis';
import { encodeCells } from '../../matrix-code';

export function getAnalysis(viewer: Viewer, roundId: number): (Grid & { analysis: Analysis }) | undefined {
	const grid = getGrid(viewer, roundId);
	if (!grid) return undefined;
	return { ...grid, analysis: analyse(grid.tasks, grid.actors, grid.cells) };
}

/** The names the grid and the analysis show of the tasks and actors, without their descriptions. */
export function refsOf(grid: { tasks: TaskRef[]; actors: ActorRef[] }) {
	return {
		tasks: grid.tasks.map(({ id, kind, name }) => ({ id, kind, name })),
		actors: grid.actors.map(({ id, name }) => ({ id, name }))
	};
}

export interface GridSummary {
	tasks: TaskRef[];
	actors: ActorRef[];
	/** The agreed parts and ratings and the respondents' spread, as matrix-code.ts writes them. */
	code: string;
}

/** The round's grid for the coordinator's overview; undefined when the round is not the viewer's school's. */
export function getGridSummary(viewer: Viewer, roundId: number): GridSummary | undefined {
	assertMatrix(viewer, 'matrix.edit');
	const grid = getGridParts(viewer, roundId);
	if (!grid) return undefined;
	const { tasks, actors } = refsOf(grid);
	return { tasks, actors, code: encodeCells(tasks, actors, grid.cells, listSpreads(viewer, roundId)) };
}

/** The analysis of the round's agreed matrix; undefined when the round is not the viewer's school's. */
export function getRoundAnalysis(viewer: Viewer, roundId: number): Analysis | undefined {
	assertMatrix(viewer, 'matrix.read');
	const grid = getGridParts(viewer, roundId);
	if (!grid) return undefined;
	const { tasks, actors } = refsOf(grid);
	return analyse(tasks, actors, grid.cells);
}

/** Two rounds side by side, each with the tasks and actors it was held with, matched by identity. */
export function getComparison(viewer: Viewer, beforeId: number, afterId: number) {
	const before = getRound(viewer, beforeId);
	const after = getRound(viewer, afterId);
	if (!before || !after) return undefined;
	const lists = { before: refsOf(roundLists(viewer, before)), after: refsOf(roundLists(viewer, after)) };
	const comparison: Comparison = compareRounds(
		lists,
		listAgreedParts(viewer, beforeId),
		listAgreedParts(viewer, afterId)
	);
	// Names as the later round knows them; a removed task or actor by its name then.
	const tasks = [
		...lists.after.tasks,
		...lists.before.tasks.filter((t) => !lists.after.tasks.some((x) => x.id === t.id))
	];
	const actors = [
		...lists.after.actors,
		...lists.before.actors.filter((t) => !lists.after.actors.some((x) => x.id === t.id))
	];
	return { before, after, tasks, actors, comparison };
}
