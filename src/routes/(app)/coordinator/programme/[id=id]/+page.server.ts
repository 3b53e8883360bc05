import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import {
	duplicateActivity,
	getEditableActivity,
	setCancelled,
	updateActivity
} from '$lib/server/programme/plan';
import { formOptions, listYears } from '$lib/server/programme/options';
import { formValuesOf, planFailure } from '$lib/server/programme/form';
import { activityFormSchema } from '$lib/schemas/programme';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const activity = getEditableActivity(viewer, Number(params.id));
	const year = listYears(viewer).find((y) => y.id === activity?.schoolYearId);
	if (!activity || !year) error(404, 'Not found');
	return {
		activity: {
			id: activity.id,
			title: activity.title,
			cancelled: activity.cancelled,
			needsCheck: activity.needsCheck
		},
		values: formValuesOf(activity),
		year,
		options: formOptions(viewer, year.id),
		duplicated: url.searchParams.has('duplicated')
	};
};

export const actions: Actions = {
	save: async ({ params, request }) => {
		const viewer = requireRole('coordinator');
		const id = Number(params.id);
		const parsed = await parseForm(request, activityFormSchema);
		if (!parsed.ok) return parsed.failure;
		const result = updateActivity(viewer, id, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return planFailure(parsed.values, result.errors);
		redirect(
			303,
			`/coordinator/programme?year=${parsed.data.schoolYearId}#m-${parsed.data.date.slice(0, 7)}`
		);
	},
	cancel: ({ params }) => {
		const viewer = requireRole('coordinator');
		if (!setCancelled(viewer, Number(params.id), true)) error(404, 'Not found');
		return { cancelled: true };
	},
	restore: ({ params }) => {
		const viewer = requireRole('coordinator');
		if (!setCancelled(viewer, Number(params.id), false)) error(404, 'Not found');
		return { restored: true };
	},
	duplicate: ({ params }) => {
		const viewer = requireRole('coordinator');
		const copy = duplicateActivity(viewer, Number(params.id));
		if (copy === undefined) error(404, 'Not found');
		redirect(303, `/coordinator/programme/${copy}?duplicated=1`);
	}
};
