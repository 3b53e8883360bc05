// A mentor follows their own groups through the programme: per activity who prepared, who reflected and
// who did not yet, a link only to what the student shared, and a nudge at most once a week.
import { and, eq, sql } from 'drizzle-orm';
import type { ActivityState } from '../../programme';
import type { Viewer } from '../auth/viewer';
import { can, canOn, menteeCondition } from '../access';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { activity, reflection } from '../db/schema-portfolio';
import { notification } from '../db/schema-dialog';
import { activitiesOfMentor, groupInvited, PREPARED, REFLECTED } from './audience';

export interface FollowedStudent {
	id: number;
	name: string;
	group: string;
	state: ActivityState;
	/** The reflection, only where the mentor may read it (finished and shared); else null. */
	reflectionId: number | null;
	/** A nudge was sent in the last week. */
	nudgedRecently: boolean;
}

const WEEK_MS = 7 * 86_400_000;

/** The students of the mentor's own open groups invited to this activity; undefined if none is. */
export function listActivityStudents(
	viewer: Viewer,
	activityId: number,
	now: Date = new Date(),
	db: Db = getDb()
): FollowedStudent[] | undefined {
	if (!can(viewer, 'programme.follow')) return undefined;
	const u = core.user;
	const weekAgo = now.getTime() - WEEK_MS;
	const rows = db.all<{
		id: number;
		given: string;
		prefix: string;
		family: string;
		grp: string;
		prepared: number;
		reflected: number;
		nudged: number;
	}>(sql`select distinct u.id, u.given_name given, u.family_name_prefix prefix, u.family_name family, g.name grp,
			exists (select 1 from ${reflection} r where r.activity_id = a.id and r.student_id = u.id
				and r.deleted_at is null and ${PREPARED}) prepared,
			exists (select 1 from ${reflection} r where r.activity_id = a.id and r.student_id = u.id
				and r.deleted_at is null and ${REFLECTED}) reflected,
			exists (select 1 from ${notification} n where n.activity_id = a.id and n.user_id = u.id
				and n.kind = 'activityNudge' and n.created_at > ${weekAgo}) nudged
		from ${activity} a
		join ${core.group} g on ${groupInvited('a', 'g')} and g.closed_at is null
		join ${core.groupMentor} gm on gm.group_id = g.id and gm.mentor_id = ${viewer.userId}
		join ${core.groupStudent} gs on gs.group_id = g.id
		join ${u} u on u.id = gs.student_id
		where a.id = ${activityId} and a.school_id = ${viewer.schoolId}
		order by g.name, u.family_name, u.given_name`);
	if (!rows.length) return undefined;
	// Readable reflections, one query: reflectionReadScope decides what the mentor may open.
	const readable = new Map(
		db
			.select({ id: reflection.id, studentId: reflection.studentId })
			.from(reflection)
			.where(and(eq(reflection.activityId, activityId), reflectionReadScope(viewer)))
			.all()
			.map((r) => [r.studentId, r.id])
	);
	return rows.map((r) => ({
		id: r.id,
		name: [r.given, r.prefix, r.family].filter(Boolean).join(' '),
		group: r.grp,
		state: r.reflected ? 'reflected' : r.prepared ? 'prepared' : 'none',
		reflectionId: readable.get(r.id) ?? null,
		nudgedRecently: Boolean(r.nudged)
	}));
}

export type NudgeResult = 'sent' | 'tooSoon';

/** A nudge for one mentee about one activity; undefined when the student is not theirs or not invited. */
export function nudgeStudent(
	viewer: Viewer,
	activityId: number,
	studentId: number,
	now: Date = new Date(),
	db: Db = getDb()
): NudgeResult | undefined {
	if (!canOn(viewer, 'programme.follow', 'mentee')) return undefined;
	const student = listActivityStudents(viewer, activityId, now, db)?.find((s) => s.id === studentId);
	const stillMentee = db
		.select({ id: core.user.id })
		.from(core.user)
		.where(and(eq(core.user.id, studentId), menteeCondition(viewer, core.user.id)))
		.get();
	if (!student || !stillMentee) return undefined;
	if (student.nudgedRecently) return 'tooSoon';
	db.insert(notification)
		.values({
			schoolId: viewer.schoolId,
			userId: studentId,
			kind: 'activityNudge',
			studentId,
			activityId,
			createdAt: now
		})
		.run();
	return 'sent';
}

export interface MentorActivity {
	id: number;
	title: string;
	date: string | null;
	place: string;
	cancelled: boolean;
	invited: number;
	prepared: number;
	reflected: number;
}

/** The activities for the mentor's own open groups in the current year, with counts for their students. */
export function listMentorActivities(
	viewer: Viewer,
	db: Db = getDb(),
	activityId?: number
): MentorActivity[] {
	if (!can(viewer, 'programme.follow')) return [];
	return db
		.all<{
			id: number;
			title: string;
			date: string | null;
			place: string;
			cancelled: number;
			invited: number;
			prepared: number;
			reflected: number;
		}>(activitiesOfMentor(viewer.userId, viewer.schoolId, activityId))
		.map((r) => ({ ...r, cancelled: Boolean(r.cancelled) }));
}

/** One activity of the mentor's own groups, with the same counts; undefined when it is not for them. */
export function getMentorActivity(viewer: Viewer, activityId: number, db: Db = getDb()) {
	return listMentorActivities(viewer, db, activityId)[0];
}
