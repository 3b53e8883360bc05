// The tasks and actors of a round. An open round reads the school's live lists; closing a round writes a
// snapshot of them (names, kinds, order), so later edits never rewrite a closed round or its comparison.
import { and, asc, eq, inArray, ne } from 'drizzle-orm';
import { union } from 'drizzle-orm/sqlite-core';
import { getDb, type Db } from '../db';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { listActors, listTasks, type ActorDto, type TaskDto } from './lists';
import type { RoundStatus } from '../../matrix';

export interface RoundLists {
	tasks: TaskDto[];
	actors: ActorDto[];
}

/** Live lists with archived tasks/actors brought back where this round still uses them. */
export function listsFor(viewer: Viewer, roundId: number, db: Db = getDb()): RoundLists {
	const tasks = listTasks(viewer, { archived: true });
	const actors = listActors(viewer, { archived: true });
	const usedTasks = usedOf(viewer, roundId, 'task', archivedIds(tasks), db);
	const usedActors = usedOf(viewer, roundId, 'actor', archivedIds(actors), db);
	return {
		tasks: tasks.filter((x) => !x.archived || usedTasks.has(x.id)),
		actors: actors.filter((x) => !x.archived || usedActors.has(x.id))
	};
}

const archivedIds = (list: { id: number; archived: boolean }[]) =>
	list.filter((x) => x.archived).map((x) => x.id);

/**
 * Which of these archived tasks (or actors) the round gives a part, agreed or answered: asked about the few
 * archived ones only, so a view of the round does not read every respondent's answers for it.
 */
function usedOf(
	viewer: Viewer,
	roundId: number,
	which: 'task' | 'actor',
	archived: number[],
	db: Db
): Set<number> {
	if (!archived.length) return new Set();
	const c = mx.matrixCell;
	const ans = mx.matrixAnswer;
	const rs = mx.matrixRespondent;
	const cellColumn = which === 'task' ? c.taskId : c.actorId;
	const answerColumn = which === 'task' ? ans.taskId : ans.actorId;
	const agreed = db
		.selectDistinct({ id: cellColumn })
		.from(c)
		.where(
			and(
				eq(c.roundId, roundId),
				schoolScope(viewer, c.schoolId),
				ne(c.part, 'geen'),
				inArray(cellColumn, archived)
			)
		);
	const answered = db
		.selectDistinct({ id: answerColumn })
		.from(ans)
		.innerJoin(rs, eq(rs.id, ans.respondentId))
		.where(
			and(
				eq(rs.roundId, roundId),
				schoolScope(viewer, rs.schoolId),
				ne(ans.part, 'geen'),
				inArray(answerColumn, archived)
			)
		);
	return new Set(
		union(agreed, answered)
			.all()
			.map((r) => r.id)
	);
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

/** The lists a round shows: its snapshot once closed, else the live lists. */
export function roundLists(
	viewer: Viewer,
	round: { id: number; status: RoundStatus },
	db: Db = getDb()
): RoundLists {
	const snapshot = round.status === 'closed' ? readSnapshot(viewer, round.id, db) : undefined;
	return snapshot ?? listsFor(viewer, round.id, db);
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
	const lists = listsFor(viewer, roundId, db);
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
