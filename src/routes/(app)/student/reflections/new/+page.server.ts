import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listPlannedActivities } from '$lib/server/school/activities';
import { createReflection } from '$lib/server/portfolio/reflection-save';
import { invalid, parseForm } from '$lib/server/forms';
import { ownActivitySchema, plannedActivitySchema } from '$lib/schemas/reflections';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { planned: listPlannedActivities(viewer) };
};

export const actions: Actions = {
	planned: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, plannedActivitySchema);
		if (!parsed.ok) return parsed.failure;
		const id = createReflection(viewer, { activityId: parsed.data.activityId });
		if (id === undefined) return invalid(parsed.values, {}, m.refl_activity_missing());
		redirect(303, `/student/reflections/${id}/edit`);
	},
	own: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, ownActivitySchema);
		if (!parsed.ok) return parsed.failure;
		const id = createReflection(viewer, parsed.data);
		if (id === undefined) return invalid(parsed.values, {}, m.error_generic_text());
		redirect(303, `/student/reflections/${id}/edit`);
	}
};
