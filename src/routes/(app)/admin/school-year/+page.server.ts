import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import {
	getRetentionYears,
	listSchoolYears,
	setRetentionYears,
	startSchoolYear
} from '$lib/server/school/school-years';
import { schoolYearFor } from '$lib/server/school/schools';
import { retentionSchema, schoolYearSchema } from '$lib/schemas/school';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	const years = listSchoolYears(viewer);
	// Suggest the year after the current one.
	const current = years.find((y) => y.isCurrent);
	const next = schoolYearFor(
		new Date(`${(current?.endsOn ?? schoolYearFor(new Date()).endsOn).slice(0, 4)}-09-01`)
	);
	return { years, suggestion: next, retentionYears: getRetentionYears(viewer) ?? 2 };
};

export const actions: Actions = {
	retention: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, retentionSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setRetentionYears(viewer, parsed.data.years)) error(404, 'Not found');
		return { retentionSaved: parsed.data.years };
	},
	start: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, schoolYearSchema);
		if (!parsed.ok) return parsed.failure;
		const { confirm: _confirm, ...input } = parsed.data;
		const result = startSchoolYear(viewer, input);
		if (!result) error(404, 'Not found');
		if (!result.ok) {
			const message = result.field === 'name' ? m.sch_year_name_taken() : m.sch_year_end_before_start();
			return invalid(parsed.values, { [result.field]: message });
		}
		return { started: { name: input.name, closedGroups: result.closedGroups } };
	}
};
