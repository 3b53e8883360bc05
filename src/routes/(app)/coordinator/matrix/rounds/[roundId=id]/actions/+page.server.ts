import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listTasks } from '$lib/server/matrix/lists';
import { getRound } from '$lib/server/matrix/rounds';
import { addAction, listActions, setActionStatus, type ActionResult } from '$lib/server/matrix/report';
import { actionSchema, actionStatusSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';
import type { FormValues } from '$lib/server/forms';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	return {
		closed: round.status === 'closed',
		actions: listActions(viewer, round.id),
		tasks: listTasks(viewer, { archived: true }).map((t) => ({
			id: t.id,
			name: t.name,
			archived: t.archived
		}))
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
	status: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actionStatusSchema);
		if (!parsed.ok) return parsed.failure;
		const { id, status } = parsed.data;
		return answer(setActionStatus(viewer, Number(params.roundId), id, status), parsed.values);
	}
};
