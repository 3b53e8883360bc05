import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { eraseDueStudents, listDueStudents } from '$lib/server/privacy/retention';
import { getRetentionYears } from '$lib/server/school/school-years';
import { retentionEraseSchema } from '$lib/schemas/school';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	return { due: listDueStudents(viewer), retentionYears: getRetentionYears(viewer) ?? 2 };
};

export const actions: Actions = {
	erase: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, retentionEraseSchema);
		if (!parsed.ok) return parsed.failure;
		const { ids, confirm } = parsed.data;
		// The number typed must match the number ticked: erasing cannot be undone.
		if (confirm.trim() !== String(ids.length))
			return fail(400, {
				values: { ...parsed.values, confirm: '' },
				errors: { confirm: m.ret_confirm_wrong({ count: ids.length }) }
			});
		const erased = eraseDueStudents(viewer, ids);
		if (erased === 0) error(404, 'Not found');
		return { erased };
	}
};
