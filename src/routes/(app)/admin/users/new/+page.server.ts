import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createPerson } from '$lib/server/school/person-changes';
import { newPersonSchema } from '$lib/schemas/people';
import { personFailure } from '../../helpers';

export const load: PageServerLoad = () => {
	requireRole('admin');
};

export const actions: Actions = {
	default: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, newPersonSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await createPerson(viewer, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return personFailure(parsed.values, result.problems);
		redirect(303, `/admin/users/${result.id}?created=1`);
	}
};
