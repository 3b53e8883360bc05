import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getOverview } from '$lib/server/portfolio/student-overview';
import { getProgress } from '$lib/server/portfolio/dossier-progress';
import { getSignoff } from '$lib/server/portfolio/signoff';
import { listMyActivities, sendDueReminders } from '$lib/server/programme/student';

export const load: PageServerLoad = ({ locals }) => {
	const viewer = requireRole('student');
	// The day after an activity without a reflection: a reminder, sent when the student comes back here.
	sendDueReminders(viewer);
	return {
		upcoming: listMyActivities(viewer, { upcomingOnly: true, limit: 3 }),
		givenName: locals.user?.name.split(' ')[0] ?? '',
		overview: getOverview(viewer),
		progress: getProgress(viewer) ?? null,
		signoff: getSignoff(viewer),
		now: Date.now()
	};
};
