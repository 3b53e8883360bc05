import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { STAFF_ROLES } from '$lib/roles';
import { getMyAnswer, saveMyAnswer } from '$lib/server/matrix/respond';
import { cellParams, cellSaveAnswer } from '$lib/server/http/matrix-forms';
import { cellSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole(...STAFF_ROLES);
	const ids = cellParams(params);
	const found = getMyAnswer(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) error(404, 'Not found');
	return {
		closed: found.round.status === 'closed',
		taskName: found.task.name,
		actorName: found.actor.name,
		cell: found.cell,
		roundName: found.round.name,
		back: `/lob-taken/rounds/${ids.roundId}`
	};
};

export const actions: Actions = {
	save: async ({ request, params }) => {
		const viewer = requireRole(...STAFF_ROLES);
		const ids = cellParams(params);
		const parsed = await parseForm(request, cellSchema);
		if (!parsed.ok) return parsed.failure;
		const result = saveMyAnswer(viewer, ids, parsed.data);
		return cellSaveAnswer(
			result,
			parsed.values,
			`/lob-taken/rounds/${ids.roundId}?saved=1#c-${ids.taskId}-${ids.actorId}`
		);
	}
};
