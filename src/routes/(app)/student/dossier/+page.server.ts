import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getDossier } from '$lib/server/portfolio/dossier';
import { PRINT_SECTIONS } from '$lib/portfolio';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('student');
	const dossier = getDossier(viewer);
	if (!dossier) error(404, 'Not found');
	// The student's choice of what goes into the print (a GET form); everything until they choose.
	const asked = url.searchParams.getAll('show');
	const show = url.searchParams.has('choose')
		? PRINT_SECTIONS.filter((s) => asked.includes(s))
		: [...PRINT_SECTIONS];
	return { dossier, show, now: Date.now() };
};
