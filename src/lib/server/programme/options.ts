// What the activity form offers: school years, groups, leerjaren/levels, organisers and matrix tasks, each
// limited to the viewer's school (and for a mentor to their own open groups).
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import { STAFF_ROLES } from '../../roles';
import type { Viewer } from '../auth/viewer';
import { can, mentoredGroupScope } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { matrixTask } from '../db/schema-matrix';

export interface YearOption {
	id: number;
	name: string;
	startsOn: string;
	endsOn: string;
	isCurrent: boolean;
}
export interface Option {
	id: number;
	name: string;
}
export interface GroupOption extends Option {
	programme: string;
}
export interface FormOptions {
	groups: GroupOption[];
	cohorts: string[];
	organisers: Option[];
	tasks: Option[];
}

/** Does the viewer plan for the whole school (decaan) or only for their own groups (mentor)? */
export function plansForSchool(viewer: Viewer): boolean {
	return can(viewer, 'programme.manage');
}

export function listYears(viewer: Viewer, db: Db = getDb()): YearOption[] {
	if (!can(viewer, 'programme.read')) return [];
	const y = core.schoolYear;
	return db
		.select({ id: y.id, name: y.name, startsOn: y.startsOn, endsOn: y.endsOn, isCurrent: y.isCurrent })
		.from(y)
		.where(eq(y.schoolId, viewer.schoolId))
		.orderBy(desc(y.startsOn))
		.all();
}

/** The year asked for if it is the school's, else the current one (or the newest). */
export function pickYear(years: YearOption[], asked: string | null): YearOption | undefined {
	const n = Number(asked);
	return years.find((y) => y.id === n) ?? years.find((y) => y.isCurrent) ?? years[0];
}

function fullName(u: { given: string; prefix: string; family: string }): string {
	return [u.given, u.prefix, u.family].filter(Boolean).join(' ');
}

/** The groups the viewer may invite in this school year: all of the school's, or a mentor's own open ones. */
export function listPlannableGroups(viewer: Viewer, yearId: number, db: Db = getDb()): GroupOption[] {
	const g = core.group;
	const scope = plansForSchool(viewer)
		? eq(g.schoolId, viewer.schoolId)
		: can(viewer, 'programme.manageOwnGroups')
			? mentoredGroupScope(viewer)
			: undefined;
	if (!scope) return [];
	return db
		.select({ id: g.id, name: g.name, programme: g.programme })
		.from(g)
		.where(and(scope, eq(g.schoolYearId, yearId)))
		.orderBy(asc(g.programme), asc(g.name))
		.all();
}

export function formOptions(viewer: Viewer, yearId: number, db: Db = getDb()): FormOptions {
	const groups = listPlannableGroups(viewer, yearId, db);
	const u = core.user;
	const organisers = db
		.selectDistinct({ id: u.id, given: u.givenName, prefix: u.familyNamePrefix, family: u.familyName })
		.from(u)
		.innerJoin(core.userRole, eq(core.userRole.userId, u.id))
		.where(
			and(eq(u.schoolId, viewer.schoolId), eq(u.active, true), inArray(core.userRole.role, [...STAFF_ROLES]))
		)
		.orderBy(asc(u.familyName), asc(u.givenName))
		.all()
		.map((r) => ({ id: r.id, name: fullName(r) }));
	const tasks = db
		.select({ id: matrixTask.id, name: matrixTask.name })
		.from(matrixTask)
		.where(and(eq(matrixTask.schoolId, viewer.schoolId), isNull(matrixTask.archivedAt)))
		.orderBy(asc(matrixTask.kind), asc(matrixTask.position))
		.all();
	// Leerjaren/levels are the groups' programmes; a mentor can only choose their own groups.
	const cohorts = plansForSchool(viewer)
		? [...new Set(groups.map((g) => g.programme).filter(Boolean))].sort()
		: [];
	return { groups, cohorts, organisers, tasks };
}
