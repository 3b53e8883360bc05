import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getAnalysis } from '$lib/server/matrix-report';
import { paramId } from '$lib/server/matrix-forms';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const found = getAnalysis(viewer, paramId(params.roundId));
	if (!found) error(404, 'Not found');
	return { roundId: found.round.id, analysis: found.analysis };
};
