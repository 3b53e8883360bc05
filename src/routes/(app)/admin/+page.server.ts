import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { countPeople } from '$lib/server/school/people';
import { listGroups } from '$lib/server/school/groups';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	const counts = countPeople(viewer);
	if (!counts) error(404, 'Not found');
	const { year, groups } = listGroups(viewer);
	return { counts, year: year?.name ?? null, groups: groups.filter((g) => !g.closed) };
};
