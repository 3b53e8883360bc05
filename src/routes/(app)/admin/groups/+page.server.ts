import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createGroup, listGroups } from '$lib/server/school/groups';
import { groupSchema } from '$lib/schemas/groups';
import { groupFailure } from '../helpers';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	const { year, groups } = listGroups(viewer);
	return {
		year: year?.name ?? null,
		open: groups.filter((g) => !g.closed),
		closed: groups.filter((g) => g.closed)
	};
};

export const actions: Actions = {
	create: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, groupSchema);
		if (!parsed.ok) return parsed.failure;
		const result = createGroup(viewer, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return groupFailure(parsed.values, result.field, result.problem);
		redirect(303, `/admin/groups/${result.id}?created=1`);
	}
};
