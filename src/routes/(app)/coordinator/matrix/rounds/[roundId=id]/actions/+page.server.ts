import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm, type FormValues } from '$lib/server/forms';
import { getRound } from '$lib/server/matrix/rounds';
import { roundLists } from '$lib/server/matrix/round-lists';
import { listStaff } from '$lib/server/matrix/staff';
import {
	addAction,
	deleteAction,
	listActions,
	setActionStatus,
	updateAction,
	type ActionResult
} from '$lib/server/matrix/actions';
import { actionEditSchema, actionSchema, actionStatusSchema, idFormSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

// ?edit=<id> opens one action's form in its row (works without JavaScript).
export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	return {
		closed: round.status === 'closed',
		actions: listActions(viewer, round.id),
		editing: Number(url.searchParams.get('edit')) || null,
		tasks: roundLists(viewer, round).tasks.map((t) => ({ id: t.id, name: t.name })),
		staff: listStaff(viewer)
	};
};

function answer(result: ActionResult, values: FormValues) {
	if (result === 'notFound') error(404, 'Not found');
	if (result === 'closed') return invalid(values, {}, m.mx_closed_error());
	return { actionSaved: true };
}

export const actions: Actions = {
	add: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actionSchema);
		if (!parsed.ok) return parsed.failure;
		return answer(addAction(viewer, Number(params.roundId), parsed.data), parsed.values);
	},
	edit: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actionEditSchema);
		if (!parsed.ok) return parsed.failure;
		const { id, ...input } = parsed.data;
		return answer(updateAction(viewer, Number(params.roundId), id, input), parsed.values);
	},
	delete: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, idFormSchema);
		if (!parsed.ok) return parsed.failure;
		return answer(deleteAction(viewer, Number(params.roundId), parsed.data.id), parsed.values);
	},
	status: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actionStatusSchema);
		if (!parsed.ok) return parsed.failure;
		const { id, status } = parsed.data;
		return answer(setActionStatus(viewer, Number(params.roundId), id, status), parsed.values);
	}
};
