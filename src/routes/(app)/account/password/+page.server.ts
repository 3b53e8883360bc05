import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { changePassword } from '$lib/server/accounts';
import { homePath } from '$lib/server/access';
import { invalid, parseForm } from '$lib/server/forms';
import { newPasswordSchema } from '$lib/schemas/auth';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ locals }) => {
	requireUser();
	return { forced: locals.user?.mustChangePassword ?? false };
};

export const actions: Actions = {
	default: async ({ request }) => {
		const viewer = requireUser();
		const parsed = await parseForm(request, newPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await changePassword(viewer, parsed.data);
		if (!result.ok) return invalid(parsed.values, { currentPassword: m.password_wrong_current() });
		redirect(303, `${homePath(viewer)}?changed=password`);
	}
};
