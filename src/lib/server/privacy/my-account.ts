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
 * Every place the student had in a group, oldest first, with the mentors of that group while they were in it
 * (who could see the file, and when). A place counts from its school year's start at the earliest (a staged
 * year is filled before it begins) until the student left, the group closed or the year ended (null: it runs).
 */
export function myGroups(viewer: Viewer, now = new Date()) {
	const db = getDb();
	const h = core.groupMembership;
	const places = db
		.select({
			groupId: h.groupId,
			fromAt: h.fromAt,
			untilAt: h.untilAt,
			name: core.group.name,
			programme: core.group.programme,
			closedAt: core.group.closedAt,
			year: core.schoolYear.name,
			startsOn: core.schoolYear.startsOn,
			endsOn: core.schoolYear.endsOn
		})
		.from(h)
		.innerJoin(core.group, eq(core.group.id, h.groupId))
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, core.group.schoolYearId))
		.where(and(eq(h.userId, viewer.userId), eq(h.kind, 'student'), eq(h.schoolId, viewer.schoolId)))
		.orderBy(asc(core.schoolYear.startsOn), asc(h.fromAt), asc(core.group.name))
		.all();
	if (!places.length) return [];
	const mentors = db
		.select({
			groupId: h.groupId,
			fromAt: h.fromAt,
			untilAt: h.untilAt,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(h)
		.innerJoin(core.user, eq(core.user.id, h.userId))
		.where(
			and(
				inArray(h.groupId, [...new Set(places.map((p) => p.groupId))]),
				eq(h.kind, 'mentor'),
				eq(h.schoolId, viewer.schoolId)
			)
		)
		.all();
	const today = day(now);
	return places.map((p) => {
		const from = later(day(p.fromAt), p.startsOn);
		const ends = [p.untilAt && day(p.untilAt), p.closedAt && day(p.closedAt), p.endsOn < today && p.endsOn];
		const until = earliest(ends.filter((d): d is string => typeof d === 'string' && d >= from));
		return {
			schoolYear: p.year,
			group: p.name,
			programme: p.programme,
			from,
			until,
			closedAt: iso(p.closedAt),
			mentors: mentors
				.filter((x) => x.groupId === p.groupId)
				.map((x) => ({
					name: fullName(x),
					from: later(day(x.fromAt), from),
					until: earliest(
						[x.untilAt && day(x.untilAt), until].filter((d): d is string => typeof d === 'string')
					)
				}))
				.filter((x) => x.until === null || x.until >= x.from)
				.sort((a, b) => a.from.localeCompare(b.from) || a.name.localeCompare(b.name))
		};
	});
}

// ISO dates (yyyy-mm-dd) compare as text.
const later = (a: string, b: string) => (a > b ? a : b);
const earliest = (days: string[]) => (days.length ? days.reduce((a, b) => (a < b ? a : b)) : null);
