import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listParentFigures } from '$lib/server/parents/aggregates';

// A read-only table: no JavaScript needed.
export const csr = false;

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const groups = listParentFigures(viewer);
	if (!groups) error(404, 'Not found');
	return { groups };
};
