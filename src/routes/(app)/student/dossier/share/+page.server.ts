import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { createShare, latestExpiry, listShares, revokeShare } from '$lib/server/portfolio/share';
import { amsterdamToday } from '$lib/server/programme/today';
import { shareIdSchema, shareSchema } from '$lib/schemas/dossier';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	const today = amsterdamToday();
	return { shares: listShares(viewer, today), today, latest: latestExpiry(today) };
};

export const actions: Actions = {
	create: async ({ request, url }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, shareSchema);
		if (!parsed.ok) return parsed.failure;
		const result = createShare(viewer, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok && result.reason === 'too_many')
			return invalid(parsed.values, { _form: m.dos_share_too_many() });
		if (!result.ok)
			return invalid(parsed.values, {
				expiresOn: result.reason === 'far' ? m.dos_share_expires_far() : m.dos_share_expires_past()
			});
		// Shown once: only its hash is kept.
		return { link: `${url.origin}/dossier/${result.token}` };
	},
	revoke: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, shareIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!revokeShare(viewer, parsed.data.shareId)) error(404, 'Not found');
		return { revoked: true };
	}
};
