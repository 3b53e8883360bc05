// What the programme reaches (issue 18): counts only, never a student's text (DOMAIN.md §3, §5).
import { sql } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { Viewer } from '../auth/viewer';
import { can } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { activity, reflection } from '../db/schema-portfolio';
import { activityCompetency } from '../db/schema-programme';
import { groupInvited, invitedRows, PREPARED, REFLECTED } from './audience';

export interface ActivityReach {
	id: number;
	title: string;
	date: string | null;
	cancelled: boolean;
	invited: number;
	prepared: number;
	reflected: number;
}
export interface CohortCoverage {
	cohort: string;
	covered: CompetencySlug[];
	missing: CompetencySlug[];
}
export interface GroupReach {
	name: string;
	students: number;
	/** Students who reflected on at least `min` activities. */
	reached: number;
}
export interface ProgrammeReach {
	activities: ActivityReach[];
	cohorts: CohortCoverage[];
	groups: GroupReach[];
	min: number;
}

export function getProgrammeReach(
	viewer: Viewer,
	yearId: number,
	min: number,
	db: Db = getDb()
): ProgrammeReach | undefined {
	if (!can(viewer, 'programme.reach')) return undefined;
	const school = viewer.schoolId;
	const inYear = sql`a.school_id = ${school} and a.school_year_id = ${yearId}`;
	const activities = db
		.all<Omit<ActivityReach, 'cancelled'> & { cancelled: number }>(
			sql`select a.id, a.title, a.date, a.cancelled_at is not null cancelled,
				count(distinct i.student_id) invited,
				count(distinct case when ${PREPARED} then i.student_id end) prepared,
				count(distinct case when ${REFLECTED} then i.student_id end) reflected
			from ${activity} a
			left join (${invitedRows(inYear)}) i on i.activity_id = a.id
			left join ${reflection} r on r.activity_id = a.id and r.student_id = i.student_id and r.deleted_at is null
			where ${inYear}
			group by a.id order by a.date, a.id`
		)
		.map((r) => ({ ...r, cancelled: Boolean(r.cancelled) }));
	// Which competencies the programme (not what was cancelled) serves, per leerjaar/level.
	const served = db.all<{ cohort: string; competency: CompetencySlug | null }>(
		sql`select distinct g.programme cohort, ac.competency
			from ${core.group} g
			left join ${activity} a on ${groupInvited('a', 'g')} and a.cancelled_at is null
			left join ${activityCompetency} ac on ac.activity_id = a.id
			where g.school_id = ${school} and g.school_year_id = ${yearId} and g.programme <> ''`
	);
	const cohorts = [...new Set(served.map((s) => s.cohort))].sort().map((cohort) => {
		const covered = COMPETENCY_SLUGS.filter((c) =>
			served.some((s) => s.cohort === cohort && s.competency === c)
		);
		return { cohort, covered, missing: COMPETENCY_SLUGS.filter((c) => !covered.includes(c)) };
	});
	// Per group and student: on how many of this year's activities they reflected.
	const perStudent = db.all<{ name: string; n: number }>(
		sql`select g.name, count(distinct r.activity_id) n
			from ${core.group} g
			join ${core.groupStudent} gs on gs.group_id = g.id
			left join ${reflection} r on r.student_id = gs.student_id and r.deleted_at is null and ${REFLECTED}
				and r.activity_id in (select a.id from ${activity} a where ${inYear})
			where g.school_id = ${school} and g.school_year_id = ${yearId}
			group by g.id, gs.student_id
			order by g.name`
	);
	const groups = new Map<string, GroupReach>();
	for (const row of perStudent) {
		const g = groups.get(row.name) ?? { name: row.name, students: 0, reached: 0 };
		g.students++;
		if (row.n >= min) g.reached++;
		groups.set(row.name, g);
	}
	return { activities, cohorts, groups: [...groups.values()], min };
}
