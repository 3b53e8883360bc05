// School years: a new year closes the groups of the old one. Portfolios stay with the student (they are
// keyed by student, never by group); mentors lose access with the closed group unless they mentor the
// student again in a group of the new year (access.ts looks at open groups only).
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';
import { recordAudit } from '../privacy/audit';

export interface SchoolYearInfo {
	id: number;
	name: string;
	startsOn: string;
	endsOn: string;
	isCurrent: boolean;
	groupCount: number;
}

export function listSchoolYears(viewer: Viewer): SchoolYearInfo[] {
	if (!can(viewer, 'schoolYear.manage')) return [];
	const db = getDb();
	const years = db
		.select({
			id: table.schoolYear.id,
			name: table.schoolYear.name,
			startsOn: table.schoolYear.startsOn,
			endsOn: table.schoolYear.endsOn,
			isCurrent: table.schoolYear.isCurrent
		})
		.from(table.schoolYear)
		.where(eq(table.schoolYear.schoolId, viewer.schoolId))
		.orderBy(desc(table.schoolYear.startsOn))
		.all();
	const counts = new Map(
		db
			.select({ yearId: table.group.schoolYearId, n: count() })
			.from(table.group)
			.where(eq(table.group.schoolId, viewer.schoolId))
			.groupBy(table.group.schoolYearId)
			.all()
			.map((r) => [r.yearId, r.n])
	);
	return years.map((y) => ({ ...y, groupCount: counts.get(y.id) ?? 0 }));
}

export type StartYearResult =
	{ ok: true; id: number; closedGroups: number } | { ok: false; field: 'name' | 'endsOn' };

export function startSchoolYear(
	viewer: Viewer,
	input: { name: string; startsOn: string; endsOn: string }
): StartYearResult | undefined {
	if (!can(viewer, 'schoolYear.manage')) return undefined;
	if (input.endsOn <= input.startsOn) return { ok: false, field: 'endsOn' };
	const db = getDb();
	return db.transaction((tx) => {
		const clash = tx
			.select({ id: table.schoolYear.id })
			.from(table.schoolYear)
			.where(and(eq(table.schoolYear.schoolId, viewer.schoolId), eq(table.schoolYear.name, input.name)))
			.get();
		if (clash) return { ok: false, field: 'name' } as const;
		const now = new Date();
		const closed = tx
			.update(table.group)
			.set({ closedAt: now })
			.where(and(eq(table.group.schoolId, viewer.schoolId), isNull(table.group.closedAt)))
			.returning({ id: table.group.id })
			.all();
		tx.update(table.schoolYear)
			.set({ isCurrent: false })
			.where(eq(table.schoolYear.schoolId, viewer.schoolId))
			.run();
		const created = tx
			.insert(table.schoolYear)
			.values({ schoolId: viewer.schoolId, ...input, isCurrent: true })
			.returning({ id: table.schoolYear.id })
			.get();
		// Same connection, so the audit row is part of this transaction.
		recordAudit(viewer, {
			action: 'schoolYear.start',
			detail: `${input.name}; ${closed.length} groepen gesloten`
		});
		return { ok: true, id: created.id, closedGroups: closed.length } as const;
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
	recordAudit(viewer, { action: 'user.update', detail: `bewaartermijn ${years} jaar` });
	return true;
}
