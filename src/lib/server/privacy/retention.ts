// The retention page: the admin sees which students' retention period after leaving has passed, with
// what erasing them removes, and erases the ones they choose. `koers retention --apply` stays for cron.
import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import { can, studentScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { recordAuditMany } from './audit';
import { eraseRows, removeFiles, summarise, type ErasureSummary } from './erasure';

/** The viewer's school's students whose retention period has passed, oldest departure first. */
export function listDueStudents(viewer: Viewer, now = new Date()): ErasureSummary[] {
	if (!can(viewer, 'student.erase')) return [];
	const rows = getDb()
		.select({
			id: core.user.id,
			givenName: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			studentNumber: core.user.studentNumber,
			leftAt: core.user.leftAt
		})
		.from(core.user)
		.innerJoin(core.school, eq(core.school.id, core.user.schoolId))
		.where(
			and(
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'student.erase', core.user.id),
				isNotNull(core.user.leftAt),
				lte(core.user.leftAt, sql`(${now.getTime()} - ${core.school.retentionYears} * 365.25 * 86400000)`),
				sql`not exists (select 1 from ${core.userRole} where ${core.userRole.userId} = ${core.user.id} and ${core.userRole.role} != 'student')`
			)
		)
		.orderBy(core.user.leftAt)
		.all();
	const counts = summarise(rows.map((r) => r.id));
	return rows.map((s) => ({
		studentId: s.id,
		name: [s.givenName, s.prefix, s.familyName].filter(Boolean).join(' '),
		studentNumber: s.studentNumber,
		leftAt: s.leftAt,
		counts: counts.get(s.id)!
	}));
}

/** Erases the chosen students that are due; ids that are not (any more) due are left alone. */
export function eraseDueStudents(viewer: Viewer, ids: number[], now = new Date()): number {
	const wanted = new Set(ids);
	const due = listDueStudents(viewer, now).filter((s) => wanted.has(s.studentId));
	if (!due.length) return 0;
	const keys = getDb().transaction(() => {
		const removed = eraseRows(due.map((d) => d.studentId));
		recordAuditMany(
			viewer,
			due.map(() => ({
				action: 'user.erase' as const,
				subjectId: null,
				detail: JSON.stringify({ retention: true })
			}))
		);
		return removed;
	});
	removeFiles(keys);
	return due.length;
}
