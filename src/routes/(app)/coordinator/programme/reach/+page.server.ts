import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listYears, pickYear } from '$lib/server/programme/options';
import { getProgrammeReach } from '$lib/server/programme/reach';
import { REACH_MIN_DEFAULT } from '$lib/programme';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('coordinator');
	const years = listYears(viewer);
	const year = pickYear(years, url.searchParams.get('year'));
	const asked = Number(url.searchParams.get('min'));
	const min = Number.isInteger(asked) && asked >= 1 && asked <= 50 ? asked : REACH_MIN_DEFAULT;
	const reach = year && getProgrammeReach(viewer, year.id, min);
	if (!year || !reach) error(404, 'Not found');
	return { years, year, reach };
};
