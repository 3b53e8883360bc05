import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listMyAudit } from '$lib/server/privacy/audit';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return {
		entries: listMyAudit(viewer).map((e) => ({
			id: e.id,
			action: e.action,
			createdAt: e.createdAt,
			actorName: e.actorName,
			actorRoles: e.actorRoles
		}))
	};
};
