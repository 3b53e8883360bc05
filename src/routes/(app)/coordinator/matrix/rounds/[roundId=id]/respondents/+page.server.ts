import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm, type FormValues } from '$lib/server/forms';
import { listActors } from '$lib/server/matrix/lists';
import { listStaff } from '$lib/server/matrix/staff';
import {
	inviteRespondent,
	listRespondents,
	remindRespondent,
	removeRespondent,
	type InviteResult
} from '$lib/server/matrix/respond';
import { getRound } from '$lib/server/matrix/rounds';
import { inviteSchema, respondentSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	const respondents = listRespondents(viewer, round.id);
	const invited = new Set(respondents.map((r) => r.userId));
	const asked = Number(url.searchParams.get('remove'));
	return {
		closed: round.status === 'closed',
		respondents,
		// ?remove=<id>: the step that says what removing does, before it happens (works without JavaScript).
		removing: respondents.find((r) => r.id === asked) ?? null,
		staff: listStaff(viewer).filter((s) => !invited.has(s.id)),
		actors: listActors(viewer).map((a) => ({ id: a.id, name: a.name }))
	};
};

function answer<T extends object>(result: InviteResult, values: FormValues, done: T) {
	if (result === 'notFound') error(404, 'Not found');
	if (result === 'closed') return invalid(values, {}, m.mx_closed_error());
	return done;
}

export const actions: Actions = {
	invite: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, inviteSchema);
		if (!parsed.ok) return parsed.failure;
		const { userId, actorId } = parsed.data;
		return answer(inviteRespondent(viewer, Number(params.roundId), userId, actorId), parsed.values, {
			invited: true
		});
	},
	remind: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, respondentSchema);
		if (!parsed.ok) return parsed.failure;
		const result = remindRespondent(viewer, Number(params.roundId), parsed.data.id);
		return answer(result, parsed.values, { reminded: true });
	},
	remove: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, respondentSchema);
		if (!parsed.ok) return parsed.failure;
		const result = removeRespondent(viewer, Number(params.roundId), parsed.data.id);
		return answer(result, parsed.values, { removed: true });
	}
};
