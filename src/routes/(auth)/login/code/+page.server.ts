import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { redeemLoginCode } from '$lib/server/accounts';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { loginCodeSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	publicRoute();
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url }) => {
		publicRoute();
		const parsed = await parseForm(request, loginCodeSchema);
		if (!parsed.ok) return parsed.failure;
		const result = redeemLoginCode(parsed.data.code, getClientAddress());
		if (!result.ok) {
			const message = result.retryAfter
				? m.login_throttled({ minutes: Math.ceil(result.retryAfter / 60) })
				: m.code_failed();
			return invalid({}, { code: message }, message);
		}
		const { token, session } = createSession(result.userId, request.headers.get('user-agent') ?? '');
		setSessionCookie(cookies, token, session.expiresAt, url.protocol === 'https:');
		redirect(303, '/account/password');
	}
};
