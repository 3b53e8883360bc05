import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { describeErasure, eraseStudent } from '$lib/server/privacy/erasure';
import { invalid, parseForm } from '$lib/server/forms';
import { eraseConfirmSchema } from '$lib/schemas/school';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('admin');
	const summary = describeErasure(viewer, Number(params.id));
	if (!summary) error(404, 'Not found');
	return { summary };
};

export const actions: Actions = {
	erase: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const summary = describeErasure(viewer, id);
		if (!summary) error(404, 'Not found');
		const parsed = await parseForm(request, eraseConfirmSchema);
		if (!parsed.ok) return parsed.failure;
		// The confirmation names the student, so the wrong one is not erased by a slip.
		const expected = summary.studentNumber ?? summary.name;
		if (parsed.data.confirm.trim().toLowerCase() !== expected.toLowerCase())
			return invalid(parsed.values, { confirm: m.sch_erase_confirm_wrong({ expected }) });
		if (!eraseStudent(viewer, id)) error(404, 'Not found');
		redirect(303, '/admin?erased=1');
	}
};
