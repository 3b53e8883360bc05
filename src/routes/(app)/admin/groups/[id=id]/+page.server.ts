import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole, type Viewer } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import {
	getGroup,
	setGroupClosed,
	updateGroup,
	type GroupResult,
	type MemberKind
} from '$lib/server/school/groups';
import { addMembers, CANDIDATE_LIMIT, listCandidates, removeMember } from '$lib/server/school/group-members';
import { addMembersSchema, candidateFilterSchema, groupSchema, memberSchema } from '$lib/schemas/groups';
import { groupFailure } from '../../helpers';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('admin');
	const id = Number(params.id);
	const group = getGroup(viewer, id);
	if (!group) error(404, 'Not found');
	const filter = candidateFilterSchema.parse(Object.fromEntries(url.searchParams));
	return {
		group,
		filter,
		limit: CANDIDATE_LIMIT,
		candidates: group.closed
			? null
			: {
					students: listCandidates(viewer, id, 'student', { q: filter.sq, withoutGroup: filter.free }),
					mentors: listCandidates(viewer, id, 'mentor', { q: filter.mq })
				}
	};
};

/** A domain answer as an action result: missing is a 404, a refusal a message (values kept). */
function answer<T extends object>(
	result: GroupResult | undefined,
	values: Record<string, string | string[]>,
	ok: T
) {
	if (!result) error(404, 'Not found');
	if (!result.ok) return groupFailure(values, result.field, result.problem);
	return ok;
}

async function add(viewer: Viewer, request: Request, id: number, kind: MemberKind) {
	const parsed = await parseForm(request, addMembersSchema);
	if (!parsed.ok) return parsed.failure;
	const result = addMembers(viewer, id, kind, parsed.data.userIds);
	return answer(result, parsed.values, { added: { kind, count: parsed.data.userIds.length } });
}

async function remove(viewer: Viewer, request: Request, id: number, kind: MemberKind) {
	const parsed = await parseForm(request, memberSchema);
	if (!parsed.ok) error(404, 'Not found');
	const result = removeMember(viewer, id, kind, parsed.data.userId);
	return answer(result, {}, { removed: result?.ok ? (result.name ?? '') : '' });
}

export const actions: Actions = {
	save: async ({ request, params }) => {
		const viewer = requireRole('admin');
		const id = Number(params.id);
		const parsed = await parseForm(request, groupSchema);
		if (!parsed.ok) return parsed.failure;
		return answer(updateGroup(viewer, id, parsed.data), parsed.values, { saved: true });
	},
	addStudents: ({ request, params }) => {
		const viewer = requireRole('admin');
		return add(viewer, request, Number(params.id), 'student');
	},
	addMentors: ({ request, params }) => {
		const viewer = requireRole('admin');
		return add(viewer, request, Number(params.id), 'mentor');
	},
	removeStudent: ({ request, params }) => {
		const viewer = requireRole('admin');
		return remove(viewer, request, Number(params.id), 'student');
	},
	removeMentor: ({ request, params }) => {
		const viewer = requireRole('admin');
		return remove(viewer, request, Number(params.id), 'mentor');
	},
	close: ({ params }) => {
		const viewer = requireRole('admin');
		return answer(setGroupClosed(viewer, Number(params.id), true), {}, { closedNow: true });
	},
	reopen: ({ params }) => {
		const viewer = requireRole('admin');
		return answer(setGroupClosed(viewer, Number(params.id), false), {}, { reopened: true });
	}
};
