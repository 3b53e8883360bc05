import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { createLoginCode } from '$lib/server/auth/accounts';
import { getPerson } from '$lib/server/school/people';
import { setPersonActive, setTemporaryPassword, updatePerson } from '$lib/server/school/person-changes';
import { personSchema, temporaryPasswordSchema } from '$lib/schemas/people';
import { personFailure } from '../../helpers';
import { m } from '$lib/paraglide/messages';
import { MAX_PARENTS } from '$lib/server/parents/invitations';
import {
	createLinkedParent,
	endSchoolLink,
	linkExistingParent,
	listStudentParents,
	newParentCode,
	searchParents,
	type SchoolLinkProblem
} from '$lib/server/parents/school-links';
import { linkIdSchema, newParentSchema, parentIdSchema, parentSearchSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('admin');
	const person = getPerson(viewer, Number(params.id));
	if (!person) error(404, 'Not found');
	const q = parentSearchSchema.parse(url.searchParams.get('parent') ?? '');
	return {
		person,
		// Empty for anyone but a student of the school (parent.link.school).
		parents: listStudentParents(viewer, person.id),
		parentSearch: { q, matches: searchParents(viewer, person.id, q) }
	};
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
	},
	// Parents linked on request (issue 20); the module refuses anyone but a student of the admin's school.
	linkParent: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, parentIdSchema);
		if (!parsed.ok) return parsed.failure;
		const result = linkExistingParent(viewer, Number(params.id), parsed.data.parentId);
		if (!result) error(404, 'Not found');
		if (!result.ok) return invalid({ parentForm: 'link' }, {}, problemText(result.problem));
		return { parentDone: m.par_adm_linked() };
	},
	newParent: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, newParentSchema);
		if (!parsed.ok) return parsed.failure;
		const result = createLinkedParent(viewer, Number(params.id), parsed.data);
		if (!result) error(404, 'Not found');
		if (!result.ok)
			return result.problem === 'usernameTaken'
				? invalid(parsed.values, { parentUsername: m.admin_username_taken() })
				: invalid(parsed.values, {}, problemText(result.problem));
		// Shown once, in this answer only: only the code's hash is stored.
		return { parentCode: { code: result.code, name: result.parentName } };
	},
	parentCode: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, parentIdSchema);
		if (!parsed.ok) return parsed.failure;
		const result = newParentCode(viewer, Number(params.id), parsed.data.parentId);
		if (!result) error(404, 'Not found');
		return { parentCode: { code: result.code, name: result.parentName } };
	},
	endParentLink: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, linkIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!endSchoolLink(viewer, Number(params.id), parsed.data.linkId)) error(404, 'Not found');
		return { parentDone: m.par_adm_ended() };
	}
};

function problemText(problem: SchoolLinkProblem) {
	return problem === 'already' ? m.par_adm_already() : m.par_adm_too_many({ max: MAX_PARENTS });
}
