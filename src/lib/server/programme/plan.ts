// Planning the school's LOB programme (issue 18): the decaan plans for the whole school, a mentor for their
// own groups only. Every check is against the viewer's school; what is out of scope looks missing.
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ActivityType } from '../../portfolio';
import type { Audience } from '../../programme';
import type { ActivityInput } from '../../schemas/programme';
import type { Viewer } from '../auth/viewer';
import { can } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { activity } from '../db/schema-portfolio';
import { activityCohort, activityCompetency, activityGroup } from '../db/schema-programme';
import { formOptions, listYears, plansForSchool } from './options';

export type PlanError =
	| 'prog_error_outside_year'
	| 'prog_error_group_not_allowed'
	| 'prog_error_cohort_unknown'
	| 'prog_error_organiser'
	| 'prog_error_task'
	| 'prog_error_audience_mentor';
export type PlanResult = { ok: true; id: number } | { ok: false; errors: Partial<Record<string, PlanError>> };

export interface ProgrammeActivity {
	id: number;
	schoolYearId: number | null;
	type: ActivityType;
	title: string;
	date: string | null;
	endDate: string | null;
	startTime: string | null;
	endTime: string | null;
	place: string;
	audience: Audience;
	groups: { id: number; name: string; programme: string }[];
	cohorts: string[];
	preparationQuestion: string;
	competencies: CompetencySlug[];
	organiserId: number | null;
	organiser: string;
	matrixTaskId: number | null;
	cancelled: boolean;
	needsCheck: boolean;
	/** May this viewer change it (the decaan: all; a mentor: what they planned for their own groups)? */
	editable: boolean;
}

/** Activities the viewer may change: the school's for the decaan, a mentor's own group activities. */
function manageScope(viewer: Viewer): SQL {
	if (plansForSchool(viewer)) return eq(activity.schoolId, viewer.schoolId);
	if (can(viewer, 'programme.manageOwnGroups'))
		return and(
			eq(activity.schoolId, viewer.schoolId),
			eq(activity.createdBy, viewer.userId),
			eq(activity.audience, 'groups')
		) as SQL;
	return sql`0`;
}

function readScope(viewer: Viewer): SQL {
	return can(viewer, 'programme.read') ? eq(activity.schoolId, viewer.schoolId) : sql`0`;
}

/** The programme of one school year, in date order, with who it is for and what it serves. */
export function listProgramme(
	viewer: Viewer,
	yearId: number,
	filter: { ids?: number[] } = {},
	db: Db = getDb()
): ProgrammeActivity[] {
	const u = core.user;
	const rows = db
		.select({
			id: activity.id,
			schoolYearId: activity.schoolYearId,
			type: activity.type,
			title: activity.title,
			date: activity.date,
			endDate: activity.endDate,
			startTime: activity.startTime,
			endTime: activity.endTime,
			place: activity.place,
			audience: activity.audience,
			preparationQuestion: activity.preparationQuestion,
			organiserId: activity.organiserId,
			given: u.givenName,
			prefix: u.familyNamePrefix,
			family: u.familyName,
			matrixTaskId: activity.matrixTaskId,
			cancelledAt: activity.cancelledAt,
			needsCheck: activity.needsCheck,
			editable: sql<number>`(${manageScope(viewer)})`
		})
		.from(activity)
		.leftJoin(u, eq(u.id, activity.organiserId))
		.where(
			and(
				readScope(viewer),
				eq(activity.schoolYearId, yearId),
				filter.ids ? inArray(activity.id, filter.ids.length ? filter.ids : [-1]) : undefined
			)
		)
		.orderBy(asc(activity.date), asc(activity.startTime), asc(activity.id))
		.all();
	const ids = rows.map((r) => r.id);
	const groups = ids.length
		? db
				.select({
					activityId: activityGroup.activityId,
					id: core.group.id,
					name: core.group.name,
					programme: core.group.programme
				})
				.from(activityGroup)
				.innerJoin(core.group, eq(core.group.id, activityGroup.groupId))
				.where(inArray(activityGroup.activityId, ids))
				.orderBy(asc(core.group.name))
				.all()
		: [];
	const cohorts = ids.length
		? db.select().from(activityCohort).where(inArray(activityCohort.activityId, ids)).all()
		: [];
	const competencies = ids.length
		? db.select().from(activityCompetency).where(inArray(activityCompetency.activityId, ids)).all()
		: [];
	return rows.map(({ given, prefix, family, cancelledAt, editable, ...r }) => ({
		...r,
		groups: groups.filter((g) => g.activityId === r.id).map(({ activityId: _, ...g }) => g),
		cohorts: cohorts.filter((c) => c.activityId === r.id).map((c) => c.cohort),
		competencies: COMPETENCY_SLUGS.filter((slug) =>
			competencies.some((c) => c.activityId === r.id && c.competency === slug)
		),
		organiser: [given, prefix, family].filter(Boolean).join(' '),
		cancelled: cancelledAt !== null,
		editable: Boolean(editable)
	}));
}

/** One activity the viewer may change, or undefined (also when it is not theirs to change). */
export function getEditableActivity(
	viewer: Viewer,
	id: number,
	db: Db = getDb()
): ProgrammeActivity | undefined {
	const row = db
		.select({ yearId: activity.schoolYearId })
		.from(activity)
		.where(and(eq(activity.id, id), manageScope(viewer)))
		.get();
	if (!row?.yearId) return undefined;
	return listProgramme(viewer, row.yearId, { ids: [id] }, db)[0];
}

function validate(viewer: Viewer, input: ActivityInput, db: Db): PlanResult | undefined {
	if (!can(viewer, 'programme.manage') && !can(viewer, 'programme.manageOwnGroups'))
		return { ok: false, errors: { audience: 'prog_error_audience_mentor' } };
	const year = listYears(viewer, db).find((y) => y.id === input.schoolYearId);
	if (!year) return { ok: false, errors: { date: 'prog_error_outside_year' } };
	const errors: Partial<Record<string, PlanError>> = {};
	const inYear = (d: string) => d >= year.startsOn && d <= year.endsOn;
	if (!inYear(input.date)) errors.date = 'prog_error_outside_year';
	if (input.endDate && !inYear(input.endDate)) errors.endDate = 'prog_error_outside_year';
	const options = formOptions(viewer, year.id, db);
	if (!plansForSchool(viewer) && input.audience !== 'groups') errors.audience = 'prog_error_audience_mentor';
	if (input.audience === 'groups' && input.groups.some((g) => !options.groups.some((o) => o.id === g)))
		errors.groups = 'prog_error_group_not_allowed';
	if (input.audience === 'cohorts' && input.cohorts.some((c) => !options.cohorts.includes(c)))
		errors.cohorts = 'prog_error_cohort_unknown';
	if (!options.organisers.some((o) => o.id === input.organiserId))
		errors.organiserId = 'prog_error_organiser';
	if (input.matrixTaskId !== '' && !options.tasks.some((t) => t.id === input.matrixTaskId))
		errors.matrixTaskId = 'prog_error_task';
	return Object.keys(errors).length ? { ok: false, errors } : undefined;
}

export function write(viewer: Viewer, id: number | undefined, input: ActivityInput, db: Db): number {
	const values = {
		schoolYearId: input.schoolYearId,
		type: input.type,
		title: input.title,
		date: input.date,
		endDate: input.endDate || null,
		startTime: input.startTime || null,
		endTime: input.endTime || null,
		place: input.place,
		audience: input.audience,
		preparationQuestion: input.preparationQuestion,
		organiserId: input.organiserId,
		matrixTaskId: input.matrixTaskId === '' ? null : input.matrixTaskId,
		needsCheck: false,
		updatedAt: new Date()
	};
	return db.transaction((tx) => {
		const activityId =
			id ??
			tx
				.insert(activity)
				.values({ ...values, schoolId: viewer.schoolId, createdBy: viewer.userId })
				.returning({ id: activity.id })
				.get().id;
		if (id !== undefined) tx.update(activity).set(values).where(eq(activity.id, id)).run();
		for (const t of [activityGroup, activityCohort, activityCompetency])
			tx.delete(t).where(eq(t.activityId, activityId)).run();
		const schoolId = viewer.schoolId;
		if (input.audience === 'groups')
			tx.insert(activityGroup)
				.values([...new Set(input.groups)].map((groupId) => ({ activityId, groupId, schoolId })))
				.run();
		if (input.audience === 'cohorts')
			tx.insert(activityCohort)
				.values([...new Set(input.cohorts)].map((cohort) => ({ activityId, cohort, schoolId })))
				.run();
		tx.insert(activityCompetency)
			.values([...new Set(input.competencies)].map((competency) => ({ activityId, competency, schoolId })))
			.run();
		return activityId;
	});
}

export function createActivity(viewer: Viewer, input: ActivityInput, db: Db = getDb()): PlanResult {
	return validate(viewer, input, db) ?? { ok: true, id: write(viewer, undefined, input, db) };
}

/** undefined: not the viewer's to change (a 404). */
export function updateActivity(
	viewer: Viewer,
	id: number,
	input: ActivityInput,
	db: Db = getDb()
): PlanResult | undefined {
	if (!getEditableActivity(viewer, id, db)) return undefined;
	return validate(viewer, input, db) ?? { ok: true, id: write(viewer, id, input, db) };
}

/** Cancel or plan again; students keep what they wrote, their reflection shows it was cancelled. */
export function setCancelled(viewer: Viewer, id: number, cancelled: boolean, db: Db = getDb()): boolean {
	return (
		db
			.update(activity)
			.set({ cancelledAt: cancelled ? new Date() : null, updatedAt: new Date() })
			.where(and(eq(activity.id, id), manageScope(viewer)))
			.run().changes > 0
	);
}

/** A copy to change (e.g. the same gastles for another group); the copy is not cancelled. */
export function duplicateActivity(viewer: Viewer, id: number, db: Db = getDb()): number | undefined {
	const a = getEditableActivity(viewer, id, db);
	if (!a?.schoolYearId || a.organiserId === null) return undefined;
	return write(viewer, undefined, { ...inputOf(a), title: a.title }, db);
}

export function inputOf(a: ProgrammeActivity): ActivityInput {
	return {
		schoolYearId: a.schoolYearId ?? 0,
		type: a.type,
		title: a.title,
		date: a.date ?? '',
		endDate: a.endDate ?? '',
		startTime: a.startTime ?? '',
		endTime: a.endTime ?? '',
		place: a.place,
		audience: a.audience,
		groups: a.groups.map((g) => g.id),
		cohorts: a.cohorts,
		preparationQuestion: a.preparationQuestion,
		competencies: a.competencies,
		organiserId: a.organiserId ?? 0,
		matrixTaskId: a.matrixTaskId ?? ''
	};
}
