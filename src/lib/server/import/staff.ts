// Importing staff accounts from a school administration export: the same upload → mapping → preview →
// apply as students, keyed by e-mail address. One transaction; re-applying the same file changes nothing.
// New accounts have no password: they sign in with single sign-on, or the admin sets a first password.
import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import type { Viewer } from '../auth/viewer';
import { recordAudit } from '../privacy/audit';
import type { StaffMapping } from './mapping';
import { matchKey } from './plan';
import { planStaffImport, toStaffRows, type ExistingAccount, type StaffPlan } from './plan-staff';
import { getImportBatch, loadBatch, scoped, type ImportBatch } from './batch';

/** Every account of the school with its roles, in two queries. */
function accounts(viewer: Viewer, db = getDb()): ExistingAccount[] {
	const users = db
		.select({
			id: table.user.id,
			email: table.user.email,
			givenName: table.user.givenName,
			familyNamePrefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			active: table.user.active
		})
		.from(table.user)
		.where(eq(table.user.schoolId, viewer.schoolId))
		.all();
	const roles = db
		.select({ userId: table.userRole.userId, role: table.userRole.role })
		.from(table.userRole)
		.where(eq(table.userRole.schoolId, viewer.schoolId))
		.all();
	const byUser = new Map<number, string[]>();
	for (const r of roles) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r.role]);
	// Parent accounts are left out: a staff import never matches (and so never promotes) a parent (issue 20).
	return users
		.map((u) => ({ ...u, email: u.email ?? '', roles: byUser.get(u.id) ?? [] }))
		.filter((u) => !u.roles.includes('parent'));
}

export function previewStaffImport(
	viewer: Viewer,
	id: number
): { batch: ImportBatch; plan: StaffPlan } | undefined {
	const batch = getImportBatch(viewer, id);
	const raw = loadBatch(viewer, id);
	if (!batch || !raw || raw.kind !== 'staff') return undefined;
	const plan = planStaffImport(
		toStaffRows(raw.rows, raw.mapping as StaffMapping),
		accounts(viewer),
		raw.choices ?? {}
	);
	return { batch, plan };
}

/** A user name from the address's local part (m.jansen@school.nl → m.jansen), made unique. */
function usernameFrom(email: string, taken: Set<string>): string {
	const base =
		matchKey(email.split('@')[0] ?? '')
			.replace(/[^a-z0-9._-]/g, '')
			.replace(/^[._-]+|[._-]+$/g, '')
			.slice(0, 40) || 'medewerker';
	let name = base;
	for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
	taken.add(name);
	return name;
}

/** The admin's answers for rows whose name matches an account with another address. */
export function setStaffChoices(viewer: Viewer, id: number, choices: Record<string, number>): boolean {
	const b = loadBatch(viewer, id);
	if (!b || b.kind !== 'staff' || b.appliedAt) return false;
	getDb()
		.update(table.importBatch)
		.set({ choices: { ...(b.choices ?? {}), ...choices } })
		.where(scoped(viewer, id))
		.run();
	return true;
}

export type StaffApplyResult =
	| { ok: true; counts: StaffPlan['counts'] }
	| { ok: false; reason: 'errors' | 'applied' | 'encoding' }
	| { ok: false; reason: 'choices'; undecided: number };

export function applyStaffImport(viewer: Viewer, id: number): StaffApplyResult | undefined {
	const db = getDb();
	return db.transaction((tx) => {
		const raw = loadBatch(viewer, id);
		if (!raw || raw.kind !== 'staff') return undefined;
		if (raw.appliedAt) return { ok: false, reason: 'applied' } as const;
		if (!raw.encodingChecked) return { ok: false, reason: 'encoding' } as const;
		const plan = planStaffImport(
			toStaffRows(raw.rows, raw.mapping as StaffMapping),
			accounts(viewer, tx as unknown as typeof db),
			raw.choices ?? {}
		);
		if (plan.errorCount > 0) return { ok: false, reason: 'errors' } as const;
		if (plan.undecided > 0) return { ok: false, reason: 'choices', undecided: plan.undecided } as const;
		const schoolId = viewer.schoolId;
		const now = new Date();
		const taken = new Set(
			tx
				.select({ u: table.user.username })
				.from(table.user)
				.all()
				.map((r) => r.u)
		);
		const reactivate: number[] = [];
		for (const p of plan.rows) {
			const r = p.row;
			let userId = p.existingId;
			if (userId === null) {
				userId = tx
					.insert(table.user)
					.values({
						schoolId,
						username: usernameFrom(r.email, taken),
						givenName: r.givenName,
						familyNamePrefix: r.familyNamePrefix,
						familyName: r.familyName,
						email: r.email
					})
					.returning({ id: table.user.id })
					.get().id;
			} else if (p.actions.includes('update')) {
				tx.update(table.user)
					.set({
						email: r.email,
						givenName: r.givenName,
						familyNamePrefix: r.familyNamePrefix,
						familyName: r.familyName,
						updatedAt: now
					})
					.where(and(eq(table.user.id, userId), eq(table.user.schoolId, schoolId)))
					.run();
			}
			if (p.actions.includes('reactivate')) reactivate.push(userId);
			if (p.actions.includes('create') || p.actions.includes('add_role'))
				tx.insert(table.userRole).values({ userId, schoolId, role: r.role }).onConflictDoNothing().run();
		}
		if (reactivate.length)
			tx.update(table.user)
				.set({ active: true, updatedAt: now })
				.where(and(inArray(table.user.id, reactivate), eq(table.user.schoolId, schoolId)))
				.run();
		tx.update(table.importBatch)
			.set({ appliedAt: now, summary: plan.counts, source: null })
			.where(scoped(viewer, id))
			.run();
		recordAudit(viewer, {
			action: 'import.apply',
			detail: JSON.stringify({ file: raw.fileName, kind: 'staff', counts: plan.counts })
		});
		return { ok: true, counts: plan.counts } as const;
	});
}
