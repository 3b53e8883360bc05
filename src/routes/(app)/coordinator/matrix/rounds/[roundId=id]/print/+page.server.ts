import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getAnalysis, listActions } from '$lib/server/matrix/report';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const found = getAnalysis(viewer, Number(params.roundId));
	if (!found) error(404, 'Not found');
	const taskName = new Map(found.tasks.map((t) => [t.id, t.name]));
	return {
		grid: { tasks: found.tasks, actors: found.actors, cells: found.cells },
		roundName: found.round.name,
		analysis: found.analysis,
		actions: listActions(viewer, found.round.id).map((a) => ({ ...a, task: taskName.get(a.taskId) ?? '' }))
	};
};
