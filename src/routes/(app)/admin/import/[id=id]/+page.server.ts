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
import { applyImport, previewImport } from '$lib/server/import/students';
import {
	getImportBatch,
	listEncodingCandidates,
	setImportEncoding,
	setImportMapping
} from '$lib/server/import/batch';
import { applyStaffImport, previewStaffImport, setStaffChoices } from '$lib/server/import/staff';
import {
	importApplySchema,
	importEncodingSchema,
	importMappingSchema,
	staffChoicesSchema,
	staffMappingSchema
} from '$lib/schemas/import';
import { m } from '$lib/paraglide/messages';

const SHOWN = 200;

function staffPage(viewer: Parameters<typeof previewStaffImport>[0], id: number) {
	const result = previewStaffImport(viewer, id);
	if (!result) error(404, 'Not found');
	const { batch, plan } = result;
	const rows = plan.rows
		.filter((p, i) => p.problems.length > 0 || p.duplicates.length > 0 || i < SHOWN)
		.slice(0, SHOWN * 2);
	return {
		kind: 'staff' as const,
		batch,
		fields: STAFF_FIELDS,
		missing: missingStaffRequired(batch.mapping as StaffMapping) as string[],
		staffPlan: {
			counts: plan.counts,
			errorCount: plan.errorCount,
			undecided: plan.undecided,
			total: plan.rows.length,
			rows
		},
		encodings: listEncodingCandidates(viewer, id) ?? []
	};
}

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('admin');
	const id = Number(params.id);
	if (getImportBatch(viewer, id)?.kind === 'staff') return staffPage(viewer, id);
	const result = previewImport(viewer, id);
	if (!result) error(404, 'Not found');
	const { batch, plan, year } = result;
	const missing: string[] = missingRequired(batch.mapping);
	// Every row with a problem, and the first rows of the rest: a school's file can hold 2,000 students.
	const rows = plan.rows
		.filter((p, i) => p.problems.length > 0 || p.mentorUnknown || i < SHOWN)
		.slice(0, SHOWN * 2);
	return {
		kind: 'students' as const,
		batch,
		stagedYear: year?.staged ? { name: year.name, startsOn: year.startsOn ?? '' } : null,
		fields: IMPORT_FIELDS,
		missing,
		plan: {
			counts: plan.counts,
			errorCount: plan.errorCount,
			leaving: plan.leaving.slice(0, SHOWN),
			newGroups: plan.newGroups,
			total: plan.rows.length,
			rows,
			leaveNeedsConfirmation: plan.leaveNeedsConfirmation
		},
		encodings: listEncodingCandidates(viewer, id) ?? []
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
	encoding: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, importEncodingSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setImportEncoding(viewer, id, parsed.data.encoding)) error(404, 'Not found');
		return { encodingSet: true };
	},
	choose: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, staffChoicesSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setStaffChoices(viewer, id, parsed.data)) error(404, 'Not found');
		return { choicesSaved: true };
	},
	apply: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, importApplySchema);
		if (!parsed.ok) return parsed.failure;
		if (getImportBatch(viewer, id)?.kind === 'staff') {
			const staff = applyStaffImport(viewer, id);
			if (!staff) error(404, 'Not found');
			if (!staff.ok)
				return fail(400, {
					message:
						staff.reason === 'encoding'
							? m.imp_encoding_first()
							: staff.reason === 'choices'
								? m.imp_dup_undecided({ count: 'undecided' in staff ? staff.undecided : 0 })
								: m.form_has_errors()
				});
			return { appliedStaff: staff.counts };
		}
		const result = applyImport(viewer, id, parsed.data.confirmLeft);
		if (!result) error(404, 'Not found');
		if (!result.ok) {
			if (result.reason === 'confirm')
				return fail(400, {
					values: { confirmLeft: parsed.data.confirmLeft ?? '' },
					errors: { confirmLeft: m.imp_leave_confirm_wrong() }
				});
			const message =
				result.reason === 'no_year'
					? m.imp_no_year()
					: result.reason === 'encoding'
						? m.imp_encoding_first()
						: m.form_has_errors();
			return fail(400, { message });
		}
		return { applied: result.counts };
	}
};
