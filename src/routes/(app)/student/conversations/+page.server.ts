import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listConversations } from '$lib/server/dialog/conversations';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { conversations: listConversations(viewer) };
};
