import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createRound, listRounds } from '$lib/server/matrix/rounds';
import { roundSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	return { rounds: listRounds(viewer) };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundSchema);
		if (!parsed.ok) return parsed.failure;
		const id = createRound(viewer, parsed.data.name);
		redirect(303, `/coordinator/matrix/rounds/${id}`);
	}
};
