// The account part of "everything Koers holds about me": the account itself and every group the student
// was in, per school year, with its mentors (who could see the file, and when).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import type { Viewer } from '../auth/viewer';
import { fullName } from '$lib/names';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const day = (d: Date) => d.toISOString().slice(0, 10);

/** The viewer's own account; the caller has checked that the viewer is a student looking at themself. */
export function myAccount(viewer: Viewer) {
	const db = getDb();
	const account = db
		.select({
			username: core.user.username,
			email: core.user.email,
			studentNumber: core.user.studentNumber,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			createdAt: core.user.createdAt,
			leftAt: core.user.leftAt
		})
		.from(core.user)
		.where(and(eq(core.user.id, viewer.userId), eq(core.user.schoolId, viewer.schoolId)))
		.get();
	if (!account) return undefined;
	const roles = db
		.select({ role: core.userRole.role })
		.from(core.userRole)
		.where(and(eq(core.userRole.userId, viewer.userId), eq(core.userRole.schoolId, viewer.schoolId)))
		.all()
		.map((r) => r.role);
	return {
		username: account.username,
		email: account.email,
		studentNumber: account.studentNumber,
		name: fullName(account),
		roles,
		createdAt: iso(account.createdAt),
		leftAt: iso(account.leftAt)
	};
}

/**
 * Every group the student is or was in, oldest school year first, with its mentors. A place lasts from the
 * school year's start until the group closed or the year ended (null: it still runs).
 */
export function myGroups(viewer: Viewer, groupIds: number[], now = new Date()) {
	if (!groupIds.length) return [];
	const db = getDb();
	const groups = db
		.select({
			id: core.group.id,
			name: core.group.name,
			programme: core.group.programme,
			year: core.schoolYear.name,
			startsOn: core.schoolYear.startsOn,
			endsOn: core.schoolYear.endsOn,
			closedAt: core.group.closedAt
		})
		.from(core.group)
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, core.group.schoolYearId))
		.where(and(inArray(core.group.id, groupIds), eq(core.group.schoolId, viewer.schoolId)))
		.orderBy(asc(core.schoolYear.startsOn), asc(core.group.name))
		.all();
	const mentors = db
		.select({
			groupId: core.groupMentor.groupId,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(core.groupMentor)
		.innerJoin(core.user, eq(core.user.id, core.groupMentor.mentorId))
		.where(and(inArray(core.groupMentor.groupId, groupIds), eq(core.groupMentor.schoolId, viewer.schoolId)))
		.all();
	const today = day(now);
	return groups.map((g) => ({
		schoolYear: g.year,
		group: g.name,
		programme: g.programme,
		from: g.startsOn,
		until: g.closedAt ? day(g.closedAt) : g.endsOn < today ? g.endsOn : null,
		closedAt: iso(g.closedAt),
		mentors: mentors
			.filter((x) => x.groupId === g.id)
			.map((x) => fullName(x))
			.sort()
	}));
}
