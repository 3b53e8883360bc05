import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getRoundAnalysis } from '$lib/server/matrix/report';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const roundId = Number(params.roundId);
	const analysis = getRoundAnalysis(viewer, roundId);
	if (!analysis) error(404, 'Not found');
	return { roundId, analysis };
};
