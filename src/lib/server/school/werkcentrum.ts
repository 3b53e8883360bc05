// The region's Werkcentrum (issue 19, item 18): the admin enters it, mbo students get a link to it beside
// the national tools. No address is guessed: a school without one shows only the national links.
import { and, eq, isNull, like, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { can, canOn } from '../access';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';

export interface Werkcentrum {
	name: string;
	url: string;
}

/** The school's setting, for the admin's form; undefined for anyone else. */
export function getWerkcentrumSetting(viewer: Viewer, db: Db = getDb()): Werkcentrum | undefined {
	if (!can(viewer, 'schoolYear.manage')) return undefined;
	return db
		.select({ name: table.school.werkcentrumName, url: table.school.werkcentrumUrl })
		.from(table.school)
		.where(eq(table.school.id, viewer.schoolId))
		.get();
}

/** Empty name and address: no regional link. */
export function setWerkcentrum(viewer: Viewer, input: Werkcentrum, db: Db = getDb()): boolean {
	if (!can(viewer, 'schoolYear.manage')) return false;
	db.update(table.school)
		.set({ werkcentrumName: input.name, werkcentrumUrl: input.url })
		.where(eq(table.school.id, viewer.schoolId))
		.run();
	return true;
}

/** The link for a student in an open mbo group, when their school has set one; otherwise null. */
export function getStudentWerkcentrum(viewer: Viewer, db: Db = getDb()): Werkcentrum | null {
	if (!canOn(viewer, 'student.home', 'self')) return null;
	const row = db
		.select({ name: table.school.werkcentrumName, url: table.school.werkcentrumUrl })
		.from(table.school)
		.where(
			and(
				eq(table.school.id, viewer.schoolId),
				sql`${table.school.werkcentrumUrl} <> ''`,
				sql`exists ${db
					.select({ one: sql`1` })
					.from(table.groupStudent)
					.innerJoin(table.group, eq(table.group.id, table.groupStudent.groupId))
					.where(
						and(
							eq(table.groupStudent.studentId, viewer.userId),
							eq(table.group.schoolId, viewer.schoolId),
							isNull(table.group.closedAt),
							like(table.group.programme, 'mbo%')
						)
					)}`
			)
		)
		.get();
	// Only an https address reaches a link, whatever is in the column.
	return row && row.url.startsWith('https://') ? row : null;
}
