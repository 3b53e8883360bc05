// School years, staged: the admin prepares the next year (its groups, imports and mentors) while the
// current one runs. It takes effect on its start date, or earlier with the year's name typed and a reason.
// Taking effect closes the old year's groups and opens the new year's in one transaction, so every page
// agrees on which year is current. Until then a staged year's groups stay closed: they grant no access,
// and mentors keep their current groups (access.ts looks at open groups only).
import { and, count, desc, eq, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';
import { recordAudit } from '../privacy/audit';
import { amsterdamToday } from '../programme/today';

export type SchoolYearStatus = 'current' | 'staged' | 'past';

export interface SchoolYearInfo {
	id: number;
	name: string;
	startsOn: string;
	endsOn: string;
	isCurrent: boolean;
	status: SchoolYearStatus;
	groupCount: number;
}

function yearsOf(schoolId: number, db: Db) {
	return db
		.select({
			id: table.schoolYear.id,
			name: table.schoolYear.name,
			startsOn: table.schoolYear.startsOn,
			endsOn: table.schoolYear.endsOn,
			isCurrent: table.schoolYear.isCurrent
		})
		.from(table.schoolYear)
		.where(eq(table.schoolYear.schoolId, schoolId))
		.orderBy(desc(table.schoolYear.startsOn))
		.all();
}

/** A year after the current one that has not taken effect yet. */
function stagedOf<Y extends { isCurrent: boolean; startsOn: string }>(years: Y[]): Y | undefined {
	const current = years.find((y) => y.isCurrent);
	return years.find((y) => !y.isCurrent && (!current || y.startsOn > current.startsOn));
}

export function listSchoolYears(viewer: Viewer): SchoolYearInfo[] {
	if (!can(viewer, 'schoolYear.manage')) return [];
	const db = getDb();
	const years = yearsOf(viewer.schoolId, db);
	const staged = stagedOf(years);
	const counts = new Map(
		db
			.select({ yearId: table.group.schoolYearId, n: count() })
			.from(table.group)
			.where(eq(table.group.schoolId, viewer.schoolId))
			.groupBy(table.group.schoolYearId)
			.all()
			.map((r) => [r.yearId, r.n])
	);
	return years.map((y) => ({
		...y,
		status: y.isCurrent ? 'current' : y.id === staged?.id ? 'staged' : 'past',
		groupCount: counts.get(y.id) ?? 0
	}));
}

/** The staged year of the viewer's school, for the import and the groups pages. */
export function getStagedSchoolYear(
	viewer: Viewer
): { id: number; name: string; startsOn: string } | undefined {
	if (!can(viewer, 'people.manage') && !can(viewer, 'schoolYear.manage')) return undefined;
	const staged = stagedOf(yearsOf(viewer.schoolId, getDb()));
	return staged && { id: staged.id, name: staged.name, startsOn: staged.startsOn };
}

/** The current year's name and the staged year, if any: what an import can be for. */
export function getYearNames(viewer: Viewer): {
	current: string | null;
	staged: { id: number; name: string; startsOn: string } | null;
} {
	if (!can(viewer, 'people.manage')) return { current: null, staged: null };
	const years = yearsOf(viewer.schoolId, getDb());
	const staged = stagedOf(years);
	return {
		current: years.find((y) => y.isCurrent)?.name ?? null,
		staged: staged ? { id: staged.id, name: staged.name, startsOn: staged.startsOn } : null
	};
}

export type StageYearResult =
	| { ok: true; id: number; active: boolean }
	| { ok: false; field: 'name' | 'startsOn' | 'endsOn' | '_form'; problem: string };

export function stageSchoolYear(
	viewer: Viewer,
	input: { name: string; startsOn: string; endsOn: string },
	now = new Date()
): StageYearResult | undefined {
	if (!can(viewer, 'schoolYear.manage')) return undefined;
	if (input.endsOn <= input.startsOn) return { ok: false, field: 'endsOn', problem: 'end_before_start' };
	const db = getDb();
	const result = db.transaction((tx): StageYearResult => {
		const years = yearsOf(viewer.schoolId, tx as unknown as Db);
		if (years.some((y) => y.name === input.name)) return { ok: false, field: 'name', problem: 'name_taken' };
		if (stagedOf(years)) return { ok: false, field: '_form', problem: 'staged_exists' };
		const current = years.find((y) => y.isCurrent);
		if (current && input.startsOn <= current.startsOn)
			return { ok: false, field: 'startsOn', problem: 'before_current' };
		const created = tx
			.insert(table.schoolYear)
			.values({ schoolId: viewer.schoolId, ...input, isCurrent: false })
			.returning({ id: table.schoolYear.id })
			.get();
		recordAudit(viewer, {
			action: 'schoolYear.stage',
			detail: JSON.stringify({ name: input.name, startsOn: input.startsOn })
		});
		return { ok: true, id: created.id, active: false };
	});
	if (!result.ok) return result;
	// A start date that has already come takes effect now, as the timer would at its next run.
	const active = activateDueSchoolYears(now).includes(result.id);
	return { ...result, active };
}

/** Makes the year current: the old year's open groups close, the new year's groups open. */
function activate(tx: Db, schoolId: number, yearId: number, now: Date): number {
	const closed = tx
		.update(table.group)
		.set({ closedAt: now })
		.where(
			and(
				eq(table.group.schoolId, schoolId),
				ne(table.group.schoolYearId, yearId),
				isNull(table.group.closedAt)
			)
		)
		.returning({ id: table.group.id })
		.all();
	tx.update(table.group)
		.set({ closedAt: null })
		.where(and(eq(table.group.schoolYearId, yearId), isNotNull(table.group.closedAt)))
		.run();
	tx.update(table.schoolYear).set({ isCurrent: false }).where(eq(table.schoolYear.schoolId, schoolId)).run();
	tx.update(table.schoolYear).set({ isCurrent: true }).where(eq(table.schoolYear.id, yearId)).run();
	return closed.length;
}

/** Every staged year whose start date has come takes effect; run at start-up and by the hourly timer. */
export function activateDueSchoolYears(now = new Date(), db: Db = getDb()): number[] {
	const today = amsterdamToday(now);
	const due = db
		.select({ id: table.schoolYear.id, schoolId: table.schoolYear.schoolId, name: table.schoolYear.name })
		.from(table.schoolYear)
		.where(and(eq(table.schoolYear.isCurrent, false), lte(table.schoolYear.startsOn, today)))
		.all();
	const started: number[] = [];
	for (const year of due) {
		db.transaction((tx) => {
			const staged = stagedOf(yearsOf(year.schoolId, tx as unknown as Db));
			if (staged?.id !== year.id) return;
			const closedGroups = activate(tx as unknown as Db, year.schoolId, year.id, now);
			tx.insert(table.auditEvent)
				.values({
					schoolId: year.schoolId,
					actorId: null,
					action: 'schoolYear.start',
					detail: JSON.stringify({ name: year.name, closedGroups })
				})
				.run();
			started.push(year.id);
		});
	}
	return started;
}

export type StartEarlyResult =
	{ ok: true; name: string; closedGroups: number } | { ok: false; field: 'confirm' | '_form' };

/** Before its start date, only with the year's name typed and a reason, both kept in the audit trail. */
export function startSchoolYearEarly(
	viewer: Viewer,
	yearId: number,
	input: { confirm: string; reason: string },
	now = new Date()
): StartEarlyResult | undefined {
	if (!can(viewer, 'schoolYear.manage')) return undefined;
	const db = getDb();
	return db.transaction((tx): StartEarlyResult | undefined => {
		const staged = stagedOf(yearsOf(viewer.schoolId, tx as unknown as Db));
		if (!staged || staged.id !== yearId) return undefined;
		if (input.confirm.trim() !== staged.name) return { ok: false, field: 'confirm' };
		const closedGroups = activate(tx as unknown as Db, viewer.schoolId, staged.id, now);
		recordAudit(viewer, {
			action: 'schoolYear.start',
			detail: JSON.stringify({ name: staged.name, closedGroups, early: true, reason: input.reason })
		});
		return { ok: true, name: staged.name, closedGroups };
	});
}

export function getRetentionYears(viewer: Viewer): number | undefined {
	if (!can(viewer, 'schoolYear.manage')) return undefined;
	return getDb()
		.select({ years: table.school.retentionYears })
		.from(table.school)
		.where(eq(table.school.id, viewer.schoolId))
		.get()?.years;
}

/** How long a student's file is kept after they left; used by `koers retention`. */
export function setRetentionYears(viewer: Viewer, years: number): boolean {
	if (!can(viewer, 'schoolYear.manage')) return false;
	getDb()
		.update(table.school)
		.set({ retentionYears: years })
		.where(eq(table.school.id, viewer.schoolId))
		.run();
	recordAudit(viewer, { action: 'user.update', detail: JSON.stringify({ retentionYears: years }) });
	return true;
}
