import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { addRating, listRatings } from '$lib/server/portfolio/growth';
import { ratingSchema } from '$lib/schemas/growth';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { ratings: listRatings(viewer) };
};

export const actions: Actions = {
	rate: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, ratingSchema);
		if (!parsed.ok) return parsed.failure;
		if (addRating(viewer, parsed.data) === undefined) error(404, 'Not found');
		return { saved: parsed.data.competency };
	}
};
