// Importing students and groups from a school administration export: upload → mapping → preview → apply.
// Apply is one transaction; re-applying the same file changes nothing; students missing from a newer file
// are marked as left, never deleted.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import type { Viewer } from '../auth/viewer';
import { getCurrentSchoolYear } from '../school/schools';
import { joinGroup, leaveGroups } from '../school/membership';
import { recordAudit, recordAuditMany } from '../privacy/audit';
import type { Mapping } from './mapping';
import { getImportBatch, loadBatch, scoped, type ImportBatch } from './batch';
import {
	matchKey,
	planImport,
	toRows,
	type ExistingStudent,
	type ImportPlan,
	type StaffMember
} from './plan';

/**
 * The year a file is for: the current one, or the staged next year (its groups wait, closed, until the
 * year takes effect; students keep their current groups until then).
 */
function targetYear(viewer: Viewer, yearId: number | null, db: Db) {
	const current = getCurrentSchoolYear(viewer.schoolId, db);
	if (yearId === null || yearId === current?.id) return current && { ...current, staged: false };
	const year = db
		.select({ id: table.schoolYear.id, name: table.schoolYear.name, startsOn: table.schoolYear.startsOn })
		.from(table.schoolYear)
		.where(and(eq(table.schoolYear.id, yearId), eq(table.schoolYear.schoolId, viewer.schoolId)))
		.get();
	return year && { ...year, staged: true };
}

/** What the school has now, in four queries whatever the size of the file. */
function currentState(viewer: Viewer, yearId: number | null, db: Db = getDb()) {
	const year = targetYear(viewer, yearId, db);
	const students = db
		.select({
			id: table.user.id,
			studentNumber: table.user.studentNumber,
			givenName: table.user.givenName,
			familyNamePrefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			email: table.user.email,
			leftAt: table.user.leftAt
		})
		.from(table.user)
		.innerJoin(
			table.userRole,
			and(eq(table.userRole.userId, table.user.id), eq(table.userRole.role, 'student'))
		)
		.where(eq(table.user.schoolId, viewer.schoolId))
		.all();
	const groups = year
		? db
				.select({ id: table.group.id, name: table.group.name })
				.from(table.group)
				.where(
					and(eq(table.group.schoolYearId, year.id), year.staged ? undefined : isNull(table.group.closedAt))
				)
				.all()
		: [];
	const memberships = groups.length
		? db
				.select({ studentId: table.groupStudent.studentId, groupId: table.groupStudent.groupId })
				.from(table.groupStudent)
				.where(
					inArray(
						table.groupStudent.groupId,
						groups.map((g) => g.id)
					)
				)
				.all()
		: [];
	const groupName = new Map(groups.map((g) => [g.id, g.name]));
	const namesOf = new Map<number, string[]>();
	for (const m of memberships)
		namesOf.set(m.studentId, [...(namesOf.get(m.studentId) ?? []), groupName.get(m.groupId) ?? '']);
	const staffRows = db
		.select({
			id: table.user.id,
			username: table.user.username,
			email: table.user.email,
			givenName: table.user.givenName,
			prefix: table.user.familyNamePrefix,
			familyName: table.user.familyName
		})
		.from(table.user)
		.innerJoin(
			table.userRole,
			and(eq(table.userRole.userId, table.user.id), eq(table.userRole.role, 'mentor'))
		)
		.where(and(eq(table.user.schoolId, viewer.schoolId), eq(table.user.active, true)))
		.all();
	const staff: StaffMember[] = staffRows.map((s) => {
		const family = [s.prefix, s.familyName].filter(Boolean).join(' ');
		return {
			id: s.id,
			keys: [
				s.username,
				s.email ?? '',
				`${s.givenName} ${family}`,
				`${family}, ${s.givenName}`,
				`${s.familyName}, ${s.givenName} ${s.prefix}`,
				`${s.givenName[0] ?? ''}. ${family}`,
				`${family}, ${s.givenName[0] ?? ''}.`
			]
				.filter(Boolean)
				.map(matchKey)
		};
	});
	const existing: ExistingStudent[] = students
		.filter((s) => s.studentNumber)
		.map((s) => ({ ...s, studentNumber: s.studentNumber ?? '', groupNames: namesOf.get(s.id) ?? [] }));
	return { year, existing, staff, groups };
}

export function previewImport(
	viewer: Viewer,
	id: number
):
	| {
			batch: ImportBatch;
			plan: ImportPlan;
			year: { name: string; startsOn?: string; staged: boolean } | null;
	  }
	| undefined {
	const batch = getImportBatch(viewer, id);
	const raw = loadBatch(viewer, id);
	if (!batch || !raw || raw.kind !== 'students') return undefined;
	const { existing, staff, groups, year } = currentState(viewer, raw.schoolYearId);
	const plan = planImport(
		toRows(raw.rows, batch.mapping as Mapping),
		existing,
		staff,
		groups.map((g) => g.name),
		// Who leaves is decided for the year that runs, not for one still being prepared.
		batch.markLeft && !year?.staged
	);
	return { batch, plan, year: year ?? null };
}

function baseUsername(given: string, prefix: string, family: string): string {
	const plain = (s: string) => matchKey(s).replace(/[^a-z]/g, '');
	return `${plain(given)}.${plain(prefix)}${plain(family)}`.replace(/^\.|\.$/g, '') || 'leerling';
}

export type ApplyResult =
	| { ok: true; counts: ImportPlan['counts'] }
	| { ok: false; reason: 'errors' | 'applied' | 'no_year' | 'encoding' | 'confirm' };

/** `confirmLeft`: the number of leaving students as the admin typed it, when that number is large. */
export function applyImport(viewer: Viewer, id: number, confirmLeft = ''): ApplyResult | undefined {
	const db = getDb();
	return db.transaction((tx) => {
		const raw = loadBatch(viewer, id);
		if (!raw || raw.kind !== 'students') return undefined;
		if (raw.appliedAt) return { ok: false, reason: 'applied' } as const;
		if (!raw.encodingChecked) return { ok: false, reason: 'encoding' } as const;
		const state = currentState(viewer, raw.schoolYearId, tx as unknown as Db);
		if (!state.year) return { ok: false, reason: 'no_year' } as const;
		const plan = planImport(
			toRows(raw.rows, raw.mapping as Mapping),
			state.existing,
			state.staff,
			state.groups.map((g) => g.name),
			raw.markLeft && !state.year.staged
		);
		if (plan.errorCount > 0) return { ok: false, reason: 'errors' } as const;
		if (plan.leaveNeedsConfirmation && confirmLeft.trim() !== String(plan.leaving.length))
			return { ok: false, reason: 'confirm' } as const;
		const schoolId = viewer.schoolId;
		const now = new Date();
		const groupIds = new Map(state.groups.map((g) => [matchKey(g.name), g.id]));
		for (const g of plan.newGroups) {
			const created = tx
				.insert(table.group)
				.values({
					schoolId,
					schoolYearId: state.year.id,
					name: g.name,
					programme: g.programme,
					closedAt: state.year.staged ? now : null
				})
				.returning({ id: table.group.id })
				.get();
			groupIds.set(matchKey(g.name), created.id);
		}
		const taken = new Set(
			tx
				.select({ u: table.user.username })
				.from(table.user)
				.all()
				.map((r) => r.u)
		);
		const currentGroupIds = [...groupIds.values()];
		const createdIds = new Map<number, number>();
		for (const p of plan.rows) {
			const r = p.row;
			const groupId = groupIds.get(matchKey(r.group));
			if (groupId === undefined) continue;
			let studentId = p.existingId;
			if (studentId === null) {
				const base = baseUsername(r.givenName, r.familyNamePrefix, r.familyName);
				let username = base;
				for (let n = 2; taken.has(username); n++) username = `${base}${n}`;
				taken.add(username);
				studentId = tx
					.insert(table.user)
					.values({
						schoolId,
						username,
						givenName: r.givenName,
						familyNamePrefix: r.familyNamePrefix,
						familyName: r.familyName,
						email: r.email || null,
						studentNumber: r.studentNumber
					})
					.returning({ id: table.user.id })
					.get().id;
				tx.insert(table.userRole).values({ userId: studentId, schoolId, role: 'student' }).run();
				createdIds.set(r.line, studentId);
			} else if (p.actions.includes('update') || p.actions.includes('return')) {
				tx.update(table.user)
					.set({
						givenName: r.givenName,
						familyNamePrefix: r.familyNamePrefix,
						familyName: r.familyName,
						email: r.email || null,
						leftAt: null,
						active: true,
						updatedAt: now
					})
					.where(and(eq(table.user.id, studentId), eq(table.user.schoolId, schoolId)))
					.run();
			}
			if (p.actions.includes('create') || p.actions.includes('move')) {
				const userIds = [studentId];
				leaveGroups(tx, { schoolId, kind: 'student', userIds, groupIds: currentGroupIds });
				joinGroup(tx, { schoolId, groupId, kind: 'student', userIds });
			}
			if (p.mentorId !== null) joinGroup(tx, { schoolId, groupId, kind: 'mentor', userIds: [p.mentorId] });
		}
		const leavingIds = plan.leaving.map((l) => l.id);
		if (leavingIds.length) {
			tx.update(table.user)
				.set({ leftAt: now, active: false, updatedAt: now })
				.where(and(inArray(table.user.id, leavingIds), eq(table.user.schoolId, schoolId)))
				.run();
			// Their mentors lose access with the group; the portfolio stays with the student.
			leaveGroups(tx, { schoolId, kind: 'student', userIds: leavingIds, groupIds: currentGroupIds });
			tx.delete(table.session).where(inArray(table.session.userId, leavingIds)).run();
		}
		tx.update(table.importBatch)
			.set({ appliedAt: now, summary: plan.counts, source: null })
			.where(scoped(viewer, id))
			.run();
		recordAudit(viewer, {
			action: 'import.apply',
			detail: JSON.stringify({ file: raw.fileName, kind: 'students', counts: plan.counts })
		});
		// Each student's own trail says what this import changed for them.
		const file = raw.fileName;
		recordAuditMany(viewer, [
			...plan.rows.flatMap((p) => {
				const subjectId = p.existingId ?? createdIds.get(p.row.line);
				if (subjectId === undefined || p.actions.includes('unchanged')) return [];
				const detail = p.actions.includes('create')
					? { file, created: true, group: p.row.group }
					: { file, returned: p.actions.includes('return'), changes: p.changes };
				return [{ action: 'import.change' as const, subjectId, detail: JSON.stringify(detail) }];
			}),
			...plan.leaving.map((l) => ({
				action: 'import.change' as const,
				subjectId: l.id,
				detail: JSON.stringify({ file, left: true })
			}))
		]);
		return { ok: true, counts: plan.counts } as const;
	});
}
