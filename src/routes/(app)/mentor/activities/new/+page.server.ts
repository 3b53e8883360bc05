import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createActivity } from '$lib/server/programme/plan';
import { formOptions, listYears, pickYear } from '$lib/server/programme/options';
import { planFailure } from '$lib/server/programme/form';
import { activityFormSchema } from '$lib/schemas/programme';

// A mentor plans for their own groups of the current school year only (the same form as the decaan's).
export const load: PageServerLoad = ({ locals }) => {
	const viewer = requireRole('mentor');
	const year = pickYear(listYears(viewer), null);
	if (!year) error(404, 'Not found');
	return {
		year,
		options: formOptions(viewer, year.id),
		defaults: { organiserId: String(locals.user?.id ?? ''), audience: 'groups' }
	};
};

export const actions: Actions = {
	save: async ({ request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, activityFormSchema);
		if (!parsed.ok) return parsed.failure;
		const result = createActivity(viewer, parsed.data);
		if (!result.ok) return planFailure(parsed.values, result.errors);
		redirect(303, `/mentor/activities/${result.id}`);
	}
};
