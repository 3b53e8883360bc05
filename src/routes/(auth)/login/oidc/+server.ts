import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { OIDC_COOKIE, oidcSettings, startLogin } from '$lib/server/auth/oidc';
import { safeRedirectPath } from '$lib/server/http/redirect';
import { logger } from '$lib/server/ops/logger';

export const GET: RequestHandler = async ({ url, cookies }) => {
	publicRoute();
	const settings = oidcSettings();
	if (!settings) error(404, 'Not found');
	let target: URL;
	try {
		const { url: authUrl, flow } = await startLogin(
			settings,
			new URL('/login/oidc/callback', url).href,
			safeRedirectPath(url.searchParams.get('redirectTo'))
		);
		// The flow's secrets ride along in a short-lived cookie; SameSite=Lax lets it come back on the
		// provider's top-level redirect to the callback.
		cookies.set(OIDC_COOKIE, JSON.stringify(flow), {
			path: '/login/oidc',
			httpOnly: true,
			sameSite: 'lax',
			secure: url.protocol === 'https:',
			maxAge: 600
		});
		target = authUrl;
	} catch (err) {
		logger.error({ err }, 'oidc provider unreachable');
		redirect(303, '/login?sso=failed');
	}
	redirect(303, target.href);
};
