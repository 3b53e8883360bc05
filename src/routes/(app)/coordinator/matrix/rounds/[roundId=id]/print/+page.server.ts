import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getAnalysis, refsOf } from '$lib/server/matrix/report';
import { listActions } from '$lib/server/matrix/actions';
import { listSpreads } from '$lib/server/matrix/views';
import { ratingsDiffer } from '$lib/matrix-code';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const found = getAnalysis(viewer, Number(params.roundId));
	if (!found) error(404, 'Not found');
	const { tasks, actors } = refsOf(found);
	const taskName = new Map(tasks.map((t) => [t.id, t.name]));
	const actorName = new Map(actors.map((a) => [a.id, a.name]));
	const spreads = [...listSpreads(viewer, found.round.id)];
	return {
		roundId: found.round.id,
		roundName: found.round.name,
		tasks,
		actors,
		cells: found.cells.map(({ taskId, actorId, part, rating }) => ({ taskId, actorId, part, rating })),
		roleSplits: spreads.filter(([, s]) => s.roleDiffers).map(([k]) => k),
		ratingSplits: spreads.filter(([, s]) => ratingsDiffer(s)).map(([k]) => k),
		// The agreed "hoe" and "gewenste situatie" texts, under the grid.
		notes: found.cells
			.filter((c) => (c.how || c.wish) && taskName.has(c.taskId) && actorName.has(c.actorId))
			.map((c) => ({
				key: `${c.taskId}:${c.actorId}`,
				task: taskName.get(c.taskId) ?? '',
				actor: actorName.get(c.actorId) ?? '',
				how: c.how,
				wish: c.wish
			})),
		analysis: found.analysis,
		actions: listActions(viewer, found.round.id).map((a) => ({ ...a, task: taskName.get(a.taskId) ?? '' }))
	};
};
