import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import {
	addAgendaItem,
	getConversation,
	recordConversation,
	type ActionResult
} from '$lib/server/dialog/conversations';
import { agendaSchema, recordSchema, summaryAnswerSchema } from '$lib/schemas/dialog';
import { answerSummary, listSummaryReplies } from '$lib/server/dialog/summary-replies';
import { amsterdamToday } from '$lib/server/programme/today';
import type { FormValues } from '$lib/server/forms';
import { getParentInvite, setParentInvited } from '$lib/server/parents/ouder-kind';
import { switchSchema } from '$lib/schemas/parents';

function answer(result: ActionResult, values: FormValues, done: string) {
	if (result === 'missing') error(404, 'Not found');
	if (result === 'mentor_changed') return invalid(values, {}, m.dlg_conv_mentor_changed());
	if (result === 'closed') return invalid(values, {}, m.dlg_conv_agenda_closed());
	if (result === 'already') return invalid(values, {}, m.dlg_conv_already_confirmed());
	if (result === 'not_held') return invalid(values, {}, m.dlg_conv_not_held());
	return { done };
}

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const conversation = getConversation(viewer, Number(params.id));
	if (!conversation || conversation.mentorNote === null) error(404, 'Not found');
	return {
		conversation,
		replies: listSummaryReplies(viewer, conversation.id),
		today: amsterdamToday(),
		parentInvite: getParentInvite(viewer, conversation.id) ?? null
	};
};

export const actions: Actions = {
	// Issue 20: the ouder-kind-mentorgesprek.
	inviteParent: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, switchSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setParentInvited(viewer, Number(params.id), parsed.data.on)) error(404, 'Not found');
		return { done: m.par_st_goals_saved() };
	},
	agenda: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, agendaSchema);
		if (!parsed.ok) return parsed.failure;
		const result = addAgendaItem(viewer, Number(params.id), parsed.data.text);
		return answer(result, parsed.values, m.dlg_conv_agenda_added());
	},
	record: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, recordSchema);
		if (!parsed.ok) return parsed.failure;
		// A conversation cannot be recorded for a day still to come: the mentor picks the day it was held.
		if (parsed.data.heldOn && parsed.data.heldOn > amsterdamToday())
			return invalid(parsed.values, { heldOn: m.dlg_conv_held_future() });
		const result = recordConversation(viewer, Number(params.id), parsed.data);
		return answer(result, parsed.values, m.dlg_conv_recorded());
	},
	// The answer to the student's "niet helemaal", with the summary as it should read now.
	answer: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, summaryAnswerSchema);
		if (!parsed.ok) return parsed.failure;
		const result = answerSummary(viewer, Number(params.id), parsed.data);
		return answer(result, parsed.values, m.dlg_conv_answer_sent());
	}
};
