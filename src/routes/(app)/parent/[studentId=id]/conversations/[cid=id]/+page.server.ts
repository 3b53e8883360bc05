import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { requireChild } from '$lib/server/parents/params';
import { addParentAgendaItem, getHomeConversation, PARENT_AGENDA_LIMIT } from '$lib/server/parents/home';
import { pointSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('parent');
	const child = requireChild(viewer, params.studentId);
	const conversation = getHomeConversation(viewer, child.id, Number(params.cid));
	if (!conversation) error(404, 'Not found');
	return { child, conversation, limit: PARENT_AGENDA_LIMIT };
};

export const actions: Actions = {
	point: async ({ params, request }) => {
		const viewer = requireRole('parent');
		const child = requireChild(viewer, params.studentId);
		const parsed = await parseForm(request, pointSchema);
		if (!parsed.ok) return parsed.failure;
		const result = addParentAgendaItem(viewer, child.id, Number(params.cid), parsed.data.text);
		if (result === 'missing') error(404, 'Not found');
		if (result === 'closed') return invalid(parsed.values, { text: m.par_point_closed() });
		if (result === 'full')
			return invalid(parsed.values, { text: m.par_point_full({ max: PARENT_AGENDA_LIMIT }) });
		return { done: m.par_point_added() };
	}
};
