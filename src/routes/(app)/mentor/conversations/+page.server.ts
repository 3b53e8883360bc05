import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listMentorGroups } from '$lib/server/mentor/groups';
import { listConversations } from '$lib/server/dialog/conversations';
import { planConversation, type Proposal } from '$lib/server/dialog/conversation-planning';
import { planSchema } from '$lib/schemas/dialog';

const proposalText: Record<Proposal['key'], (p: { count: number; titles: string }) => string> = {
	new_reflections: m.dlg_conv_propose_new_reflections,
	open_replies: m.dlg_conv_propose_open_replies,
	goals_due: m.dlg_conv_propose_goals_due
};

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
		const result = planConversation(viewer, target, parsed.data.plannedAt, (p) =>
			proposalText[p.key]({ count: p.count, titles: p.titles.map((t) => t || m.dlg_untitled()).join(', ') })
		);
		if (!result.ok) return invalid(parsed.values, { target: m.dlg_conv_not_in_group() });
		redirect(303, `/mentor/conversations/${result.id}`);
	}
};
