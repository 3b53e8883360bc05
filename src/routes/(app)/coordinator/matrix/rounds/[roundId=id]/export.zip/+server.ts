import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { roundZip } from '$lib/server/matrix/export';

// The round's four CSV files (matrix per cell, grid, answers, actions) in one ZIP.
export const GET: RequestHandler = ({ params }) => {
	const viewer = requireRole('coordinator');
	const made = roundZip(viewer, Number(params.roundId));
	if (!made) error(404, 'Not found');
	return new Response(made.body, {
		headers: {
			'content-type': 'application/zip',
			'content-disposition': `attachment; filename="${made.name}"`,
			'x-content-type-options': 'nosniff',
			'cache-control': 'private, no-store'
		}
	});
};
