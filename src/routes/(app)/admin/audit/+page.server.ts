import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { AUDIT_ACTIONS, AUDIT_PAGE_SIZE, searchAudit } from '$lib/server/privacy/audit';
import { auditSearchSchema } from '$lib/schemas/school';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('admin');
	// A GET form: every field is optional and a bad value is dropped rather than refused.
	const search = auditSearchSchema.parse(Object.fromEntries(url.searchParams));
	const found = searchAudit(viewer, search);
	return {
		search,
		actions: AUDIT_ACTIONS,
		entries: found.slice(0, AUDIT_PAGE_SIZE),
		hasMore: found.length > AUDIT_PAGE_SIZE,
		page: search.page ?? 1
	};
};
