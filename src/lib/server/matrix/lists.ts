// The school's own lists for the LOB-task matrix: tasks (rows), actors (columns), and which staff members
// stand in an actor's column. Everything is scoped to the viewer's school; only coordinators change it.
import { error } from '@sveltejs/kit';
import { and, asc, count, eq, max, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as mx from '../db/schema-matrix';
import { can, schoolScope, type Operation } from '../access';
import type { Viewer } from '../auth/viewer';
import { DEFAULT_ACTORS, DEFAULT_TASKS, TASK_KINDS, type TaskKind } from '../../matrix';

/** A viewer without the operation sees the matrix as missing, exactly like an unknown id. */
export function assertMatrix(viewer: Viewer, op: Operation): void {
	if (!can(viewer, op)) error(404, 'Not found');
}

export interface TaskDto {
	id: number;
	kind: TaskKind;
	name: string;
	description: string;
	archived: boolean;
}
export interface ActorDto {
	id: number;
	name: string;
	description: string;
	archived: boolean;
}

/** A new school starts from the default lists (DOMAIN.md §6); nothing happens once it has its own. */
export function ensureMatrixDefaults(schoolId: number, db: Db = getDb()): void {
	const has = db.select({ n: count() }).from(mx.matrixTask).where(eq(mx.matrixTask.schoolId, schoolId)).get();
	if ((has?.n ?? 0) > 0) return;
	db.insert(mx.matrixTask)
		.values(
			TASK_KINDS.flatMap((kind) =>
				DEFAULT_TASKS[kind].map((name, i) => ({ schoolId, kind, name, position: i + 1 }))
			)
		)
		.run();
	db.insert(mx.matrixActor)
		.values(DEFAULT_ACTORS.map((name, i) => ({ schoolId, name, position: i + 1 })))
		.run();
}

const taskFields = {
	id: mx.matrixTask.id,
	kind: mx.matrixTask.kind,
	name: mx.matrixTask.name,
	description: mx.matrixTask.description,
	archivedAt: mx.matrixTask.archivedAt
};
const actorFields = {
	id: mx.matrixActor.id,
	name: mx.matrixActor.name,
	description: mx.matrixActor.description,
	archivedAt: mx.matrixActor.archivedAt
};

/** Tasks in kind and list order; `alsoIds` brings back archived tasks an old round still uses. */
export function listTasks(viewer: Viewer, opts: { archived?: boolean; alsoIds?: number[] } = {}): TaskDto[] {
	assertMatrix(viewer, 'matrix.read');
	const t = mx.matrixTask;
	const rows = getDb()
		.select(taskFields)
		.from(t)
		.where(schoolScope(viewer, t.schoolId))
		.orderBy(asc(t.position), asc(t.id))
		.all();
	const also = new Set(opts.alsoIds ?? []);
	return rows
		.filter((r) => opts.archived || !r.archivedAt || also.has(r.id))
		.sort((a, b) => TASK_KINDS.indexOf(a.kind) - TASK_KINDS.indexOf(b.kind))
		.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

export function listActors(
	viewer: Viewer,
	opts: { archived?: boolean; alsoIds?: number[] } = {}
): ActorDto[] {
	assertMatrix(viewer, 'matrix.read');
	const a = mx.matrixActor;
	const also = new Set(opts.alsoIds ?? []);
	return getDb()
		.select(actorFields)
		.from(a)
		.where(schoolScope(viewer, a.schoolId))
		.orderBy(asc(a.position), asc(a.id))
		.all()
		.filter((r) => opts.archived || !r.archivedAt || also.has(r.id))
		.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

export function addTask(
	viewer: Viewer,
	input: { kind: TaskKind; name: string; description: string }
): number {
	assertMatrix(viewer, 'matrix.edit');
	const db = getDb();
	const last = db
		.select({ p: max(mx.matrixTask.position) })
		.from(mx.matrixTask)
		.where(schoolScope(viewer, mx.matrixTask.schoolId))
		.get();
	return db
		.insert(mx.matrixTask)
		.values({ ...input, schoolId: viewer.schoolId, position: (last?.p ?? 0) + 1 })
		.returning({ id: mx.matrixTask.id })
		.get().id;
}

export function addActor(viewer: Viewer, input: { name: string; description: string }): number {
	assertMatrix(viewer, 'matrix.edit');
	const db = getDb();
	const last = db
		.select({ p: max(mx.matrixActor.position) })
		.from(mx.matrixActor)
		.where(schoolScope(viewer, mx.matrixActor.schoolId))
		.get();
	return db
		.insert(mx.matrixActor)
		.values({ ...input, schoolId: viewer.schoolId, position: (last?.p ?? 0) + 1 })
		.returning({ id: mx.matrixActor.id })
		.get().id;
}

type ListTable = typeof mx.matrixTask | typeof mx.matrixActor;

export function own(viewer: Viewer, table: ListTable, id: number): SQL {
	return and(eq(table.id, id), schoolScope(viewer, table.schoolId)) as SQL;
}

/** Rename or describe; false when the id is not one of this school's (the route answers 404). */
export function updateTask(
	viewer: Viewer,
	id: number,
	input: { kind: TaskKind; name: string; description: string }
) {
	assertMatrix(viewer, 'matrix.edit');
	return (
		getDb()
			.update(mx.matrixTask)
			.set(input)
			.where(own(viewer, mx.matrixTask, id))
			.run().changes > 0
	);
}

export function updateActor(viewer: Viewer, id: number, input: { name: string; description: string }) {
	assertMatrix(viewer, 'matrix.edit');
	return (
		getDb()
			.update(mx.matrixActor)
			.set(input)
			.where(own(viewer, mx.matrixActor, id))
			.run().changes > 0
	);
}

export function setArchived(viewer: Viewer, list: 'task' | 'actor', id: number, archived: boolean): boolean {
	assertMatrix(viewer, 'matrix.edit');
	const table = list === 'task' ? mx.matrixTask : mx.matrixActor;
	return (
		getDb()
			.update(table)
			.set({ archivedAt: archived ? new Date() : null })
			.where(own(viewer, table, id))
			.run().changes > 0
	);
}

/** Swap places with the neighbour (for tasks: within the same kind). */
export function move(viewer: Viewer, list: 'task' | 'actor', id: number, direction: 'up' | 'down'): boolean {
	assertMatrix(viewer, 'matrix.edit');
	const items =
		list === 'task'
			? listTasks(viewer, { archived: true })
			: listActors(viewer, { archived: true }).map((a) => ({ ...a, kind: '' }));
	const index = items.findIndex((i) => i.id === id);
	if (index < 0) return false;
	const siblings = items.filter((i) => i.kind === items[index].kind);
	const at = siblings.findIndex((i) => i.id === id);
	const other = siblings[direction === 'up' ? at - 1 : at + 1];
	if (!other) return true;
	const order = siblings.map((s) => s.id);
	const otherAt = order.indexOf(other.id);
	[order[at], order[otherAt]] = [other.id, id];
	const table = list === 'task' ? mx.matrixTask : mx.matrixActor;
	// Positions are rewritten from the list order, so equal or missing positions cannot block a move.
	getDb().transaction((tx) => {
		order.forEach((itemId, i) => {
			tx.update(table)
				.set({ position: i + 1 })
				.where(own(viewer, table, itemId))
				.run();
		});
	});
	return true;
}
