import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { authenticate } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http/redirect';
import { oidcSettings } from '$lib/server/auth/oidc';

const SSO_ERRORS = ['failed', 'unknown_school', 'no_affiliation', 'inactive'];
import { loginSchema } from '$lib/schemas/auth';
import { cookieName } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals, url }) => {
	publicRoute();
	if (locals.user) redirect(303, safeRedirectPath(url.searchParams.get('redirectTo')));
	const sso = oidcSettings();
	const ssoError = url.searchParams.get('sso');
	return {
		redirectTo: url.searchParams.get('redirectTo') ?? '',
		sso: sso ? { label: sso.label } : null,
		ssoError: ssoError && SSO_ERRORS.includes(ssoError) ? ssoError : null
	};
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		publicRoute();
		const parsed = await parseForm(request, loginSchema);
		if (!parsed.ok) return parsed.failure;
		const { username, password, redirectTo } = parsed.data;
		const result = await authenticate(username, password, getClientAddress());
		if (!result.ok) {
			const message = result.retryAfter
				? m.login_throttled({ minutes: Math.ceil(result.retryAfter / 60) })
				: m.login_failed();
			return invalid(parsed.values, {}, message);
		}
		// A fresh token on every login; the one the browser came with (if any) ends (no session fixation).
		startSession(cookies, result.userId, {
			userAgent: request.headers.get('user-agent') ?? '',
			secure: url.protocol === 'https:',
			replaces: locals.session?.id
		});
		cookies.set(cookieName, result.locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 34560000 });
		redirect(303, safeRedirectPath(redirectTo));
	}
};
