// Pure rules over a matrix (DOMAIN.md §6, RACI practice): who carries each task, which tasks lack an
// owner or a doer, how the load is spread, where the rating is weakest, and what changed between rounds.
// Client-safe, so the chart page can shape its data with the same code the tests cover.
import { ACTIVE_PARTS, PARTS, type Part, type TaskKind } from './matrix';

export interface TaskRef {
	id: number;
	kind: TaskKind;
	name: string;
}
export interface ActorRef {
	id: number;
	name: string;
}
export interface CellValue {
	taskId: number;
	actorId: number;
	part: Part;
	how: string;
	rating: number | null;
	wish: string;
}

export interface ActorLoad {
	actor: ActorRef;
	counts: Record<Part, number>;
	/** Tasks the actor owns or carries out. */
	active: number;
	overloaded: boolean;
}
export interface WeakTask {
	task: TaskRef;
	average: number;
	ratings: number;
}
export interface Analysis {
	gaps: TaskRef[];
	ownerIssues: { task: TaskRef; owners: number }[];
	load: ActorLoad[];
	weakest: WeakTask[];
}

// An actor with an active part in more than this share of the tasks carries "most of the load".
export const OVERLOAD_SHARE = 0.5;
// Ratings run 1–4; below 3 ("voldoende") a task counts as weak.
export const WEAK_BELOW = 3;
const WEAKEST_MAX = 5;

export const cellKey = (taskId: number, actorId: number) => `${taskId}:${actorId}`;

function emptyCounts(): Record<Part, number> {
	return Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>;
}

/** What the analysis reads of a cell. */
export type CellPartValue = Pick<CellValue, 'taskId' | 'actorId' | 'part' | 'rating'>;

export function analyse(tasks: TaskRef[], actors: ActorRef[], cells: CellPartValue[]): Analysis {
	const taskIds = new Set(tasks.map((t) => t.id));
	const actorIds = new Set(actors.map((a) => a.id));
	const used = cells.filter((c) => taskIds.has(c.taskId) && actorIds.has(c.actorId));
	const byTask = new Map<number, CellPartValue[]>();
	for (const c of used) byTask.set(c.taskId, [...(byTask.get(c.taskId) ?? []), c]);

	const gaps = tasks.filter((t) => !(byTask.get(t.id) ?? []).some((c) => ACTIVE_PARTS.includes(c.part)));
	const ownerIssues = tasks
		.map((task) => ({
			task,
			owners: (byTask.get(task.id) ?? []).filter((c) => c.part === 'eindverantwoordelijk').length
		}))
		.filter((o) => o.owners !== 1);

	const load = actors.map((actor) => {
		const counts = emptyCounts();
		for (const c of used) if (c.actorId === actor.id) counts[c.part] += 1;
		const active = counts.eindverantwoordelijk + counts.uitvoerend;
		return { actor, counts, active, overloaded: tasks.length > 0 && active / tasks.length > OVERLOAD_SHARE };
	});

	const weakest = tasks
		.map((task) => {
			const rated = (byTask.get(task.id) ?? []).filter((c) => c.rating !== null && c.part !== 'geen');
			const sum = rated.reduce((s, c) => s + (c.rating ?? 0), 0);
			return { task, ratings: rated.length, average: rated.length ? sum / rated.length : 0 };
		})
		.filter((w) => w.ratings > 0 && w.average < WEAK_BELOW)
		.sort((a, b) => a.average - b.average || a.task.name.localeCompare(b.task.name))
		.slice(0, WEAKEST_MAX);

	return { gaps, ownerIssues, load, weakest };
}

export type LoadPart = 'eindverantwoordelijk' | 'uitvoerend' | 'ondersteunend';
export const LOAD_PARTS: readonly LoadPart[] = ['eindverantwoordelijk', 'uitvoerend', 'ondersteunend'];
const LOAD_COLOURS: Record<LoadPart, string> = {
	eindverantwoordelijk: '#07434d',
	uitvoerend: '#2a8a99',
	ondersteunend: '#e0a100'
};

export interface LoadChartData {
	labels: string[];
	datasets: { label: string; data: number[]; backgroundColor: string }[];
}

/** Stacked bars per actor; actors without any part are left out so the chart stays readable. */
export function loadChartData(load: ActorLoad[], partLabels: Record<LoadPart, string>): LoadChartData {
	const shown = load.filter((l) => LOAD_PARTS.some((p) => l.counts[p] > 0));
	return {
		labels: shown.map((l) => l.actor.name),
		datasets: LOAD_PARTS.map((p) => ({
			label: partLabels[p],
			data: shown.map((l) => l.counts[p]),
			backgroundColor: LOAD_COLOURS[p]
		}))
	};
}

export interface CellChange {
	taskId: number;
	actorId: number;
	before: Part;
	after: Part;
}
export interface RatingChange {
	taskId: number;
	actorId: number;
	before: number;
	after: number;
}
export interface Comparison {
	changed: CellChange[];
	ratingUp: RatingChange[];
	ratingDown: RatingChange[];
	gapsClosed: TaskRef[];
	newGaps: TaskRef[];
}

/** What changed from one round's agreed matrix to another's; a missing cell means "geen". */
export function compareRounds(
	tasks: TaskRef[],
	actors: ActorRef[],
	before: CellValue[],
	after: CellValue[]
): Comparison {
	const a = new Map(before.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const b = new Map(after.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const changed: CellChange[] = [];
	const ratingUp: RatingChange[] = [];
	const ratingDown: RatingChange[] = [];
	for (const t of tasks)
		for (const ac of actors) {
			const x = a.get(cellKey(t.id, ac.id));
			const y = b.get(cellKey(t.id, ac.id));
			const ids = { taskId: t.id, actorId: ac.id };
			const [pa, pb] = [x?.part ?? 'geen', y?.part ?? 'geen'];
			if (pa !== pb) changed.push({ ...ids, before: pa, after: pb });
			if (x?.rating && y?.rating && x.rating !== y.rating) {
				const change = { ...ids, before: x.rating, after: y.rating };
				(y.rating > x.rating ? ratingUp : ratingDown).push(change);
			}
		}
	const gapsBefore = new Set(analyse(tasks, actors, before).gaps.map((t) => t.id));
	const gapsAfter = new Set(analyse(tasks, actors, after).gaps.map((t) => t.id));
	return {
		changed,
		ratingUp,
		ratingDown,
		gapsClosed: tasks.filter((t) => gapsBefore.has(t.id) && !gapsAfter.has(t.id)),
		newGaps: tasks.filter((t) => !gapsBefore.has(t.id) && gapsAfter.has(t.id))
	};
}

export interface Split {
	taskId: number;
	actorId: number;
	counts: Partial<Record<Part, number>>;
}

/**
 * Cells where respondents disagree about the part. A respondent who left a cell empty said "geen" there,
 * so one "uitvoerend" against silence stands out too.
 */
export function findSplits(
	respondentIds: number[],
	answers: (CellValue & { respondentId: number })[]
): Split[] {
	if (respondentIds.length < 2) return [];
	const byCell = new Map<string, Map<number, Part>>();
	for (const ans of answers) {
		const key = cellKey(ans.taskId, ans.actorId);
		if (!byCell.has(key)) byCell.set(key, new Map());
		byCell.get(key)?.set(ans.respondentId, ans.part);
	}
	const splits: Split[] = [];
	for (const [key, parts] of byCell) {
		const counts: Partial<Record<Part, number>> = {};
		for (const r of respondentIds) {
			const p = parts.get(r) ?? 'geen';
			counts[p] = (counts[p] ?? 0) + 1;
		}
		if (Object.keys(counts).length > 1) {
			const [taskId, actorId] = key.split(':').map(Number);
			splits.push({ taskId, actorId, counts });
		}
	}
	return splits;
}
