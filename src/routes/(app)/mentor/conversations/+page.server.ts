import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listMentorGroups } from '$lib/server/mentor/groups';
import { listConversations } from '$lib/server/dialog/conversations';
import { planConversation } from '$lib/server/dialog/conversation-planning';
import { planSchema } from '$lib/schemas/dialog';
import { proposalLine } from '$lib/agenda-text';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('mentor');
	const groups = listMentorGroups(viewer).map((g) => ({
		id: g.id,
		name: g.name,
		students: g.students.map((s) => ({ id: s.id, name: s.sortName }))
	}));
	return {
		groups,
		conversations: listConversations(viewer),
		preselect: url.searchParams.get('student') ?? ''
	};
};

export const actions: Actions = {
	plan: async ({ request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, planSchema);
		if (!parsed.ok) return parsed.failure;
		const [kind, raw] = parsed.data.target.split(':');
		const target = kind === 'group' ? { groupId: Number(raw) } : { studentId: Number(raw) };
		const when = { date: parsed.data.plannedAt, time: parsed.data.plannedTime };
		const result = planConversation(viewer, target, when, (p) => proposalLine(p, 'mentor'));
		if (!result.ok) return invalid(parsed.values, { target: m.dlg_conv_not_in_group() });
		redirect(303, `/mentor/conversations/${result.id}`);
	}
};
