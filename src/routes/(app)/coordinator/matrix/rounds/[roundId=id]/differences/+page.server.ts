import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listDifferences, type Difference } from '$lib/server/matrix/views';
import { getRound } from '$lib/server/matrix/rounds';
import { roundLists } from '$lib/server/matrix/round-lists';
import { agreeCell, undoAgreement, type SaveResult } from '$lib/server/matrix/cells';
import { agreeSchema, cellRefSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';
import type { FormValues } from '$lib/server/forms';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	const { tasks, actors } = roundLists(viewer, round);
	const { respondents, open, settled } = listDifferences(viewer, round.id);
	const order = new Map(tasks.map((t, i) => [t.id, i]));
	const task = new Map(tasks.map((t) => [t.id, t.name]));
	const actor = new Map(actors.map((a) => [a.id, a.name]));
	// Only cells of the round's own lists; in task order.
	const named = (list: Difference[]) =>
		list
			.filter((s) => order.has(s.taskId) && actor.has(s.actorId))
			.sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0))
			.map((s) => ({ ...s, task: task.get(s.taskId) ?? '', actor: actor.get(s.actorId) ?? '' }));
	return { closed: round.status === 'closed', respondents, open: named(open), settled: named(settled) };
};

function answer<T extends object>(
	result: SaveResult | { ok: false; reason: 'notFound' },
	values: FormValues,
	done: T
) {
	if (result.ok) return done;
	if (result.reason === 'notFound') error(404, 'Not found');
	if (result.reason === 'closed') return invalid(values, {}, m.mx_closed_error());
	return invalid(values, {}, m.mx_diff_conflict());
}

export const actions: Actions = {
	agree: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, agreeSchema);
		if (!parsed.ok) return parsed.failure;
		const { taskId, actorId, ...input } = parsed.data;
		const result = agreeCell(viewer, { roundId: Number(params.roundId), taskId, actorId }, input);
		return answer(result, parsed.values, { agreed: `${taskId}:${actorId}` });
	},
	undo: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, cellRefSchema);
		if (!parsed.ok) return parsed.failure;
		const result = undoAgreement(viewer, { roundId: Number(params.roundId), ...parsed.data });
		return answer(result, parsed.values, { undone: true });
	}
};
