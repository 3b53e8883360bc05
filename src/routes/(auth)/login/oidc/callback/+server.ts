import { error, redirect } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { finishLogin, OIDC_COOKIE, oidcSettings, type FlowState } from '$lib/server/auth/oidc';
import { startSession } from '$lib/server/auth/session';
import { cookieName } from '$lib/paraglide/runtime';

function readFlow(raw: string | undefined): FlowState | null {
	try {
		const v = JSON.parse(raw ?? '') as Partial<FlowState>;
		return v.state && v.nonce && v.verifier
			? { state: v.state, nonce: v.nonce, verifier: v.verifier, redirectTo: v.redirectTo ?? '/' }
			: null;
	} catch {
		return null;
	}
}

export const GET: RequestHandler = async ({ url, cookies, request, locals }) => {
	publicRoute();
	const settings = oidcSettings();
	if (!settings) error(404, 'Not found');
	const flow = readFlow(cookies.get(OIDC_COOKIE));
	cookies.delete(OIDC_COOKIE, { path: '/login/oidc' });
	if (!flow) redirect(303, '/login?sso=failed');
	const result = await finishLogin(settings, url, flow);
	if (!result.ok) redirect(303, `/login?sso=${result.error}`);
	// A fresh token on every login; the one the browser came with (if any) ends (no session fixation).
	startSession(cookies, result.userId, {
		userAgent: request.headers.get('user-agent') ?? '',
		secure: url.protocol === 'https:',
		replaces: locals.session?.id
	});
	cookies.set(cookieName, result.locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 34560000 });
	redirect(303, flow.redirectTo);
};
