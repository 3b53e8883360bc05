// The school's own lists for the LOB-task matrix: tasks (rows), actors (columns), and which staff members
// stand in an actor's column. Everything is scoped to the viewer's school; only coordinators change it.
import { error } from '@sveltejs/kit';
import { and, asc, count, eq, inArray, isNull, max, type SQL } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { can, schoolScope, type Operation } from '../access';
import type { Viewer } from '../auth/viewer';
import { DEFAULT_ACTORS, DEFAULT_TASKS, TASK_KINDS, type TaskKind } from '../../matrix';
import { STAFF_ROLES } from '../../roles';
import { fullName } from '$lib/names';

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

function own(viewer: Viewer, table: ListTable, id: number): SQL {
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

export interface StaffMember {
	id: number;
	name: string;
}

/** The school's active employees, who can be invited and linked to an actor. */
export function listStaff(viewer: Viewer): StaffMember[] {
	assertMatrix(viewer, 'matrix.edit');
	const rows = getDb()
		.selectDistinct({
			id: core.user.id,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(core.user)
		.innerJoin(core.userRole, eq(core.userRole.userId, core.user.id))
		.where(
			and(
				schoolScope(viewer, core.user.schoolId),
				eq(core.user.active, true),
				inArray(core.userRole.role, [...STAFF_ROLES])
			)
		)
		.orderBy(asc(core.user.familyName), asc(core.user.givenName))
		.all();
	return rows.map((r) => ({ id: r.id, name: fullName(r) }));
}

export interface ActorLink {
	id: number;
	actorId: number;
	userId: number;
	name: string;
}

export function listActorLinks(viewer: Viewer): ActorLink[] {
	assertMatrix(viewer, 'matrix.read');
	const l = mx.matrixActorUser;
	return getDb()
		.select({
			id: l.id,
			actorId: l.actorId,
			userId: l.userId,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(l)
		.innerJoin(core.user, eq(core.user.id, l.userId))
		.where(schoolScope(viewer, l.schoolId))
		.orderBy(asc(core.user.familyName))
		.all()
		.map((r) => ({ id: r.id, actorId: r.actorId, userId: r.userId, name: fullName(r) }));
}

/** Link an employee to an actor column; false when either is not this school's. */
export function linkActorUser(viewer: Viewer, actorId: number, userId: number, db: Db = getDb()): boolean {
	assertMatrix(viewer, 'matrix.edit');
	const actor = db
		.select({ id: mx.matrixActor.id })
		.from(mx.matrixActor)
		.where(own(viewer, mx.matrixActor, actorId))
		.get();
	const staff = listStaff(viewer).some((s) => s.id === userId);
	if (!actor || !staff) return false;
	db.insert(mx.matrixActorUser)
		.values({ schoolId: viewer.schoolId, actorId, userId })
		.onConflictDoNothing()
		.run();
	return true;
}

export function unlinkActorUser(viewer: Viewer, linkId: number): boolean {
	assertMatrix(viewer, 'matrix.edit');
	const l = mx.matrixActorUser;
	return (
		getDb()
			.delete(l)
			.where(and(eq(l.id, linkId), schoolScope(viewer, l.schoolId)))
			.run().changes > 0
	);
}

/** The actor columns the viewer stands in. */
export function myActorIds(viewer: Viewer): number[] {
	assertMatrix(viewer, 'matrix.read');
	const l = mx.matrixActorUser;
	return getDb()
		.select({ actorId: l.actorId })
		.from(l)
		.innerJoin(mx.matrixActor, eq(mx.matrixActor.id, l.actorId))
		.where(
			and(eq(l.userId, viewer.userId), schoolScope(viewer, l.schoolId), isNull(mx.matrixActor.archivedAt))
		)
		.all()
		.map((r) => r.actorId);
}
