// The trend over all rounds of the school: every round with the lists it was held with (snapshot once
// closed, live while open), its agreed cells and its respondents' answers, read in a fixed number of queries
// whatever the number of rounds, and shaped by buildTrend (matrix-trend.ts).
import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix, listActors, listTasks } from './lists';
import { listRounds } from './rounds';
import {
	buildTrend,
	type Trend,
	type TrendAgreed,
	type TrendAnswers,
	type TrendRoundInput
} from '../../matrix-trend';
import type { TaskRef, ActorRef } from '../../matrix-analysis';
import { toCsv, type CsvValue } from '../../csv';
import { kindLabel } from '../../matrix-labels';
import { m } from '../../paraglide/messages';

function groupBy<T extends { roundId: number }, U>(rows: T[], map: (x: T) => U): Map<number, U[]> {
	const out = new Map<number, U[]>();
	for (const x of rows) out.set(x.roundId, [...(out.get(x.roundId) ?? []), map(x)]);
	return out;
}

/** The snapshots of all these rounds: two queries, not two per round. */
function readSnapshots(viewer: Viewer, roundIds: number[]) {
	const db = getDb();
	const t = mx.matrixRoundTask;
	const a = mx.matrixRoundActor;
	const tasks = db
		.select({ roundId: t.roundId, id: t.taskId, kind: t.kind, name: t.name })
		.from(t)
		.where(and(inArray(t.roundId, roundIds), schoolScope(viewer, t.schoolId)))
		.orderBy(asc(t.position), asc(t.id))
		.all();
	const actors = db
		.select({ roundId: a.roundId, id: a.actorId, name: a.name })
		.from(a)
		.where(and(inArray(a.roundId, roundIds), schoolScope(viewer, a.schoolId)))
		.orderBy(asc(a.position), asc(a.id))
		.all();
	return {
		tasks: groupBy(tasks, ({ id, kind, name }): TaskRef => ({ id, kind, name })),
		actors: groupBy(actors, ({ id, name }): ActorRef => ({ id, name }))
	};
}

/** The trend over every round of the viewer's school, oldest round first; empty without rounds. */
export function getTrend(viewer: Viewer): Trend {
	assertMatrix(viewer, 'matrix.edit');
	const rounds = listRounds(viewer).reverse();
	if (!rounds.length) return { rounds: [], tasks: [] };
	const ids = rounds.map((r) => r.id);
	const db = getDb();
	const c = mx.matrixCell;
	const agreed: TrendAgreed[] = db
		.select({ roundId: c.roundId, taskId: c.taskId, actorId: c.actorId, part: c.part, rating: c.rating })
		.from(c)
		.where(and(inArray(c.roundId, ids), schoolScope(viewer, c.schoolId)))
		.all();
	const ans = mx.matrixAnswer;
	const rs = mx.matrixRespondent;
	const answers: TrendAnswers[] = db
		.select({
			roundId: rs.roundId,
			taskId: ans.taskId,
			actorId: ans.actorId,
			part: ans.part,
			answers: count(),
			ratings: count(ans.rating),
			ratingSum: sql<number>`coalesce(sum(${ans.rating}), 0)`
		})
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(and(inArray(rs.roundId, ids), schoolScope(viewer, rs.schoolId)))
		.groupBy(rs.roundId, ans.taskId, ans.actorId, ans.part)
		.all();

	const closed = rounds.filter((r) => r.status === 'closed').map((r) => r.id);
	const snapshots = closed.length ? readSnapshots(viewer, closed) : { tasks: new Map(), actors: new Map() };
	// Rounds without a snapshot (the open one) read the live lists once, with the archived entries they use.
	const live = rounds.some((r) => !snapshots.tasks.has(r.id))
		? { tasks: listTasks(viewer, { archived: true }), actors: listActors(viewer, { archived: true }) }
		: { tasks: [], actors: [] };
	const used = new Set(
		[...agreed, ...answers]
			.filter((x) => x.part !== 'geen')
			.flatMap((x) => [`${x.roundId}:t${x.taskId}`, `${x.roundId}:a${x.actorId}`])
	);
	const inputs: TrendRoundInput[] = rounds.map((r) => {
		const tasks = snapshots.tasks.get(r.id);
		if (tasks) return { id: r.id, name: r.name, tasks, actors: snapshots.actors.get(r.id) ?? [] };
		return {
			id: r.id,
			name: r.name,
			tasks: live.tasks
				.filter((t) => !t.archived || used.has(`${r.id}:t${t.id}`))
				.map(({ id, kind, name }) => ({ id, kind, name })),
			actors: live.actors
				.filter((a) => !a.archived || used.has(`${r.id}:a${a.id}`))
				.map(({ id, name }) => ({ id, name }))
		};
	});
	return buildTrend(inputs, agreed, answers);
}

/** The trend as CSV for Dutch Excel: one row per task and round, every task (also those nobody does). */
export function trendCsv(viewer: Viewer): string {
	const trend = getTrend(viewer);
	const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
	const header = [
		m.mx_csv_kind(),
		m.mx_csv_task(),
		m.mx_trend_csv_round(),
		m.mx_trend_csv_state(),
		m.mx_trend_csv_owner(),
		m.mx_trend_csv_gap(),
		m.mx_trend_csv_average(),
		m.mx_trend_csv_ratings()
	];
	const rows = trend.tasks.flatMap(({ task, cells }) =>
		cells.map((c, i): CsvValue[] => {
			const start = [kindLabel[task.kind](), task.name, trend.rounds[i].name];
			if (c.state === 'absent') return [...start, m.mx_trend_not_listed()];
			if (c.state === 'removed') return [...start, m.mx_trend_removed()];
			return [
				...start,
				c.added ? m.mx_trend_added() : m.mx_trend_yes(),
				c.owners.join(', '),
				c.gap ? m.mx_trend_yes() : m.mx_trend_no(),
				c.average === null ? '' : decimal.format(c.average),
				c.ratings
			];
		})
	);
	return toCsv([header, ...rows]);
}
