import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { publicRoute, requireUser } from '$lib/server/auth/guard';
import { setLocale } from '$lib/server/auth/accounts';
import { localeSchema } from '$lib/schemas/auth';
import { parseForm } from '$lib/server/forms';
import { safeRedirectPath } from '$lib/server/http/redirect';
import { cookieName } from '$lib/paraglide/runtime';

export const load: PageServerLoad = () => {
	publicRoute();
	redirect(303, '/');
};

export const actions: Actions = {
	// Works signed in (the choice is saved on the account) and signed out (a cookie only).
	default: async ({ request, cookies, locals }) => {
		publicRoute();
		const parsed = await parseForm(request, localeSchema);
		if (!parsed.ok) redirect(303, '/');
		const { locale, redirectTo } = parsed.data;
		if (locals.user) setLocale(requireUser(), locale);
		cookies.set(cookieName, locale, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 34560000 });
		redirect(303, safeRedirectPath(redirectTo));
	}
};
