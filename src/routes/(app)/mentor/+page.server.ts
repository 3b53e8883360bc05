import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listMentorGroups } from '$lib/server/mentoring';
import { createLoginCode } from '$lib/server/accounts';
import { parseForm } from '$lib/server/forms';
import { studentIdSchema } from '$lib/schemas/people';

export const load: PageServerLoad = () => {
	const viewer = requireRole('mentor');
	return { groups: listMentorGroups(viewer) };
};

export const actions: Actions = {
	loginCode: async ({ request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, studentIdSchema);
		if (!parsed.ok) return parsed.failure;
		const created = createLoginCode(viewer, parsed.data.studentId);
		if (!created) error(404, 'Not found');
		return {
			loginCode: {
				studentId: parsed.data.studentId,
				code: created.code,
				expiresAt: created.expiresAt.toISOString()
			}
		};
	}
};
