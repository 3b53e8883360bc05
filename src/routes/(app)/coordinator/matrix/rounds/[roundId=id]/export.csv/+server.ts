import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { EXPORT_FILES, roundCsv, type ExportFile } from '$lib/server/matrix/export';

// One file of the round for Dutch Excel: ?file=matrix (default, per cell), grid, answers or actions.
export const GET: RequestHandler = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const asked = url.searchParams.get('file') ?? 'matrix';
	if (!EXPORT_FILES.includes(asked as ExportFile)) error(404, 'Not found');
	const made = roundCsv(viewer, Number(params.roundId), asked as ExportFile);
	if (!made) error(404, 'Not found');
	return new Response(made.csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${made.name}"`,
			'cache-control': 'no-store'
		}
	});
};
