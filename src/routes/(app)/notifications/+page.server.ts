import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { listNotifications, markOneRead, markRead } from '$lib/server/dialog/notifications';
import { notificationIdSchema } from '$lib/schemas/dialog';

export const load: PageServerLoad = () => {
	const viewer = requireUser();
	return { items: listNotifications(viewer), isStudent: viewer.roles.includes('student') };
};

export const actions: Actions = {
	read: async ({ request }) => {
		const viewer = requireUser();
		const parsed = await parseForm(request, notificationIdSchema);
		if (!parsed.ok) return parsed.failure;
		// Someone else's notification answers like a missing one.
		if (!markOneRead(viewer, parsed.data.id)) error(404, 'Not found');
		return { marked: true };
	},
	readAll: () => {
		const viewer = requireUser();
		markRead(viewer, 'all');
		return { marked: true };
	}
};
