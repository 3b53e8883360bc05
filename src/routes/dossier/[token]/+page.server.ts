import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { openShare } from '$lib/server/portfolio/share';

// A student's read-only link for the next school: the secret in the address is the only key (public
// allowlist). Unknown, revoked and expired links look like any missing page. Every opening is counted.
export const load: PageServerLoad = ({ params, setHeaders }) => {
	publicRoute();
	const dossier = openShare(params.token);
	if (!dossier) error(404, 'Not found');
	setHeaders({ 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' });
	return { dossier, token: params.token };
};
