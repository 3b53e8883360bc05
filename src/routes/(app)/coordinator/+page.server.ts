import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getSchoolOverview } from '$lib/server/school-overview';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const overview = getSchoolOverview(viewer);
	if (!overview) error(404, 'Not found');
	return { overview };
};
