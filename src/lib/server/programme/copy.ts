// Copying a school year's programme forward (issue 18): the decaan's usual start of a new year.
import { and, eq } from 'drizzle-orm';
import type { ActivityInput } from '../../schemas/programme';
import type { Viewer } from '../auth/viewer';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { activity } from '../db/schema-portfolio';
import { listYears, plansForSchool } from './options';
import { inputOf, listProgramme, write, type ProgrammeActivity } from './plan';

/** The same day a year later; 29 February becomes 28 February. */
export function nextYearDate(d: string): string {
	const [y, m, day] = d.split('-').map(Number);
	const last = new Date(Date.UTC(y + 1, m, 0)).getUTCDate();
	return `${y + 1}-${String(m).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

/**
 * Copies a year's programme (not what was cancelled) into the next school year, dates a year later and
 * marked to be checked.
 */
export function copyYear(
	viewer: Viewer,
	fromYearId: number,
	toYearId: number,
	db: Db = getDb()
): number | undefined {
	if (!plansForSchool(viewer) || fromYearId === toYearId) return undefined;
	const years = listYears(viewer, db);
	const to = years.find((y) => y.id === toYearId);
	if (!to || !years.some((y) => y.id === fromYearId)) return undefined;
	const source = listProgramme(viewer, fromYearId, {}, db).filter((a) => !a.cancelled && a.date);
	const programmes = new Map(
		db
			.select({ id: core.group.id, programme: core.group.programme })
			.from(core.group)
			.where(and(eq(core.group.schoolId, viewer.schoolId), eq(core.group.schoolYearId, fromYearId)))
			.all()
			.map((g) => [g.id, g.programme])
	);
	const cohortsOf = (a: ProgrammeActivity) => [
		...new Set(a.groups.map((g) => programmes.get(g.id) ?? '').filter(Boolean))
	];
	return db.transaction((tx) => {
		const txDb = tx as unknown as Db;
		for (const a of source) {
			const date = nextYearDate(a.date!);
			const input: ActivityInput = {
				...inputOf(a),
				schoolYearId: to.id,
				date,
				endDate: a.endDate ? nextYearDate(a.endDate) : '',
				// Next year's groups are new; the leerjaren/levels of this year's groups carry over.
				audience: a.audience === 'groups' ? (cohortsOf(a).length ? 'cohorts' : 'school') : a.audience,
				cohorts: a.audience === 'groups' ? cohortsOf(a) : a.cohorts,
				groups: []
			};
			const id = write(viewer, undefined, input, txDb);
			txDb.update(activity).set({ needsCheck: true }).where(eq(activity.id, id)).run();
		}
		return source.length;
	});
}
