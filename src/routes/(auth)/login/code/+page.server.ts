import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { redeemLoginCode } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { loginCodeSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	publicRoute();
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
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
		// A fresh token on every login; the one the browser came with (if any) ends (no session fixation).
		startSession(cookies, result.userId, {
			userAgent: request.headers.get('user-agent') ?? '',
			secure: url.protocol === 'https:',
			replaces: locals.session?.id
		});
		redirect(303, '/account/password');
	}
};
