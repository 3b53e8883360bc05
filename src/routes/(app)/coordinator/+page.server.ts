import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getSchoolOverview } from '$lib/server/school-overview';
import { cachedSchoolAggregates } from '$lib/server/school-aggregates';

// A read-only report: nothing on it needs JavaScript, so none is sent. Without hydration SvelteKit also
// skips serializing the figures into the HTML a second time, which was most of this page's server time.
export const csr = false;

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const overview = getSchoolOverview(viewer);
	const aggregates = cachedSchoolAggregates(viewer);
	if (!overview || !aggregates) error(404, 'Not found');
	return { overview, aggregates };
};
