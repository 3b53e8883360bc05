import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { setRoundStatus } from '$lib/server/matrix/rounds';
import { getGridSummary } from '$lib/server/matrix/report';
import { roundStatusSchema } from '$lib/schemas/matrix';

// One view of the matrix per page: the grid (which scrolls on a phone) or, with ?view=list, a list per task.
// A cell opens in a dialog that loads the cell itself, so the grid carries parts and ratings only.
export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const roundId = Number(params.roundId);
	const grid = getGridSummary(viewer, roundId);
	if (!grid) error(404, 'Not found');
	return {
		view: url.searchParams.get('view') === 'list' ? ('list' as const) : ('grid' as const),
		...grid
	};
};

export const actions: Actions = {
	status: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundStatusSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setRoundStatus(viewer, Number(params.roundId), parsed.data.status)) error(404, 'Not found');
		return { statusChanged: true };
	}
};
