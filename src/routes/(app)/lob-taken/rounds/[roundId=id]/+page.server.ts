import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid } from '$lib/server/forms';
import { STAFF_ROLES } from '$lib/roles';
import { getMyGrid, submitMyView } from '$lib/server/matrix/respond';
import { m } from '$lib/paraglide/messages';

// A respondent's own grid: only for someone invited to this round; anyone else sees a missing page.
export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole(...STAFF_ROLES);
	const grid = getMyGrid(viewer, Number(params.roundId));
	if (!grid) error(404, 'Not found');
	return { grid };
};

export const actions: Actions = {
	submit: ({ params }) => {
		const viewer = requireRole(...STAFF_ROLES);
		const result = submitMyView(viewer, Number(params.roundId));
		if (result === 'notFound') error(404, 'Not found');
		if (result === 'closed') return invalid({}, {}, m.mx_closed_error());
		return { submitted: true };
	}
};
