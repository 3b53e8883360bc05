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

	const rated = tasks
		.map((task) => {
			const rated = (byTask.get(task.id) ?? []).filter((c) => c.rating !== null && c.part !== 'geen');
			const sum = rated.reduce((s, c) => s + (c.rating ?? 0), 0);
			return { task, ratings: rated.length, average: rated.length ? sum / rated.length : 0 };
		})
		.filter((w) => w.ratings > 0 && w.average < WEAK_BELOW)
		.sort((a, b) => a.average - b.average || a.task.name.localeCompare(b.task.name));
	// The five weakest, and every task tied with the fifth: a cut through a tie would pick one at random.
	const cutoff = rated[WEAKEST_MAX - 1]?.average;
	const weakest = cutoff === undefined ? rated : rated.filter((w) => w.average <= cutoff);

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
	/** Tasks only the later round has, and tasks only the earlier round had. */
	added: TaskRef[];
	removed: TaskRef[];
	changed: CellChange[];
	ratingUp: RatingChange[];
	ratingDown: RatingChange[];
	gapsClosed: TaskRef[];
	newGaps: TaskRef[];
}

/**
 * What changed from one round's agreed matrix to another's, each with the tasks and actors it was held with.
 * Tasks and actors are matched by identity (a renamed task is the same task); cells are compared on those
 * both rounds had, and a task only one round had is reported as added or removed, never as a gap closed.
 * A missing cell means "geen".
 */
export function compareRounds(
	lists: {
		before: { tasks: TaskRef[]; actors: ActorRef[] };
		after: { tasks: TaskRef[]; actors: ActorRef[] };
	},
	before: CellPartValue[],
	after: CellPartValue[]
): Comparison {
	const hadTask = new Set(lists.before.tasks.map((t) => t.id));
	const hasTask = new Set(lists.after.tasks.map((t) => t.id));
	const hadActor = new Set(lists.before.actors.map((x) => x.id));
	const tasks = lists.after.tasks.filter((t) => hadTask.has(t.id));
	const actors = lists.after.actors.filter((x) => hadActor.has(x.id));
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
		added: lists.after.tasks.filter((t) => !hadTask.has(t.id)),
		removed: lists.before.tasks.filter((t) => !hasTask.has(t.id)),
		changed,
		ratingUp,
		ratingDown,
		gapsClosed: tasks.filter((t) => gapsBefore.has(t.id) && !gapsAfter.has(t.id)),
		newGaps: tasks.filter((t) => !gapsBefore.has(t.id) && gapsAfter.has(t.id))
	};
}

// Ratings of one cell that lie this far apart (e.g. 2 and 4) are a difference worth discussing.
export const RATING_SPREAD = 2;

export interface Split {
	taskId: number;
	actorId: number;
	/** The parts given by those who answered the cell; a cell left empty is not a part. */
	counts: Partial<Record<Part, number>>;
	/** The ratings given, lowest first. */
	ratings: number[];
	answered: number;
	roleDiffers: boolean;
	ratingDiffers: boolean;
}

/**
 * Cells where the answers differ: in the part given, or in ratings at least RATING_SPREAD apart. Only
 * answers count: a respondent who left a cell empty did not answer it, which is not "geen".
 */
export function findSplits(answers: (CellPartValue & { respondentId: number })[]): Split[] {
	const byCell = new Map<string, (CellPartValue & { respondentId: number })[]>();
	for (const ans of answers) {
		const key = cellKey(ans.taskId, ans.actorId);
		byCell.set(key, [...(byCell.get(key) ?? []), ans]);
	}
	const splits: Split[] = [];
	for (const list of byCell.values()) {
		const counts: Partial<Record<Part, number>> = {};
		for (const a of list) counts[a.part] = (counts[a.part] ?? 0) + 1;
		const ratings = list.flatMap((a) => (a.rating ? [a.rating] : [])).sort((x, y) => x - y);
		const roleDiffers = Object.keys(counts).length > 1;
		const ratingDiffers = ratings.length > 1 && ratings[ratings.length - 1] - ratings[0] >= RATING_SPREAD;
		if (roleDiffers || ratingDiffers)
			splits.push({
				taskId: list[0].taskId,
				actorId: list[0].actorId,
				counts,
				ratings,
				answered: list.length,
				roleDiffers,
				ratingDiffers
			});
	}
	return splits;
}
