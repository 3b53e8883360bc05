// The mentor's sign-off of a student's dossier for the school year (DOMAIN.md §3): "afgerond" with a name
// and a date, or "nog niet" with a reason the student can act on. The decaan sees counts per group only.
import { and, asc, count, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { can, studentScope } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { dossierSignoff } from '../db/schema-dossier';
import type { SignoffStatus } from '../../portfolio';
import type { SignoffInput } from '../../schemas/dossier';
import { fullName } from '$lib/names';
import { studentYear } from './dossier-progress';
import type { DossierOwner } from './dossier-content';

export interface Signoff {
	status: SignoffStatus;
	reason: string;
	signedAt: number;
	/** Empty when the mentor's account is gone. */
	signedBy: string;
	yearName: string;
}

function findSignoff(db: Db, schoolId: number, studentId: number, scope: SQL | undefined): Signoff | null {
	const row = db
		.select({
			status: dossierSignoff.status,
			reason: dossierSignoff.reason,
			signedAt: dossierSignoff.signedAt,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			yearName: core.schoolYear.name
		})
		.from(dossierSignoff)
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, dossierSignoff.schoolYearId))
		.leftJoin(core.user, eq(core.user.id, dossierSignoff.signedBy))
		.where(
			and(
				eq(dossierSignoff.studentId, studentId),
				eq(dossierSignoff.schoolId, schoolId),
				eq(core.schoolYear.isCurrent, true),
				scope
			)
		)
		.get();
	if (!row) return null;
	return {
		status: row.status,
		reason: row.reason,
		signedAt: row.signedAt.getTime(),
		signedBy:
			row.given === null
				? ''
				: fullName({ givenName: row.given, familyNamePrefix: row.prefix, familyName: row.family }),
		yearName: row.yearName
	};
}

/** This school year's sign-off of a student the viewer may follow (their own, or a mentee's). */
export function getSignoff(
	viewer: Viewer,
	studentId: number = viewer.userId,
	db: Db = getDb()
): Signoff | null {
	const scope = studentScope(viewer, 'dossier.progress.read', dossierSignoff.studentId);
	return findSignoff(db, viewer.schoolId, studentId, scope);
}

/** The sign-off as a share link of the whole dossier shows it. */
export function signoffOfOwner(owner: DossierOwner, db: Db = getDb()): Signoff | null {
	return findSignoff(db, owner.schoolId, owner.studentId, undefined);
}

/** Signs this year's dossier off (or not yet); a later word replaces the earlier one. False if out of scope. */
export function signOff(viewer: Viewer, studentId: number, input: SignoffInput, db: Db = getDb()): boolean {
	const mentee = db
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'dossier.signoff', core.user.id)
			)
		)
		.get();
	if (!mentee) return false;
	const current = studentYear(viewer.schoolId, studentId, db);
	if (!current) return false;
	const values = {
		status: input.status,
		reason: input.status === 'afgerond' ? '' : input.reason,
		signedBy: viewer.userId,
		signedAt: new Date()
	};
	db.insert(dossierSignoff)
		.values({ ...values, schoolId: viewer.schoolId, studentId, schoolYearId: current.year.id })
		.onConflictDoUpdate({ target: [dossierSignoff.studentId, dossierSignoff.schoolYearId], set: values })
		.run();
	return true;
}

export interface GroupSignoffCount {
	groupId: number;
	name: string;
	programme: string;
	students: number;
	afgerond: number;
	nogNiet: number;
}

/** Per open group of this school year: how many students, and how many dossiers are signed off. */
export function listSignoffCounts(viewer: Viewer, db: Db = getDb()): GroupSignoffCount[] | undefined {
	if (!can(viewer, 'dossier.signoff.counts')) return undefined;
	const gs = core.groupStudent;
	const statusCount = (status: SignoffStatus) =>
		sql<number>`sum(case when ${dossierSignoff.status} = ${status} then 1 else 0 end)`;
	return db
		.select({
			groupId: core.group.id,
			name: core.group.name,
			programme: core.group.programme,
			students: count(gs.studentId),
			afgerond: statusCount('afgerond'),
			nogNiet: statusCount('nog_niet')
		})
		.from(core.group)
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, core.group.schoolYearId))
		.leftJoin(gs, eq(gs.groupId, core.group.id))
		.leftJoin(
			dossierSignoff,
			and(eq(dossierSignoff.studentId, gs.studentId), eq(dossierSignoff.schoolYearId, core.schoolYear.id))
		)
		.where(
			and(
				eq(core.group.schoolId, viewer.schoolId),
				eq(core.schoolYear.isCurrent, true),
				isNull(core.group.closedAt)
			)
		)
		.groupBy(core.group.id)
		.orderBy(asc(core.group.name))
		.all()
		.map((g) => ({ ...g, afgerond: Number(g.afgerond ?? 0), nogNiet: Number(g.nogNiet ?? 0) }));
}

/** Every sign-off of the viewer's own dossier, all school years: for the right of access. */
export function listOwnSignoffs(viewer: Viewer, db: Db = getDb()) {
	return db
		.select({
			schoolYear: core.schoolYear.name,
			status: dossierSignoff.status,
			reason: dossierSignoff.reason,
			signedAt: dossierSignoff.signedAt,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName
		})
		.from(dossierSignoff)
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, dossierSignoff.schoolYearId))
		.leftJoin(core.user, eq(core.user.id, dossierSignoff.signedBy))
		.where(
			and(
				eq(dossierSignoff.studentId, viewer.userId),
				eq(dossierSignoff.schoolId, viewer.schoolId),
				studentScope(viewer, 'dossier.progress.read', dossierSignoff.studentId)
			)
		)
		.orderBy(asc(core.schoolYear.startsOn))
		.all()
		.map((s) => ({
			schoolYear: s.schoolYear,
			status: s.status,
			reason: s.reason,
			signedAt: s.signedAt.toISOString(),
			signedBy:
				s.given === null
					? null
					: fullName({ givenName: s.given, familyNamePrefix: s.prefix, familyName: s.family })
		}));
}
