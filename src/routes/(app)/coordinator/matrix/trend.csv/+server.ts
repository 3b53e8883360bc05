import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { trendCsv } from '$lib/server/matrix/trend';

export const GET: RequestHandler = () => {
	const viewer = requireRole('coordinator');
	return new Response(trendCsv(viewer), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': 'attachment; filename="lob-takenmatrix-trend.csv"',
			'cache-control': 'no-store'
		}
	});
};
