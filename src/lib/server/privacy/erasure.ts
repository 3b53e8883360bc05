// The end of a student's file: erasure by an admin (with a confirmation that names what goes), and the
// retention rule (default: 2 years after leaving) that the operator applies with `koers retention`.
import { and, count, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { rmSync } from 'node:fs';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { studentScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { recordAudit } from './audit';
import { storedFilePath } from '../portfolio/attachments';
import { logger } from '../ops/logger';
import { fullName } from '$lib/names';

export interface ErasureSummary {
	studentId: number;
	name: string;
	studentNumber: string | null;
	leftAt: Date | null;
	counts: { reflections: number; attachments: number; goals: number; ratings: number; auditEntries: number };
}

export function summarise(studentIds: number[]): Map<number, ErasureSummary['counts']> {
	const db = getDb();
	const tally = <T extends { studentId: number | null; n: number }>(rows: T[]) =>
		new Map(rows.map((r) => [r.studentId ?? 0, r.n]));
	const byStudent = (
		t:
			| typeof portfolio.reflection
			| typeof portfolio.attachment
			| typeof portfolio.goal
			| typeof portfolio.selfRating
	) =>
		tally(
			db
				.select({ studentId: t.studentId, n: count() })
				.from(t)
				.where(inArray(t.studentId, studentIds))
				.groupBy(t.studentId)
				.all()
		);
	const reflections = byStudent(portfolio.reflection);
	const attachments = byStudent(portfolio.attachment);
	const goals = byStudent(portfolio.goal);
	const ratings = byStudent(portfolio.selfRating);
	const audit = tally(
		db
			.select({ studentId: core.auditEvent.subjectId, n: count() })
			.from(core.auditEvent)
			.where(inArray(core.auditEvent.subjectId, studentIds))
			.groupBy(core.auditEvent.subjectId)
			.all()
	);
	return new Map(
		studentIds.map((id) => [
			id,
			{
				reflections: reflections.get(id) ?? 0,
				attachments: attachments.get(id) ?? 0,
				goals: goals.get(id) ?? 0,
				ratings: ratings.get(id) ?? 0,
				auditEntries: audit.get(id) ?? 0
			}
		])
	);
}

/** What erasing this student removes; undefined when the viewer may not erase them (or it is no student). */
export function describeErasure(viewer: Viewer, studentId: number): ErasureSummary | undefined {
	const s = getDb()
		.select({
			id: core.user.id,
			givenName: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			studentNumber: core.user.studentNumber,
			leftAt: core.user.leftAt
		})
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'student.erase', core.user.id),
				// Staff are deactivated, never erased here: an admin account is not a student file.
				sql`not exists (select 1 from ${core.userRole} where ${core.userRole.userId} = ${core.user.id} and ${core.userRole.role} != 'student')`
			)
		)
		.get();
	if (!s) return undefined;
	return {
		studentId: s.id,
		name: fullName({ ...s, familyNamePrefix: s.prefix }),
		studentNumber: s.studentNumber,
		leftAt: s.leftAt,
		counts: summarise([s.id]).get(s.id)!
	};
}

export function eraseRows(studentIds: number[]): string[] {
	const db = getDb();
	const keys = db
		.select({ key: portfolio.attachment.storageKey })
		.from(portfolio.attachment)
		.where(inArray(portfolio.attachment.studentId, studentIds))
		.all()
		.map((r) => r.key);
	// Every table refers to the user with ON DELETE CASCADE: one delete takes the whole file with it.
	db.delete(core.user).where(inArray(core.user.id, studentIds)).run();
	return keys;
}

export function removeFiles(keys: string[]): void {
	for (const key of keys) {
		try {
			rmSync(storedFilePath(key), { force: true });
		} catch (err) {
			logger.error({ err, key }, 'could not remove an erased attachment');
		}
	}
}

export function eraseStudent(viewer: Viewer, studentId: number): boolean {
	const summary = describeErasure(viewer, studentId);
	if (!summary) return false;
	const keys = getDb().transaction(() => {
		const removed = eraseRows([studentId]);
		recordAudit(viewer, {
			action: 'user.erase',
			detail: summary.studentNumber ? `leerlingnummer ${summary.studentNumber}` : ''
		});
		return removed;
	});
	removeFiles(keys);
	return true;
}

export interface DueStudent {
	schoolId: number;
	schoolName: string;
	studentId: number;
	studentNumber: string | null;
	leftAt: Date;
}

/** Students whose retention period after leaving has passed, over all schools (operator use). */
export function listDueForErasure(now = new Date()): DueStudent[] {
	return getDb()
		.select({
			schoolId: core.school.id,
			schoolName: core.school.name,
			studentId: core.user.id,
			studentNumber: core.user.studentNumber,
			leftAt: sql<Date>`${core.user.leftAt}`.mapWith(core.user.leftAt)
		})
		.from(core.user)
		.innerJoin(core.school, eq(core.school.id, core.user.schoolId))
		.where(
			and(
				isNotNull(core.user.leftAt),
				lte(core.user.leftAt, sql`(${now.getTime()} - ${core.school.retentionYears} * 365.25 * 86400000)`),
				sql`exists (select 1 from ${core.userRole} where ${core.userRole.userId} = ${core.user.id} and ${core.userRole.role} = 'student')`
			)
		)
		.all();
}

/** Erases what is due; returns how many students went. */
export function applyRetention(now = new Date()): number {
	const due = listDueForErasure(now);
	if (!due.length) return 0;
	const keys = getDb().transaction(() => {
		const removed = eraseRows(due.map((d) => d.studentId));
		getDb()
			.insert(core.auditEvent)
			.values(
				due.map((d) => ({
					schoolId: d.schoolId,
					action: 'user.erase',
					detail: `bewaartermijn verlopen; leerlingnummer ${d.studentNumber ?? '?'}`
				}))
			)
			.run();
		return removed;
	});
	removeFiles(keys);
	return due.length;
}
