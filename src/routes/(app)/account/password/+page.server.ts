import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { changePassword } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { homePath } from '$lib/server/access';
import { invalid, parseForm } from '$lib/server/forms';
import { newPasswordSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals }) => {
	requireUser();
	return { forced: locals.user?.mustChangePassword ?? false };
};

export const actions: Actions = {
	default: async ({ request, cookies, url }) => {
		const viewer = requireUser();
		const parsed = await parseForm(request, newPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await changePassword(viewer, parsed.data);
		if (!result.ok) return invalid(parsed.values, { currentPassword: m.password_wrong_current() });
		// Every other session ended in changePassword; this one is renewed too: a new token after a change
		// of credentials, so a token copied before the change is worth nothing.
		startSession(cookies, viewer.userId, {
			userAgent: request.headers.get('user-agent') ?? '',
			secure: url.protocol === 'https:',
			replaces: viewer.sessionId
		});
		redirect(303, `${homePath(viewer)}?changed=password`);
	}
};
