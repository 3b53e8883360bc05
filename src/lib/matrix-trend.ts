// The trend over every round of a school (issue 17): per task, who owns it and how well the team thinks it
// goes in each round, and per round the whole matrix in three numbers. Pure and client-safe, so the chart's
// data is shaped by the same tested code.
import { ACTIVE_PARTS, PARTS, TASK_KINDS, type Part } from './matrix';
import { cellKey, type ActorRef, type TaskRef } from './matrix-analysis';

export interface TrendRoundInput {
	id: number;
	name: string;
	/** The tasks and actors the round was held with (its snapshot once closed). */
	tasks: TaskRef[];
	actors: ActorRef[];
}
/** A saved cell of the agreed matrix. */
export interface TrendAgreed {
	roundId: number;
	taskId: number;
	actorId: number;
	part: Part;
	rating: number | null;
}
/** The respondents' answers of one cell with one part: how many gave it, and the ratings they gave with it. */
export interface TrendAnswers {
	roundId: number;
	taskId: number;
	actorId: number;
	part: Part;
	answers: number;
	ratings: number;
	ratingSum: number;
}

export type TrendCell =
	| { state: 'absent' }
	/** The first round without a task an earlier round had. */
	| { state: 'removed' }
	| {
			state: 'present';
			/** First round with the task, when an earlier round did not have it. */
			added: boolean;
			owners: string[];
			gap: boolean;
			average: number | null;
			ratings: number;
	  };
export interface TrendTask {
	task: TaskRef;
	/** One per round, oldest first. */
	cells: TrendCell[];
}
export interface TrendRound {
	id: number;
	name: string;
	tasks: number;
	withOwner: number;
	gaps: number;
	average: number | null;
	ratings: number;
}
export interface Trend {
	rounds: TrendRound[];
	tasks: TrendTask[];
}

interface CellView {
	part: Part;
	ratings: number;
	ratingSum: number;
}

/**
 * Each cell as the round settled it: the agreed cell where one was saved, else the part most respondents
 * gave (a tie goes to the larger part, PARTS order) with their ratings. Not answered is no part and no rating;
 * a rating only counts beside a part other than "geen", as in the analysis.
 */
function cellViews(roundId: number, agreed: TrendAgreed[], answers: TrendAnswers[]): Map<string, CellView> {
	const views = new Map<string, CellView>();
	const byCell = new Map<string, TrendAnswers[]>();
	for (const a of answers)
		if (a.roundId === roundId) {
			const key = cellKey(a.taskId, a.actorId);
			byCell.set(key, [...(byCell.get(key) ?? []), a]);
		}
	for (const [key, list] of byCell) {
		const top = [...list].sort(
			(x, y) => y.answers - x.answers || PARTS.indexOf(x.part) - PARTS.indexOf(y.part)
		)[0];
		const rated = list.filter((x) => x.part !== 'geen');
		views.set(key, {
			part: top.part,
			ratings: rated.reduce((s, x) => s + x.ratings, 0),
			ratingSum: rated.reduce((s, x) => s + x.ratingSum, 0)
		});
	}
	for (const c of agreed)
		if (c.roundId === roundId) {
			const rated = c.rating !== null && c.part !== 'geen';
			views.set(cellKey(c.taskId, c.actorId), {
				part: c.part,
				ratings: rated ? 1 : 0,
				ratingSum: rated ? (c.rating ?? 0) : 0
			});
		}
	return views;
}

const mean = (sum: number, n: number) => (n ? sum / n : null);

/** The trend over the rounds (oldest first); tasks are matched by id, a renamed task keeps its latest name. */
export function buildTrend(rounds: TrendRoundInput[], agreed: TrendAgreed[], answers: TrendAnswers[]): Trend {
	const order: TaskRef[] = [];
	const seen = new Set<number>();
	for (const r of [...rounds].reverse())
		for (const t of r.tasks)
			if (!seen.has(t.id)) {
				seen.add(t.id);
				order.push(t);
			}
	order.sort((a, b) => TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind));

	const perRound = rounds.map((r) => {
		const views = cellViews(r.id, agreed, answers);
		const has = new Set(r.tasks.map((t) => t.id));
		const cells = new Map<number, TrendCell>();
		for (const t of r.tasks) {
			let ratings = 0;
			let ratingSum = 0;
			const owners: string[] = [];
			let active = false;
			for (const a of r.actors) {
				const v = views.get(cellKey(t.id, a.id));
				if (!v) continue;
				if (v.part === 'eindverantwoordelijk') owners.push(a.name);
				if (ACTIVE_PARTS.includes(v.part)) active = true;
				ratings += v.ratings;
				ratingSum += v.ratingSum;
			}
			cells.set(t.id, {
				state: 'present',
				added: false,
				owners,
				gap: !active,
				average: mean(ratingSum, ratings),
				ratings
			});
		}
		return { round: r, has, cells };
	});

	const tasks = order.map((task) => ({
		task,
		cells: perRound.map(({ cells }, i): TrendCell => {
			const before = perRound[i - 1];
			const cell = cells.get(task.id);
			if (cell?.state === 'present') return { ...cell, added: !!before && !before.has.has(task.id) };
			return before?.has.has(task.id) ? { state: 'removed' } : { state: 'absent' };
		})
	}));

	return {
		rounds: perRound.map(({ round, cells }) => {
			const present = [...cells.values()].flatMap((c) => (c.state === 'present' ? [c] : []));
			const ratings = present.reduce((s, c) => s + c.ratings, 0);
			const sum = present.reduce((s, c) => s + (c.average ?? 0) * c.ratings, 0);
			return {
				id: round.id,
				name: round.name,
				tasks: present.length,
				withOwner: present.filter((c) => c.owners.length > 0).length,
				gaps: present.filter((c) => c.gap).length,
				average: mean(sum, ratings),
				ratings
			};
		}),
		tasks
	};
}

export interface TrendChartData {
	labels: string[];
	rating: (number | null)[];
	gaps: number[];
}

/** The line chart: per round (oldest first) the average rating, rounded to one decimal, and the gap count. */
export function trendChartData(rounds: TrendRound[]): TrendChartData {
	return {
		labels: rounds.map((r) => r.name),
		rating: rounds.map((r) => (r.average === null ? null : Math.round(r.average * 10) / 10)),
		gaps: rounds.map((r) => r.gaps)
	};
}
