import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import {
	IMPORT_FIELDS,
	missingRequired,
	missingStaffRequired,
	STAFF_FIELDS,
	type StaffMapping
} from '$lib/server/import/mapping';
import { applyImport, getImportBatch, previewImport, setImportMapping } from '$lib/server/import/students';
import { applyStaffImport, previewStaffImport } from '$lib/server/import/staff';
import { importMappingSchema, staffMappingSchema } from '$lib/schemas/import';
import { m } from '$lib/paraglide/messages';

const SHOWN = 200;

function staffPage(viewer: Parameters<typeof previewStaffImport>[0], id: number) {
	const result = previewStaffImport(viewer, id);
	if (!result) error(404, 'Not found');
	const { batch, plan } = result;
	const rows = plan.rows.filter((p, i) => p.problems.length > 0 || i < SHOWN).slice(0, SHOWN * 2);
	return {
		kind: 'staff' as const,
		batch,
		fields: STAFF_FIELDS,
		missing: missingStaffRequired(batch.mapping as StaffMapping) as string[],
		staffPlan: { counts: plan.counts, errorCount: plan.errorCount, total: plan.rows.length, rows }
	};
}

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('admin');
	const id = Number(params.id);
	if (getImportBatch(viewer, id)?.kind === 'staff') return staffPage(viewer, id);
	const result = previewImport(viewer, id);
	if (!result) error(404, 'Not found');
	const { batch, plan } = result;
	const missing: string[] = missingRequired(batch.mapping);
	// Every row with a problem, and the first rows of the rest: a school's file can hold 2,000 students.
	const rows = plan.rows
		.filter((p, i) => p.problems.length > 0 || p.mentorUnknown || i < SHOWN)
		.slice(0, SHOWN * 2);
	return {
		kind: 'students' as const,
		batch,
		fields: IMPORT_FIELDS,
		missing,
		plan: {
			counts: plan.counts,
			errorCount: plan.errorCount,
			leaving: plan.leaving.slice(0, SHOWN),
			newGroups: plan.newGroups,
			total: plan.rows.length,
			rows
		}
	};
};

export const actions: Actions = {
	map: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const staff = getImportBatch(viewer, id)?.kind === 'staff';
		const parsed = await parseForm(request, staff ? staffMappingSchema : importMappingSchema);
		if (!parsed.ok) return parsed.failure;
		const { markLeft, ...columns } = parsed.data as { markLeft?: 'on' } & Record<string, number | undefined>;
		const mapping = Object.fromEntries(
			Object.entries(columns).filter((e): e is [string, number] => e[1] !== undefined && e[1] >= 0)
		);
		if (!setImportMapping(viewer, id, mapping, markLeft === 'on')) error(404, 'Not found');
		return { mapped: true };
	},
	apply: ({ params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		if (getImportBatch(viewer, id)?.kind === 'staff') {
			const staff = applyStaffImport(viewer, id);
			if (!staff) error(404, 'Not found');
			if (!staff.ok) return fail(400, { message: m.form_has_errors() });
			return { appliedStaff: staff.counts };
		}
		const result = applyImport(viewer, id);
		if (!result) error(404, 'Not found');
		if (!result.ok) {
			const message = result.reason === 'no_year' ? m.imp_no_year() : m.form_has_errors();
			return fail(400, { message });
		}
		return { applied: result.counts };
	}
};
