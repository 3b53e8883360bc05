import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getPlannedActivity, listPlannedActivities } from '$lib/server/school/activities';
import { invalid, parseForm } from '$lib/server/forms';
import { ownActivitySchema, plannedActivitySchema } from '$lib/schemas/reflections';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { planned: listPlannedActivities(viewer) };
};

// Nothing is made here: the editor opens empty and its first word makes the reflection (issue 19, item 15).
export const actions: Actions = {
	planned: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, plannedActivitySchema);
		if (!parsed.ok) return parsed.failure;
		if (!getPlannedActivity(viewer, parsed.data.activityId))
			return invalid(parsed.values, {}, m.refl_activity_missing());
		redirect(303, `/student/reflections/new/write?activity=${parsed.data.activityId}`);
	},
	own: async ({ request }) => {
		requireRole('student');
		const parsed = await parseForm(request, ownActivitySchema);
		if (!parsed.ok) return parsed.failure;
		const { activityType, activityDate, activityPlace, title } = parsed.data;
		const query = new URLSearchParams({ type: activityType });
		if (activityDate) query.set('date', activityDate);
		if (activityPlace) query.set('place', activityPlace);
		if (title) query.set('title', title);
		redirect(303, `/student/reflections/new/write?${query}`);
	}
};
