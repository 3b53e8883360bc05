import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { checkDatabase } from '$lib/server/ops/health';

// For operators and load balancers: 200 when the database answers, 503 when it does not.
export const GET: RequestHandler = () => {
	publicRoute();
	const ok = checkDatabase();
	return json(
		{ status: ok ? 'ok' : 'unavailable' },
		{ status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } }
	);
};
