// What is coming up for a child, for their parent: the school's programme (title, kind, date, place) through
// the same audience as the student's own list, never what the child wrote about it or whether they prepared.
import { and, asc, eq, exists, inArray, isNotNull, sql } from 'drizzle-orm';
import type { ActivityType } from '../../portfolio';
import { getDb } from '../db';
import * as core from '../db/schema';
import { activity } from '../db/schema-portfolio';
import { studentScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { activitiesOfStudent } from '../programme/audience';
import { amsterdamToday } from '../programme/today';

/** Enough to talk about the next weeks; the whole year is the school's to publish, not this page's. */
export const HOME_ACTIVITY_LIMIT = 8;

export interface HomeActivity {
	id: number;
	type: ActivityType;
	title: string;
	date: string;
	endDate: string | null;
	startTime: string | null;
	endTime: string | null;
	place: string;
	cancelled: boolean;
}

/** The child's upcoming activities, soonest first; [] unless the child is linked to this parent now. */
export function listHomeActivities(
	viewer: Viewer,
	studentId: number,
	today: string = amsterdamToday()
): HomeActivity[] {
	const db = getDb();
	const linked = db
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				eq(core.user.active, true),
				studentScope(viewer, 'parent.programme.read', core.user.id)
			)
		);
	const end = sql<string>`coalesce(${activity.endDate}, ${activity.date})`;
	return db
		.select({
			id: activity.id,
			type: activity.type,
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
				exists(linked),
				eq(activity.schoolId, viewer.schoolId),
				inArray(activity.id, activitiesOfStudent(studentId, viewer.schoolId)),
				isNotNull(activity.date),
				sql`${end} >= ${today}`
			)
		)
		.orderBy(asc(activity.date), asc(activity.startTime), asc(activity.id))
		.limit(HOME_ACTIVITY_LIMIT)
		.all()
		.map(({ cancelledAt, ...a }) => ({ ...a, date: a.date!, cancelled: cancelledAt !== null }));
}
