import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { homePath } from '$lib/server/access';

export const load: PageServerLoad = () => {
	const viewer = requireUser();
	redirect(303, homePath(viewer));
};
