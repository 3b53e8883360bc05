import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { getAgreedCell, saveAgreedCell } from '$lib/server/matrix-rounds';
import { cellParams, cellSaveAnswer } from '$lib/server/matrix-forms';
import { cellSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const ids = cellParams(params);
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) error(404, 'Not found');
	return {
		closed: found.round.status === 'closed',
		taskName: found.task.name,
		actorName: found.actor.name,
		cell: found.cell,
		back: `/coordinator/matrix/rounds/${ids.roundId}`
	};
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const ids = cellParams(params);
		const parsed = await parseForm(request, cellSchema);
		if (!parsed.ok) return parsed.failure;
		const result = saveAgreedCell(viewer, ids, parsed.data);
		return cellSaveAnswer(
			result,
			parsed.values,
			`/coordinator/matrix/rounds/${ids.roundId}?saved=1#c-${ids.taskId}-${ids.actorId}`
		);
	}
};
