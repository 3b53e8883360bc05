// Who an activity is for, as SQL: the whole school, some leerjaren/levels (a group's programme) or chosen
// groups, always through the groups of the activity's own school year.
import { sql, type SQL } from 'drizzle-orm';
import * as core from '../db/schema';
import { activity, reflection } from '../db/schema-portfolio';
import { activityCohort, activityGroup } from '../db/schema-programme';

/** Does group `g` belong to the audience of activity `a` (both as SQL aliases of the real tables)? */
export function groupInvited(a: string, g: string): SQL {
	const A = sql.raw(a);
	const G = sql.raw(g);
	return sql`(${A}.school_year_id = ${G}.school_year_id and ${A}.school_id = ${G}.school_id and (
		${A}.audience = 'school'
		or (${A}.audience = 'groups' and exists (select 1 from ${activityGroup} ag
			where ag.activity_id = ${A}.id and ag.group_id = ${G}.id))
		or (${A}.audience = 'cohorts' and exists (select 1 from ${activityCohort} ac
			where ac.activity_id = ${A}.id and ac.cohort = ${G}.programme))))`;
}

/** (activity_id, student_id, group_id) of every invited student, for the activities `where` picks (alias a). */
export function invitedRows(where: SQL): SQL {
	return sql`select a.id as activity_id, gs.student_id as student_id, g.id as group_id
		from ${activity} a
		join ${core.group} g on ${groupInvited('a', 'g')}
		join ${core.groupStudent} gs on gs.group_id = g.id
		where ${where}`;
}

/** The ids of the activities a student is invited to through their own open groups. */
export function activitiesOfStudent(studentId: number, schoolId: number): SQL {
	return sql`(select a.id from ${activity} a
		join ${core.group} g on ${groupInvited('a', 'g')} and g.closed_at is null
		join ${core.groupStudent} gs on gs.group_id = g.id and gs.student_id = ${studentId}
		where a.school_id = ${schoolId})`;
}

// A student "prepared" once the doel is written, and "reflected" once anything after it is.
export const PREPARED = sql.raw(`r.doel <> ''`);
export const REFLECTED = sql.raw(`(r.resultaat <> '' or r.evaluatie <> '' or r.vervolg <> '')`);

/** Per activity for a mentor's own open groups: their invited students and how many prepared / reflected. */
export function activitiesOfMentor(mentorId: number, schoolId: number, activityId?: number): SQL {
	return sql`select a.id, a.title, a.date, a.place, a.cancelled_at is not null cancelled,
			count(distinct gs.student_id) invited,
			count(distinct case when exists (select 1 from ${reflection} r where r.activity_id = a.id
				and r.student_id = gs.student_id and r.deleted_at is null and ${PREPARED}) then gs.student_id end) prepared,
			count(distinct case when exists (select 1 from ${reflection} r where r.activity_id = a.id
				and r.student_id = gs.student_id and r.deleted_at is null and ${REFLECTED}) then gs.student_id end) reflected
		from ${activity} a
		join ${core.group} g on ${groupInvited('a', 'g')} and g.closed_at is null
		join ${core.groupMentor} gm on gm.group_id = g.id and gm.mentor_id = ${mentorId}
		join ${core.groupStudent} gs on gs.group_id = g.id
		where a.school_id = ${schoolId} ${activityId === undefined ? sql`` : sql`and a.id = ${activityId}`}
		group by a.id
		order by a.date, a.id`;
}
