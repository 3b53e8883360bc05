import type { LayoutServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { navAreas } from '$lib/server/access';
import { unreadCount } from '$lib/server/dialog/notifications';

// Not a security boundary (STYLE.md): it only shapes the shell. Every page and action guards itself.
export const load: LayoutServerLoad = ({ locals }) => {
	const viewer = requireUser();
	return {
		me: { name: locals.user?.name ?? '', roles: [...viewer.roles] },
		nav: navAreas(viewer),
		unread: unreadCount(viewer)
	};
};
