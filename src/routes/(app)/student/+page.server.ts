import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getOverview } from '$lib/server/portfolio/student-overview';

export const load: PageServerLoad = ({ locals }) => {
	const viewer = requireRole('student');
	return {
		givenName: locals.user?.name.split(' ')[0] ?? '',
		overview: getOverview(viewer),
		now: Date.now()
	};
};
