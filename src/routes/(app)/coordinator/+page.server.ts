import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getSchoolOverview } from '$lib/server/school-overview';
import { cachedSchoolAggregates } from '$lib/server/school-aggregates';
import { COMPETENCY_SLUGS } from '$lib/competencies';

// A read-only report: nothing on it needs JavaScript, so none is sent, and the HTML no longer carries a
// second copy of the figures for hydration (42 KB -> 23 KB).
export const csr = false;

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const overview = getSchoolOverview(viewer);
	const aggregates = cachedSchoolAggregates(viewer);
	if (!overview || !aggregates) error(404, 'Not found');
	// SvelteKit 2 serializes whatever a load returns, csr or not, at a cost per object and key: the rows go
	// out without ids and with the reach counts as an array in COMPETENCY_SLUGS order (a third cheaper).
	return {
		overview: {
			...overview,
			groups: overview.groups.map((g) => ({
				name: g.name,
				programme: g.programme,
				students: g.students,
				mentors: g.mentors
			}))
		},
		aggregates: {
			...aggregates,
			groups: aggregates.groups.map((g) => ({
				name: g.groupName,
				students: g.students,
				reached: COMPETENCY_SLUGS.map((slug) => g.reached[slug]),
				held: g.conversationsHeld
			}))
		}
	};
};
