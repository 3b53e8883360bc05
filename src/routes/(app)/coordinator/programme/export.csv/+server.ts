import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listYears, pickYear } from '$lib/server/programme/options';
import { programmeCsv } from '$lib/server/programme/export';

export const GET: RequestHandler = ({ url }) => {
	const viewer = requireRole('coordinator');
	const year = pickYear(listYears(viewer), url.searchParams.get('year'));
	if (!year) error(404, 'Not found');
	return new Response(programmeCsv(viewer, year.id), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="lob-programma-${year.name}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
