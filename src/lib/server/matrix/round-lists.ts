// The tasks and actors of a round. An open round reads the school's live lists; closing a round writes a
// snapshot of them (names, kinds, order), so later edits never rewrite a closed round or its comparison.
import { and, asc, eq, ne } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { listActors, listTasks, type ActorDto, type TaskDto } from './lists';
import type { Part, RoundStatus } from '../../matrix';

export interface RoundLists {
	tasks: TaskDto[];
	actors: ActorDto[];
}

/** Live lists with archived tasks/actors brought back where this set of cells still uses them. */
export function listsFor(
	viewer: Viewer,
	cells: { taskId: number; actorId: number; part: Part }[]
): RoundLists {
	const used = cells.filter((c) => c.part !== 'geen');
	return {
		tasks: listTasks(viewer, { alsoIds: used.map((c) => c.taskId) }),
		actors: listActors(viewer, { alsoIds: used.map((c) => c.actorId) })
	};
}

/** A closed round's snapshot; undefined when it has none (an open round). */
function readSnapshot(viewer: Viewer, roundId: number, db: Db = getDb()): RoundLists | undefined {
	const t = mx.matrixRoundTask;
	const a = mx.matrixRoundActor;
	const tasks = db
		.select({ id: t.taskId, kind: t.kind, name: t.name, description: t.description })
		.from(t)
		.where(and(eq(t.roundId, roundId), schoolScope(viewer, t.schoolId)))
		.orderBy(asc(t.position), asc(t.id))
		.all();
	if (!tasks.length) return undefined;
	const actors = db
		.select({ id: a.actorId, name: a.name, description: a.description })
		.from(a)
		.where(and(eq(a.roundId, roundId), schoolScope(viewer, a.schoolId)))
		.orderBy(asc(a.position), asc(a.id))
		.all();
	return {
		tasks: tasks.map((x) => ({ ...x, archived: false })),
		actors: actors.map((x) => ({ ...x, archived: false }))
	};
}

/** Every cell of the round anyone gave a part: agreed cells and respondents' answers. */
function usedCells(viewer: Viewer, roundId: number, db: Db) {
	const c = mx.matrixCell;
	const ans = mx.matrixAnswer;
	const rs = mx.matrixRespondent;
	const agreed = db
		.select({ taskId: c.taskId, actorId: c.actorId, part: c.part })
		.from(c)
		.where(and(eq(c.roundId, roundId), schoolScope(viewer, c.schoolId), ne(c.part, 'geen')))
		.all();
	const answered = db
		.select({ taskId: ans.taskId, actorId: ans.actorId, part: ans.part })
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(and(eq(rs.roundId, roundId), schoolScope(viewer, rs.schoolId), ne(ans.part, 'geen')))
		.all();
	return [...agreed, ...answered];
}

/** The lists a round shows: its snapshot once closed, else the live lists. */
export function roundLists(
	viewer: Viewer,
	round: { id: number; status: RoundStatus },
	db: Db = getDb()
): RoundLists {
	const snapshot = round.status === 'closed' ? readSnapshot(viewer, round.id, db) : undefined;
	return snapshot ?? listsFor(viewer, usedCells(viewer, round.id, db));
}

/** Closing: keep the lists as they are now. Reopening: drop the snapshot, the live lists apply again. */
export function writeSnapshot(viewer: Viewer, roundId: number, status: RoundStatus, db: Db): void {
	const t = mx.matrixRoundTask;
	const a = mx.matrixRoundActor;
	db.delete(t)
		.where(and(eq(t.roundId, roundId), schoolScope(viewer, t.schoolId)))
		.run();
	db.delete(a)
		.where(and(eq(a.roundId, roundId), schoolScope(viewer, a.schoolId)))
		.run();
	if (status !== 'closed') return;
	const lists = listsFor(viewer, usedCells(viewer, roundId, db));
	const base = { schoolId: viewer.schoolId, roundId };
	if (lists.tasks.length)
		db.insert(t)
			.values(
				lists.tasks.map((x, i) => ({
					...base,
					taskId: x.id,
					kind: x.kind,
					name: x.name,
					description: x.description,
					position: i + 1
				}))
			)
			.run();
	if (lists.actors.length)
		db.insert(a)
			.values(
				lists.actors.map((x, i) => ({
					...base,
					actorId: x.id,
					name: x.name,
					description: x.description,
					position: i + 1
				}))
			)
			.run();
}

/** The task and actor of one cell as the round knows them; undefined when the round does not have them. */
export function findInRound(
	viewer: Viewer,
	round: { id: number; status: RoundStatus },
	taskId: number,
	actorId: number
) {
	const closed = round.status === 'closed';
	const lists = closed
		? roundLists(viewer, round)
		: { tasks: listTasks(viewer, { archived: true }), actors: listActors(viewer, { archived: true }) };
	const task = lists.tasks.find((x) => x.id === taskId);
	const actor = lists.actors.find((x) => x.id === actorId);
	return task && actor ? { task, actor } : undefined;
}
