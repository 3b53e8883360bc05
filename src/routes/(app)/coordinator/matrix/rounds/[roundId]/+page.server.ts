import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { getGrid, setRoundStatus } from '$lib/server/matrix-rounds';
import { listSplitKeys } from '$lib/server/matrix-respond';
import { paramId } from '$lib/server/matrix-forms';
import { roundStatusSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const roundId = paramId(params.roundId);
	const grid = getGrid(viewer, roundId);
	if (!grid) error(404, 'Not found');
	const splits = listSplitKeys(viewer, roundId);
	return { grid, splits };
};

export const actions: Actions = {
	status: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundStatusSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setRoundStatus(viewer, paramId(params.roundId), parsed.data.status)) error(404, 'Not found');
		return { statusChanged: true };
	}
};
