import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getDossier } from '$lib/server/portfolio/dossier';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { dossier: getDossier(viewer), now: Date.now() };
};
