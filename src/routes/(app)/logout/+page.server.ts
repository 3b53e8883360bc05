import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';

export const load: PageServerLoad = () => {
	requireUser();
	redirect(303, '/');
};

export const actions: Actions = {
	default: ({ cookies, url }) => {
		const viewer = requireUser();
		invalidateSession(viewer.sessionId);
		deleteSessionCookie(cookies, url.protocol === 'https:');
		redirect(303, '/login');
	}
};
