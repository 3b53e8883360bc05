import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm, type FormValues } from '$lib/server/forms';
import {
	deleteRound,
	hasAnswers,
	renameRound,
	setRoundStatus,
	type RoundResult
} from '$lib/server/matrix/rounds';
import { getGridSummary } from '$lib/server/matrix/report';
import { confirmSchema, roundSchema, roundStatusSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

// One view of the matrix per page: the grid (which scrolls on a phone) or, with ?view=list, a list per task.
// A cell opens in a dialog that loads the cell itself, so the grid carries parts and ratings only.
// ?confirm=close and ?confirm=delete show the step that asks first (it works without JavaScript).
export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const roundId = Number(params.roundId);
	const grid = getGridSummary(viewer, roundId);
	if (!grid) error(404, 'Not found');
	const confirm = url.searchParams.get('confirm');
	return {
		view: url.searchParams.get('view') === 'list' ? ('list' as const) : ('grid' as const),
		confirm: confirm === 'close' || confirm === 'delete' ? confirm : null,
		answered: hasAnswers(viewer, roundId),
		...grid
	};
};

function answer(result: RoundResult, values: FormValues, field = 'name') {
	if (result.ok) return null;
	switch (result.reason) {
		case 'notFound':
			error(404, 'Not found');
		// eslint-disable-next-line no-fallthrough -- error() never returns
		case 'duplicate':
			return invalid(values, { [field]: m.mx_round_name_taken() });
		case 'openExists':
			return invalid(values, {}, m.mx_round_open_exists({ name: result.open }));
		case 'answered':
			return invalid(values, {}, m.mx_round_delete_answered());
	}
}

export const actions: Actions = {
	status: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundStatusSchema.extend(confirmSchema.partial().shape));
		if (!parsed.ok) return parsed.failure;
		// Closing is asked first (the ?confirm=close step); a form without the answer goes there.
		if (parsed.data.status === 'closed' && parsed.data.confirm !== 'yes')
			redirect(303, `/coordinator/matrix/rounds/${params.roundId}?confirm=close`);
		const result = setRoundStatus(viewer, Number(params.roundId), parsed.data.status);
		return answer(result, parsed.values) ?? { statusChanged: parsed.data.status };
	},
	rename: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, roundSchema);
		if (!parsed.ok) return parsed.failure;
		return (
			answer(renameRound(viewer, Number(params.roundId), parsed.data.name), parsed.values) ?? {
				renamed: true
			}
		);
	},
	delete: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, confirmSchema);
		if (!parsed.ok) redirect(303, `/coordinator/matrix/rounds/${params.roundId}?confirm=delete`);
		const failed = answer(deleteRound(viewer, Number(params.roundId)), parsed.values);
		if (failed) return failed;
		redirect(303, '/coordinator/matrix?deleted=1');
	}
};
