import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { createRound, listRounds } from '$lib/server/matrix/rounds';
import { roundSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('coordinator');
	return { rounds: listRounds(viewer), deleted: url.searchParams.has('deleted') };
};

export const actions: Actions = {
	create: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundSchema);
		if (!parsed.ok) return parsed.failure;
		const made = createRound(viewer, parsed.data.name);
		if (made.ok) redirect(303, `/coordinator/matrix/rounds/${made.id}`);
		if (made.reason === 'openExists')
			return invalid(parsed.values, {}, m.mx_round_open_exists({ name: made.open }));
		return invalid(parsed.values, { name: m.mx_round_name_taken() });
	}
};
