import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createActivity } from '$lib/server/programme/plan';
import { formOptions, listYears, pickYear } from '$lib/server/programme/options';
import { planFailure } from '$lib/server/programme/form';
import { activityFormSchema } from '$lib/schemas/programme';

export const load: PageServerLoad = ({ url, locals }) => {
	const viewer = requireRole('coordinator');
	const year = pickYear(listYears(viewer), url.searchParams.get('year'));
	if (!year) error(404, 'Not found');
	// The decaan organises what they plan, unless they choose someone else.
	return {
		year,
		options: formOptions(viewer, year.id),
		defaults: { organiserId: String(locals.user?.id ?? '') }
	};
};

export const actions: Actions = {
	save: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, activityFormSchema);
		if (!parsed.ok) return parsed.failure;
		const result = createActivity(viewer, parsed.data);
		if (!result.ok) return planFailure(parsed.values, result.errors);
		redirect(
			303,
			`/coordinator/programme?year=${parsed.data.schoolYearId}#m-${parsed.data.date.slice(0, 7)}`
		);
	}
};
