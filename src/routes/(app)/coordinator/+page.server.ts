import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getSchoolOverview } from '$lib/server/school/overview';
import { cachedSchoolAggregates } from '$lib/server/school/aggregates';
import { reachRows } from './tables';

// A read-only report: nothing on it needs JavaScript, so none is sent, nor a second copy of the figures for
// hydration.
export const csr = false;

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const overview = getSchoolOverview(viewer);
	const aggregates = cachedSchoolAggregates(viewer);
	if (!overview || !aggregates) error(404, 'Not found');
	return {
		overview: {
			schoolName: overview.schoolName,
			schoolYear: overview.schoolYear,
			students: overview.students,
			mentors: overview.mentors,
			groups: overview.groups
		},
		aggregates: {
			since: aggregates.since,
			feedback: aggregates.feedback,
			conversationsHeld: aggregates.conversationsHeld,
			reach: reachRows(aggregates.groups)
		}
	};
};
