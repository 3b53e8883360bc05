import type { Actions, PageServerLoad } from './$types';
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { linkChild } from '$lib/server/parents/invitations';
import { listChildren } from '$lib/server/parents/links';
import { parentCodeSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('parent');
	return {
		children: listChildren(viewer),
		// From the invitation link, when a parent who is already signed in opens it.
		code: url.searchParams.get('code')?.slice(0, 40) ?? ''
	};
};

export const actions: Actions = {
	link: async ({ request, getClientAddress }) => {
		const viewer = requireRole('parent');
		const parsed = await parseForm(request, parentCodeSchema);
		if (!parsed.ok) return parsed.failure;
		const result = linkChild(viewer, parsed.data.code, getClientAddress());
		if (result.ok) {
			const child = listChildren(viewer).at(-1);
			return { linked: child ? m.par_link_done({ name: child.givenName }) : m.par_link_done_plain() };
		}
		if (result.reason === 'throttled')
			return invalid({}, { code: m.login_throttled({ minutes: Math.ceil((result.retryAfter ?? 60) / 60) }) });
		if (result.reason === 'code') return invalid({}, { code: m.par_register_code_failed() });
		error(404, 'Not found');
	}
};
