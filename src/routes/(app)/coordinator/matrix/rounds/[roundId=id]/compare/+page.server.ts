import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getRound, listRounds } from '$lib/server/matrix/rounds';
import { getComparison } from '$lib/server/matrix/report';
import { idSchema } from '$lib/schemas/people';

// ?with= picks the other round; by default the round this one started from.
export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	const others = listRounds(viewer)
		.filter((r) => r.id !== round.id)
		.map((r) => ({ id: r.id, name: r.name }));
	const raw = url.searchParams.get('with');
	const asked = raw ? idSchema.safeParse(raw) : undefined;
	if (asked && !asked.success) error(404, 'Not found');
	const withId = asked ? asked.data : (round.previousRoundId ?? others[0]?.id);
	if (!withId) return { others, withId: null, result: null };
	const found = getComparison(viewer, withId, round.id);
	if (!found || withId === round.id) error(404, 'Not found');
	const task = new Map(found.tasks.map((t) => [t.id, t.name]));
	const actor = new Map(found.actors.map((a) => [a.id, a.name]));
	const name = (c: { taskId: number; actorId: number }) => `${task.get(c.taskId)} – ${actor.get(c.actorId)}`;
	const { comparison: c } = found;
	return {
		others,
		withId,
		result: {
			before: found.before.name,
			after: found.after.name,
			changed: c.changed.map((x) => ({ ...x, name: name(x) })),
			ratingUp: c.ratingUp.map((x) => ({ ...x, name: name(x) })),
			ratingDown: c.ratingDown.map((x) => ({ ...x, name: name(x) })),
			added: c.added.map((t) => t.name),
			removed: c.removed.map((t) => t.name),
			gapsClosed: c.gapsClosed.map((t) => t.name),
			newGaps: c.newGaps.map((t) => t.name)
		}
	};
};
