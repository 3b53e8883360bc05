import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getSchoolOverview } from '$lib/server/school-overview';
import { cachedSchoolAggregates } from '$lib/server/school-aggregates';
import { packReach } from './tables';

// A read-only report: nothing on it needs JavaScript, so none is sent, and the HTML no longer carries a
// second copy of the figures for hydration (42 KB -> 23 KB).
export const csr = false;

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const overview = getSchoolOverview(viewer);
	const aggregates = cachedSchoolAggregates(viewer);
	if (!overview || !aggregates) error(404, 'Not found');
	// SvelteKit 2 serializes whatever a load returns, csr or not, at a cost per object, key and number: the
	// group tables go out as columns, their figures in typed arrays (tables.ts), not as an object per row.
	return {
		overview: {
			schoolName: overview.schoolName,
			schoolYear: overview.schoolYear,
			students: overview.students,
			mentors: overview.mentors,
			groups: {
				names: overview.groups.map((g) => g.name),
				programmes: overview.groups.map((g) => g.programme),
				/** Per group its students and its mentors. */
				counts: Int32Array.from(overview.groups.flatMap((g) => [g.students, g.mentors]))
			}
		},
		aggregates: {
			since: aggregates.since,
			feedback: aggregates.feedback,
			conversationsHeld: aggregates.conversationsHeld,
			groups: packReach(aggregates.groups)
		}
	};
};
