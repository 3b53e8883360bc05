import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getAccount } from '$lib/server/auth/accounts';
import { describeDevice } from '$lib/server/auth/device';
import {
	deleteSessionCookie,
	endUserSession,
	invalidateUserSessions,
	listUserSessions
} from '$lib/server/auth/session';
import { parseForm } from '$lib/server/forms';
import { sessionIdSchema } from '$lib/schemas/auth';
import { fullName } from '$lib/names';

export const load: PageServerLoad = () => {
	const viewer = requireUser();
	const account = getAccount(viewer);
	if (!account) error(404, 'Not found');
	return {
		account: {
			username: account.username,
			name: fullName(account),
			locale: account.locale,
			hasPassword: !!account.hasPassword
		},
		roles: [...viewer.roles],
		// The raw User-Agent stays on the server; the page gets a coarse description.
		sessions: listUserSessions(viewer.userId, viewer.sessionId).map((s) => ({
			id: s.id,
			current: s.current,
			createdAt: s.createdAt.getTime(),
			lastSeenAt: s.lastSeenAt.getTime(),
			device: describeDevice(s.userAgent)
		}))
	};
};

export const actions: Actions = {
	// One session of the viewer's own; someone else's id answers like a missing one.
	endSession: async ({ request, cookies, url }) => {
		const viewer = requireUser();
		const parsed = await parseForm(request, sessionIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!endUserSession(viewer.userId, parsed.data.sessionId)) error(404, 'Not found');
		if (parsed.data.sessionId === viewer.sessionId) {
			deleteSessionCookie(cookies, url.protocol === 'https:');
			redirect(303, '/login');
		}
		return { ended: 'one' as const };
	},
	endOthers: () => {
		const viewer = requireUser();
		invalidateUserSessions(viewer.userId, viewer.sessionId);
		return { ended: 'others' as const };
	}
};
