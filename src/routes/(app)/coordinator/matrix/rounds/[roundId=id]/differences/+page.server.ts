import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listDifferences } from '$lib/server/matrix/respond';
import { agreePart, getGrid } from '$lib/server/matrix/rounds';
import { agreeSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const roundId = Number(params.roundId);
	const grid = getGrid(viewer, roundId);
	if (!grid) error(404, 'Not found');
	const { respondents, splits } = listDifferences(viewer, roundId);
	const task = new Map(grid.tasks.map((t) => [t.id, t.name]));
	const actor = new Map(grid.actors.map((a) => [a.id, a.name]));
	return {
		closed: grid.round.status === 'closed',
		respondents,
		splits: splits
			.map((s) => ({ ...s, task: task.get(s.taskId) ?? '', actor: actor.get(s.actorId) ?? '' }))
			.sort(
				(a, b) =>
					grid.tasks.findIndex((t) => t.id === a.taskId) - grid.tasks.findIndex((t) => t.id === b.taskId)
			)
	};
};

export const actions: Actions = {
	agree: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, agreeSchema);
		if (!parsed.ok) return parsed.failure;
		const { part, ...cell } = parsed.data;
		const result = agreePart(viewer, { roundId: Number(params.roundId), ...cell }, part);
		if (!result.ok && result.reason === 'notFound') error(404, 'Not found');
		if (!result.ok && result.reason === 'closed') return invalid(parsed.values, {}, m.mx_closed_error());
		if (!result.ok) return invalid(parsed.values, {}, m.mx_conflict_title());
		return { agreed: `${cell.taskId}:${cell.actorId}` };
	}
};
