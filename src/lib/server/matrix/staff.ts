// Who is who around the matrix: the school's staff (to invite, link to a column, or own an action) and
// which of them stand in an actor's column ("mijn LOB-taken").
import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { STAFF_ROLES } from '../../roles';
import { fullName } from '$lib/names';
import { assertMatrix, own } from './lists';

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
