import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { feedbackQueuePage } from '$lib/server/mentor/feedback-queue';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('mentor');
	const page = Number(url.searchParams.get('page'));
	return { queue: feedbackQueuePage(viewer, Number.isInteger(page) && page >= 1 ? page : 1) };
};
