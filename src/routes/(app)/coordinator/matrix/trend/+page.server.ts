import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getTrend } from '$lib/server/matrix/trend';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	return { trend: getTrend(viewer) };
};
