import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { addAgendaItem, getConversation } from '$lib/server/dialog/conversations';
import { confirmSummary, disagreeWithSummary, listSummaryReplies } from '$lib/server/dialog/summary-replies';
import { agendaSchema, summaryReplySchema } from '$lib/schemas/dialog';
import { getConversationHome, setConversationHome } from '$lib/server/parents/sharing';
import { switchSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('student');
	const conversation = getConversation(viewer, Number(params.id));
	if (!conversation) error(404, 'Not found');
	return {
		conversation,
		replies: listSummaryReplies(viewer, conversation.id),
		home: getConversationHome(viewer, conversation.id) ?? null
	};
};

export const actions: Actions = {
	agenda: async ({ params, request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, agendaSchema);
		if (!parsed.ok) return parsed.failure;
		const result = addAgendaItem(viewer, Number(params.id), parsed.data.text);
		if (result === 'missing') error(404, 'Not found');
		if (result === 'mentor_changed') return invalid(parsed.values, {}, m.dlg_sconv_mentor_changed_hint());
		if (result !== 'ok') return invalid(parsed.values, {}, m.dlg_conv_agenda_closed());
		return { done: m.dlg_conv_agenda_added() };
	},
	// Issue 20: the confirmed summary "ook thuis".
	home: async ({ params, request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, switchSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setConversationHome(viewer, Number(params.id), parsed.data.on)) error(404, 'Not found');
		return { done: m.par_st_goals_saved() };
	},
	confirm: ({ params }) => {
		const viewer = requireRole('student');
		const result = confirmSummary(viewer, Number(params.id));
		if (result === 'missing') error(404, 'Not found');
		if (result === 'already') return { done: m.dlg_sconv_already() };
		if (result === 'not_held') return invalid({}, {}, m.dlg_sconv_no_summary());
		return { done: m.dlg_sconv_confirmed() };
	},
	// "Niet helemaal": the summary stays unconfirmed until the student agrees.
	disagree: async ({ params, request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, summaryReplySchema);
		if (!parsed.ok) return parsed.failure;
		const result = disagreeWithSummary(viewer, Number(params.id), parsed.data.body);
		if (result === 'missing') error(404, 'Not found');
		if (result === 'already') return invalid(parsed.values, {}, m.dlg_sconv_already());
		if (result === 'not_held') return invalid(parsed.values, {}, m.dlg_sconv_no_summary());
		return { done: m.dlg_sconv_disagree_sent() };
	}
};
