import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { isParentAccount } from '$lib/server/access';
import { registerParent } from '$lib/server/parents/invitations';
import { startSession } from '$lib/server/auth/session';
import { invalid, parseForm } from '$lib/server/forms';
import { parentRegistrationSchema } from '$lib/schemas/parents';
import { m } from '$lib/paraglide/messages';

// Public: a parent has no account yet. Signed in, a parent links the child on /parent instead; anyone else
// (a student, an employee, another school's user) must sign out first, so an invitation never changes them.
export const load: PageServerLoad = ({ locals, url }) => {
	publicRoute();
	const code = url.searchParams.get('code')?.slice(0, 40) ?? '';
	if (locals.user && isParentAccount(locals.user.roles))
		redirect(303, `/parent?code=${encodeURIComponent(code)}`);
	return { code, signedInAs: locals.user ? locals.user.name : null };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		publicRoute();
		if (locals.user) return invalid({}, {}, m.par_register_signed_in({ name: locals.user.name }));
		const parsed = await parseForm(request, parentRegistrationSchema);
		if (!parsed.ok) return parsed.failure;
		const { newPassword, ...rest } = parsed.data;
		const result = await registerParent({ ...rest, password: newPassword }, getClientAddress());
		if (!result.ok) {
			if (result.reason === 'username')
				return invalid(parsed.values, { username: m.par_register_username_taken() });
			const message =
				result.reason === 'throttled'
					? m.login_throttled({ minutes: Math.ceil((result.retryAfter ?? 60) / 60) })
					: m.par_register_code_failed();
			return invalid(parsed.values, { code: message }, message);
		}
		startSession(cookies, result.userId, {
			userAgent: request.headers.get('user-agent') ?? '',
			secure: url.protocol === 'https:',
			replaces: locals.session?.id
		});
		redirect(303, '/parent');
	}
};
