// Importing students and groups from a school administration export: upload → mapping → preview → apply.
// Apply is one transaction; re-applying the same file changes nothing; students missing from a newer file
// are marked as left, never deleted.
import { and, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';
import { getCurrentSchoolYear } from '../school/schools';
import { recordAudit } from '../privacy/audit';
import type { CsvTable } from './csv';
import { guessMapping, guessStaffMapping, IMPORT_FIELDS, STAFF_FIELDS, type Mapping } from './mapping';
import {
	matchKey,
	planImport,
	toRows,
	type ExistingStudent,
	type ImportPlan,
	type StaffMember
} from './plan';

export type ImportKind = 'students' | 'staff';

export interface ImportBatch {
	id: number;
	kind: ImportKind;
	fileName: string;
	encoding: string;
	delimiter: string;
	headers: string[];
	rowCount: number;
	/** Field → column; the fields depend on the kind (mapping.ts). */
	mapping: Record<string, number>;
	markLeft: boolean;
	createdAt: Date;
	appliedAt: Date | null;
	summary: Record<string, number> | null;
}

export function scoped(viewer: Viewer, id: number) {
	return and(eq(table.importBatch.id, id), eq(table.importBatch.schoolId, viewer.schoolId));
}

export function createImportBatch(
	viewer: Viewer,
	fileName: string,
	csv: CsvTable,
	kind: ImportKind = 'students'
): number | undefined {
	if (!can(viewer, 'people.manage')) return undefined;
	return getDb()
		.insert(table.importBatch)
		.values({
			schoolId: viewer.schoolId,
			createdBy: viewer.userId,
			kind,
			fileName: fileName.slice(0, 200),
			encoding: csv.encoding,
			delimiter: csv.delimiter,
			headers: csv.headers,
			rows: csv.rows,
			mapping: kind === 'staff' ? guessStaffMapping(csv.headers) : guessMapping(csv.headers),
			// Staff missing from a file are not deactivated: nothing to mark.
			markLeft: kind === 'students'
		})
		.returning({ id: table.importBatch.id })
		.get().id;
}

export function listImportBatches(viewer: Viewer): Omit<ImportBatch, 'headers' | 'mapping'>[] {
	if (!can(viewer, 'people.manage')) return [];
	return getDb()
		.select({
			id: table.importBatch.id,
			kind: table.importBatch.kind,
			fileName: table.importBatch.fileName,
			encoding: table.importBatch.encoding,
			delimiter: table.importBatch.delimiter,
			markLeft: table.importBatch.markLeft,
			createdAt: table.importBatch.createdAt,
			appliedAt: table.importBatch.appliedAt,
			summary: table.importBatch.summary,
			rowCount: sql<number>`json_array_length(${table.importBatch.rows})`
		})
		.from(table.importBatch)
		.where(eq(table.importBatch.schoolId, viewer.schoolId))
		.orderBy(desc(table.importBatch.createdAt))
		.limit(20)
		.all();
}

export function loadBatch(viewer: Viewer, id: number) {
	if (!can(viewer, 'people.manage')) return undefined;
	return getDb().select().from(table.importBatch).where(scoped(viewer, id)).get();
}

export function getImportBatch(viewer: Viewer, id: number): ImportBatch | undefined {
	const b = loadBatch(viewer, id);
	if (!b) return undefined;
	return {
		id: b.id,
		kind: b.kind,
		fileName: b.fileName,
		encoding: b.encoding,
		delimiter: b.delimiter,
		headers: b.headers,
		rowCount: b.rows.length,
		mapping: b.mapping,
		markLeft: b.markLeft,
		createdAt: b.createdAt,
		appliedAt: b.appliedAt,
		summary: b.summary ?? null
	};
}

export function setImportMapping(
	viewer: Viewer,
	id: number,
	mapping: Record<string, number>,
	markLeft: boolean
): boolean {
	const b = loadBatch(viewer, id);
	if (!b || b.appliedAt) return false;
	const clean: Record<string, number> = {};
	for (const f of b.kind === 'staff' ? STAFF_FIELDS : IMPORT_FIELDS) {
		const i = (mapping as Record<string, number | undefined>)[f];
		if (i !== undefined && i >= 0 && i < b.headers.length) clean[f] = i;
	}
	getDb()
		.update(table.importBatch)
		.set({ mapping: clean, markLeft: b.kind === 'students' && markLeft })
		.where(scoped(viewer, id))
		.run();
	return true;
}

/** What the school has now, in four queries whatever the size of the file. */
function currentState(viewer: Viewer, db = getDb()) {
	const year = getCurrentSchoolYear(viewer.schoolId, db);
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
				.where(and(eq(table.group.schoolYearId, year.id), isNull(table.group.closedAt)))
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
): { batch: ImportBatch; plan: ImportPlan } | undefined {
	const batch = getImportBatch(viewer, id);
	const raw = loadBatch(viewer, id);
	if (!batch || !raw || raw.kind !== 'students') return undefined;
	const { existing, staff, groups } = currentState(viewer);
	const plan = planImport(
		toRows(raw.rows, batch.mapping as Mapping),
		existing,
		staff,
		groups.map((g) => g.name),
		batch.markLeft
	);
	return { batch, plan };
}

function baseUsername(given: string, prefix: string, family: string): string {
	const plain = (s: string) => matchKey(s).replace(/[^a-z]/g, '');
	return `${plain(given)}.${plain(prefix)}${plain(family)}`.replace(/^\.|\.$/g, '') || 'leerling';
}

export type ApplyResult =
	{ ok: true; counts: ImportPlan['counts'] } | { ok: false; reason: 'errors' | 'applied' | 'no_year' };

export function applyImport(viewer: Viewer, id: number): ApplyResult | undefined {
	const db = getDb();
	return db.transaction((tx) => {
		const raw = loadBatch(viewer, id);
		if (!raw || raw.kind !== 'students') return undefined;
		if (raw.appliedAt) return { ok: false, reason: 'applied' } as const;
		const state = currentState(viewer, tx as unknown as typeof db);
		if (!state.year) return { ok: false, reason: 'no_year' } as const;
		const plan = planImport(
			toRows(raw.rows, raw.mapping as Mapping),
			state.existing,
			state.staff,
			state.groups.map((g) => g.name),
			raw.markLeft
		);
		if (plan.errorCount > 0) return { ok: false, reason: 'errors' } as const;
		const schoolId = viewer.schoolId;
		const now = new Date();
		const groupIds = new Map(state.groups.map((g) => [matchKey(g.name), g.id]));
		for (const g of plan.newGroups) {
			const created = tx
				.insert(table.group)
				.values({ schoolId, schoolYearId: state.year.id, name: g.name, programme: g.programme })
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
				tx.delete(table.groupStudent)
					.where(
						and(
							eq(table.groupStudent.studentId, studentId),
							inArray(table.groupStudent.groupId, currentGroupIds)
						)
					)
					.run();
				tx.insert(table.groupStudent).values({ groupId, studentId, schoolId }).run();
			}
			if (p.mentorId !== null)
				tx.insert(table.groupMentor)
					.values({ groupId, mentorId: p.mentorId, schoolId })
					.onConflictDoNothing()
					.run();
		}
		const leavingIds = plan.leaving.map((l) => l.id);
		if (leavingIds.length) {
			tx.update(table.user)
				.set({ leftAt: now, active: false, updatedAt: now })
				.where(and(inArray(table.user.id, leavingIds), eq(table.user.schoolId, schoolId)))
				.run();
			// Their mentors lose access with the group; the portfolio stays with the student.
			tx.delete(table.groupStudent)
				.where(
					and(
						inArray(table.groupStudent.studentId, leavingIds),
						inArray(table.groupStudent.groupId, currentGroupIds)
					)
				)
				.run();
			tx.delete(table.session).where(inArray(table.session.userId, leavingIds)).run();
		}
		tx.update(table.importBatch)
			.set({ appliedAt: now, summary: plan.counts })
			.where(scoped(viewer, id))
			.run();
		recordAudit(viewer, {
			action: 'import.apply',
			detail: `${raw.fileName}: ${JSON.stringify(plan.counts)}`
		});
		return { ok: true, counts: plan.counts } as const;
	});
}
