import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { createLoginCode } from '$lib/server/auth/accounts';
import { getPerson } from '$lib/server/school/people';
import { setPersonActive, setTemporaryPassword, updatePerson } from '$lib/server/school/person-changes';
import { personSchema, temporaryPasswordSchema } from '$lib/schemas/people';
import { personFailure } from '../../helpers';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('admin');
	const person = getPerson(viewer, Number(params.id));
	if (!person) error(404, 'Not found');
	return { person };
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, personSchema);
		if (!parsed.ok) return parsed.failure;
		const result = updatePerson(viewer, id, parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok) return personFailure(parsed.values, result.problems);
		return { saved: true };
	},
	deactivate: ({ params }) => {
		const viewer = requireRole('admin');
		const result = setPersonActive(viewer, Number(params.id), false);
		if (!result) error(404, 'Not found');
		if (!result.ok) return personFailure({}, result.problems);
		return { deactivated: true };
	},
	reactivate: ({ params }) => {
		const viewer = requireRole('admin');
		const result = setPersonActive(viewer, Number(params.id), true);
		if (!result) error(404, 'Not found');
		if (!result.ok) return personFailure({}, result.problems);
		return { reactivated: true };
	},
	password: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, temporaryPasswordSchema);
		if (!parsed.ok) return parsed.failure;
		const result = await setTemporaryPassword(viewer, id, parsed.data.password);
		if (!result) error(404, 'Not found');
		if (!result.ok) return personFailure({}, result.problems);
		return { passwordSet: true };
	},
	loginCode: ({ params }) => {
		const viewer = requireRole('admin');
		const created = createLoginCode(viewer, Number(params.id));
		if (!created) error(404, 'Not found');
		return { loginCode: { code: created.code, expiresAt: created.expiresAt.toISOString() } };
	}
};
