import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';

export const load: PageServerLoad = ({ locals }) => {
	requireRole('student');
	return { givenName: locals.user?.name.split(' ')[0] ?? '' };
};
