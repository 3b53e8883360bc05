import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listActors, listStaff } from '$lib/server/matrix/lists';
import { inviteRespondent, listRespondents } from '$lib/server/matrix/respond';
import { getRound } from '$lib/server/matrix/rounds';
import { inviteSchema } from '$lib/schemas/matrix';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const roundId = Number(params.roundId);
	if (!getRound(viewer, roundId)) error(404, 'Not found');
	const respondents = listRespondents(viewer, roundId);
	const invited = new Set(respondents.map((r) => r.userId));
	return {
		respondents,
		staff: listStaff(viewer).filter((s) => !invited.has(s.id)),
		actors: listActors(viewer).map((a) => ({ id: a.id, name: a.name }))
	};
};

export const actions: Actions = {
	invite: async ({ request, params }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, inviteSchema);
		if (!parsed.ok) return parsed.failure;
		const result = inviteRespondent(viewer, Number(params.roundId), parsed.data.userId, parsed.data.actorId);
		if (result === 'notFound') error(404, 'Not found');
		if (result === 'closed') return invalid(parsed.values, {}, m.mx_closed_error());
		return { invited: true };
	}
};
