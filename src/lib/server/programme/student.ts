// The programme as a student meets it: what is coming, "Bereid je voor" before and "Hoe was het?" after,
// both in one reflection linked to the activity (made by its first word, portfolio/reflection-start.ts), and a reminder the day after if nothing was written.
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ActivityType } from '../../portfolio';
import type { ActivityState } from '../../programme';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { getDb, type Db } from '../db';
import { activity, reflection } from '../db/schema-portfolio';
import { notification } from '../db/schema-dialog';
import { activitiesOfStudent, PREPARED, REFLECTED } from './audience';
import { amsterdamToday } from './today';

// Qualified by hand: in a query on one table drizzle leaves columns bare, and inside a subquery on
// reflection a bare "id" would be the reflection's.
const ACTIVITY_ID = sql.raw('"activity"."id"');

export interface StudentActivity {
	id: number;
	type: ActivityType;
	title: string;
	date: string;
	endDate: string | null;
	startTime: string | null;
	endTime: string | null;
	place: string;
	preparationQuestion: string;
	cancelled: boolean;
	/** From the end date on, the student is asked how it was. */
	past: boolean;
	state: ActivityState;
	reflectionId: number | null;
}

function ownScope(viewer: Viewer) {
	if (!canOn(viewer, 'programme.take', 'self')) return sql`0`;
	return and(
		eq(activity.schoolId, viewer.schoolId),
		inArray(activity.id, activitiesOfStudent(viewer.userId, viewer.schoolId))
	);
}

/** The student's programme this school year: coming first (soonest first), then what is past (newest first). */
export function listMyActivities(
	viewer: Viewer,
	options: { today?: string; upcomingOnly?: boolean; limit?: number } = {},
	db: Db = getDb()
): StudentActivity[] {
	const today = options.today ?? amsterdamToday();
	const end = sql<string>`coalesce(${activity.endDate}, ${activity.date})`;
	const rows = db
		.select({
			id: activity.id,
			type: activity.type,
			title: activity.title,
			date: activity.date,
			endDate: activity.endDate,
			startTime: activity.startTime,
			endTime: activity.endTime,
			place: activity.place,
			preparationQuestion: activity.preparationQuestion,
			cancelledAt: activity.cancelledAt,
			past: sql<number>`${end} < ${today}`,
			reflectionId: sql<
				number | null
			>`(select max(r.id) from ${reflection} r where r.activity_id = ${ACTIVITY_ID}
				and r.student_id = ${viewer.userId} and r.deleted_at is null)`,
			prepared: sql<number>`exists (select 1 from ${reflection} r where r.activity_id = ${ACTIVITY_ID}
				and r.student_id = ${viewer.userId} and r.deleted_at is null and ${PREPARED})`,
			reflected: sql<number>`exists (select 1 from ${reflection} r where r.activity_id = ${ACTIVITY_ID}
				and r.student_id = ${viewer.userId} and r.deleted_at is null and ${REFLECTED})`
		})
		.from(activity)
		.where(and(ownScope(viewer), options.upcomingOnly ? sql`${end} >= ${today}` : undefined))
		.orderBy(
			sql`${end} < ${today}`,
			sql`case when ${end} < ${today} then '' else ${activity.date} end`,
			desc(activity.date),
			asc(activity.startTime)
		)
		.limit(options.limit ?? 200)
		.all();
	return rows
		.filter((r) => r.date !== null)
		.map(({ cancelledAt, prepared, reflected, past, ...r }) => ({
			...r,
			date: r.date!,
			cancelled: cancelledAt !== null,
			past: Boolean(past),
			state: reflected ? 'reflected' : prepared ? 'prepared' : 'none'
		}));
}

/** One planned activity of the student's, as their programme shows it; undefined when it is not theirs. */
export function getMyActivity(
	viewer: Viewer,
	activityId: number,
	db: Db = getDb()
): StudentActivity | undefined {
	return listMyActivities(viewer, {}, db).find((a) => a.id === activityId);
}

/**
 * The reflection about this activity: the one the student started, or null when there is none yet (the
 * editor opens empty and its first word creates it). undefined when the activity is not theirs, or
 * cancelled and nothing was written yet.
 */
export function findActivityReflection(
	viewer: Viewer,
	activityId: number,
	db: Db = getDb()
): number | null | undefined {
	const mine = getMyActivity(viewer, activityId, db);
	if (!mine) return undefined;
	if (mine.reflectionId !== null) return mine.reflectionId;
	return mine.cancelled ? undefined : null;
}

export interface ReflectionActivity {
	activityId: number;
	preparationQuestion: string;
	cancelled: boolean;
	past: boolean;
}

/** The planned activity behind one of the student's own reflections (for the prompt and "afgelast"). */
export function getReflectionActivity(
	viewer: Viewer,
	reflectionId: number,
	today: string = amsterdamToday(),
	db: Db = getDb()
): ReflectionActivity | undefined {
	const row = db
		.select({
			activityId: activity.id,
			preparationQuestion: activity.preparationQuestion,
			cancelledAt: activity.cancelledAt,
			end: sql<string>`coalesce(${activity.endDate}, ${activity.date})`
		})
		.from(reflection)
		.innerJoin(activity, eq(activity.id, reflection.activityId))
		.where(
			and(
				eq(reflection.id, reflectionId),
				eq(reflection.studentId, viewer.userId),
				eq(reflection.schoolId, viewer.schoolId),
				isNull(reflection.deletedAt)
			)
		)
		.get();
	if (!row) return undefined;
	return {
		activityId: row.activityId,
		preparationQuestion: row.preparationQuestion,
		cancelled: row.cancelledAt !== null,
		past: row.end < today
	};
}

// How far back a forgotten activity still gets its reminder; older ones are left alone.
const REMINDER_WINDOW_DAYS = 14;

/**
 * The day after an activity, a student who wrote nothing after it gets one reminder. Run when the student
 * opens their home: a read, and an INSERT … SELECT only when one is due; no scheduler needed.
 */
export function sendDueReminders(viewer: Viewer, today: string = amsterdamToday(), db: Db = getDb()): number {
	if (!canOn(viewer, 'programme.take', 'self')) return 0;
	const since = new Date(Date.parse(`${today}T00:00:00Z`) - REMINDER_WINDOW_DAYS * 86_400_000)
		.toISOString()
		.slice(0, 10);
	const end = sql`coalesce(a.end_date, a.date)`;
	const due = sql`from ${activity} a
		where a.id in ${activitiesOfStudent(viewer.userId, viewer.schoolId)}
			and a.cancelled_at is null and ${end} < ${today} and ${end} >= ${since}
			and not exists (select 1 from ${reflection} r where r.activity_id = a.id
				and r.student_id = ${viewer.userId} and r.deleted_at is null and ${REFLECTED})
			and not exists (select 1 from ${notification} n where n.activity_id = a.id
				and n.user_id = ${viewer.userId} and n.kind = 'activityReminder')`;
	// Read first: a page view that has nothing to send takes no write lock.
	if (!db.get<{ found: number }>(sql`select exists (select 1 ${due}) as found`)?.found) return 0;
	return db.run(sql`insert into ${notification} (school_id, user_id, kind, student_id, activity_id)
		select ${viewer.schoolId}, ${viewer.userId}, 'activityReminder', ${viewer.userId}, a.id ${due}`).changes;
}
