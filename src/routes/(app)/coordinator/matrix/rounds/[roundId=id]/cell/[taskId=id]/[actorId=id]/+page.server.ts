import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { getAgreedCell, saveAgreedCell } from '$lib/server/matrix/cells';
import { listCellViews } from '$lib/server/matrix/views';
import { cellParams, cellSaveAnswer } from '$lib/server/http/matrix-forms';
import { cellSchema } from '$lib/schemas/matrix';

// Opened from the list per task (?view=list), the cell leads back to that list.
const fromList = (url: URL) => url.searchParams.get('view') === 'list';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const ids = cellParams(params);
	const found = getAgreedCell(viewer, ids.roundId, ids.taskId, ids.actorId);
	if (!found) error(404, 'Not found');
	return {
		closed: found.round.status === 'closed',
		taskName: found.task.name,
		actorName: found.actor.name,
		cell: found.cell,
		views: listCellViews(viewer, ids.roundId, ids.taskId, ids.actorId),
		back: `/coordinator/matrix/rounds/${ids.roundId}${fromList(url) ? '?view=list' : ''}`,
		action: fromList(url) ? '?/save&view=list' : '?/save'
	};
};

export const actions: Actions = {
	save: async ({ request, params, url }) => {
		const viewer = requireRole('coordinator');
		const ids = cellParams(params);
		const parsed = await parseForm(request, cellSchema);
		if (!parsed.ok) return parsed.failure;
		const result = saveAgreedCell(viewer, ids, parsed.data);
		return cellSaveAnswer(
			result,
			parsed.values,
			fromList(url)
				? `/coordinator/matrix/rounds/${ids.roundId}?view=list&saved=1#task-${ids.taskId}`
				: `/coordinator/matrix/rounds/${ids.roundId}?saved=1#c-${ids.taskId}-${ids.actorId}`
		);
	}
};
