import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listMentorActivities } from '$lib/server/programme/follow';

export const load: PageServerLoad = () => {
	const viewer = requireRole('mentor');
	return { activities: listMentorActivities(viewer) };
};
