// Who is linked to whom: the student's list of parents (and revoking one), the parent's list of children.
import { and, asc, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import * as core from '../db/schema';
import { homeSetting, parentLink } from '../db/schema-parents';
import { canOn, studentScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { fullName } from '$lib/names';

const parentUser = alias(core.user, 'parent_user');

export interface LinkedParent {
	linkId: number;
	name: string;
	since: Date;
	revokedAt: Date | null;
	/** Linked by the school on request, not by the student's own invitation. */
	bySchool: boolean;
}

/** The student's parents, current first, then the ones they revoked (with when). */
export function listMyParents(viewer: Viewer): LinkedParent[] {
	if (!canOn(viewer, 'parent.link.manage', 'self')) return [];
	return getDb()
		.select({
			linkId: parentLink.id,
			givenName: parentUser.givenName,
			familyNamePrefix: parentUser.familyNamePrefix,
			familyName: parentUser.familyName,
			since: parentLink.createdAt,
			revokedAt: parentLink.revokedAt,
			createdBy: parentLink.createdBy
		})
		.from(parentLink)
		.innerJoin(parentUser, eq(parentUser.id, parentLink.parentId))
		.where(and(eq(parentLink.studentId, viewer.userId), eq(parentLink.schoolId, viewer.schoolId)))
		.orderBy(asc(parentLink.revokedAt), desc(parentLink.createdAt))
		.all()
		.map((r) => ({
			linkId: r.linkId,
			name: fullName(r),
			since: r.since,
			revokedAt: r.revokedAt,
			bySchool: r.createdBy !== viewer.userId
		}));
}

/** The student ends a parent's access, at once: every parent query checks for an unrevoked link. */
export function revokeParent(viewer: Viewer, linkId: number, now = new Date()): boolean {
	if (!canOn(viewer, 'parent.link.manage', 'self')) return false;
	const res = getDb()
		.update(parentLink)
		.set({ revokedAt: now, revokedBy: viewer.userId })
		.where(
			and(eq(parentLink.id, linkId), eq(parentLink.studentId, viewer.userId), isNull(parentLink.revokedAt))
		)
		.run();
	return res.changes > 0;
}

export interface Child {
	id: number;
	givenName: string;
	name: string;
}

/** The children who linked this parent (and have not revoked it). */
export function listChildren(viewer: Viewer): Child[] {
	return getDb()
		.select({
			id: core.user.id,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(core.user)
		.where(
			and(
				eq(core.user.schoolId, viewer.schoolId),
				eq(core.user.active, true),
				studentScope(viewer, 'parent.child.read', core.user.id)
			)
		)
		.orderBy(asc(core.user.givenName))
		.all()
		.map((r) => ({ id: r.id, givenName: r.givenName, name: fullName(r) }));
}

/** One child of this parent, or undefined (not linked, revoked, left): the caller answers 404. */
export function getChild(viewer: Viewer, studentId: number): Child | undefined {
	return listChildren(viewer).find((c) => c.id === studentId);
}

/** Does the student show their goals at home? */
export function sharesGoals(studentId: number): boolean {
	return (
		getDb()
			.select({ on: homeSetting.shareGoals })
			.from(homeSetting)
			.where(eq(homeSetting.studentId, studentId))
			.get()?.on ?? false
	);
}

/** The student's own switch for showing their goals at home. */
export function setShareGoals(viewer: Viewer, on: boolean): boolean {
	if (!canOn(viewer, 'home.share', 'self')) return false;
	getDb()
		.insert(homeSetting)
		.values({ studentId: viewer.userId, schoolId: viewer.schoolId, shareGoals: on })
		.onConflictDoUpdate({ target: homeSetting.studentId, set: { shareGoals: on } })
		.run();
	return true;
}
