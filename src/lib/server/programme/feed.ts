// A student's personal calendar feed at a secret address (issue 18). Only the secret's SHA-256 is kept, so a
// copy of the database gives no working address; a reset replaces it and the old address answers 404.
import { createHash } from 'node:crypto';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { calendarFeed } from '../db/schema-programme';
import { activity } from '../db/schema-portfolio';
import { activitiesOfStudent } from './audience';
import type { CalendarEvent } from './ical';

function hashOf(token: string): Buffer {
	return createHash('sha256').update(token).digest();
}

export function feedUrlOf(origin: string, token: string): string {
	return `${origin}/agenda/${token}.ics`;
}

export function hasFeed(viewer: Viewer, db: Db = getDb()): boolean {
	return Boolean(
		db
			.select({ id: calendarFeed.userId })
			.from(calendarFeed)
			.where(eq(calendarFeed.userId, viewer.userId))
			.get()
	);
}

/** Makes (or replaces) the student's secret feed address; the token is shown once and never stored. */
export function resetFeed(viewer: Viewer, db: Db = getDb()): string {
	if (!canOn(viewer, 'programme.take', 'self')) throw new Error('not a student');
	const bytes = crypto.getRandomValues(new Uint8Array(20));
	const token = encodeBase32LowerCaseNoPadding(bytes);
	const row = {
		userId: viewer.userId,
		schoolId: viewer.schoolId,
		tokenHash: hashOf(token),
		createdAt: new Date()
	};
	db.insert(calendarFeed)
		.values(row)
		.onConflictDoUpdate({
			target: calendarFeed.userId,
			set: { tokenHash: row.tokenHash, createdAt: row.createdAt }
		})
		.run();
	return token;
}

/**
 * The student a feed token belongs to, or undefined for an unknown token, an old one after a reset, or a
 * student who left. The token is the only credential of this public address, so nothing here makes a Viewer.
 */
export function feedOwner(token: string, db: Db = getDb()): { userId: number; schoolId: number } | undefined {
	if (!/^[a-z2-7]{32}$/.test(token)) return undefined;
	return db
		.select({ userId: core.user.id, schoolId: core.user.schoolId })
		.from(calendarFeed)
		.innerJoin(core.user, eq(core.user.id, calendarFeed.userId))
		.innerJoin(core.userRole, and(eq(core.userRole.userId, core.user.id), eq(core.userRole.role, 'student')))
		.where(and(eq(calendarFeed.tokenHash, hashOf(token)), eq(core.user.active, true)))
		.get();
}

/** The events of a student's own feed: this year's activities of their open groups, no text of theirs. */
export function feedEvents(owner: { userId: number; schoolId: number }, db: Db = getDb()): CalendarEvent[] {
	return db
		.select({
			id: activity.id,
			title: activity.title,
			date: activity.date,
			endDate: activity.endDate,
			startTime: activity.startTime,
			endTime: activity.endTime,
			place: activity.place,
			cancelledAt: activity.cancelledAt
		})
		.from(activity)
		.where(
			and(
				eq(activity.schoolId, owner.schoolId),
				inArray(activity.id, activitiesOfStudent(owner.userId, owner.schoolId)),
				isNotNull(activity.date)
			)
		)
		.orderBy(asc(activity.date))
		.all()
		.map(({ cancelledAt, date, ...e }) => ({ ...e, date: date!, cancelled: cancelledAt !== null }));
}
