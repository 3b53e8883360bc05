import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { feedbackQueue } from '$lib/server/mentor-overview';

export const load: PageServerLoad = () => {
	const viewer = requireRole('mentor');
	return { queue: feedbackQueue(viewer) };
};
