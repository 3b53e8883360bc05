import { m } from '$lib/paraglide/messages';

/** Koers's agenda point as data (the shape of conversation_agenda_item.proposal). */
export interface ProposalData {
	key: 'new_reflections' | 'open_replies' | 'goals_due';
	count: number;
	titles: string[];
}

/** Who reads the point: the mentor (and parents), the student of a one-to-one talk, a student of a group. */
export type AgendaReader = 'mentor' | 'student' | 'group';

type Line = (p: { count: number; titles: string }) => string;
const lines: Record<AgendaReader, Record<ProposalData['key'], Line>> = {
	mentor: {
		new_reflections: m.dlg_conv_propose_new_reflections,
		open_replies: m.dlg_conv_propose_open_replies,
		goals_due: m.dlg_conv_propose_goals_due
	},
	student: {
		new_reflections: m.dlg_sconv_propose_new_reflections,
		open_replies: m.dlg_sconv_propose_open_replies,
		goals_due: m.dlg_sconv_propose_goals_due
	},
	// A group's points never name titles: they are other students' reflections and goals.
	group: {
		new_reflections: m.dlg_gconv_propose_new_reflections,
		open_replies: m.dlg_gconv_propose_open_replies,
		goals_due: m.dlg_gconv_propose_goals_due
	}
};

/** Koers's point in the reader's language, addressed to them. */
export function proposalLine(p: ProposalData, reader: AgendaReader): string {
	const titles = p.titles.map((t) => t || m.dlg_untitled()).join(', ');
	return lines[reader][p.key]({ count: p.count, titles });
}

/** An agenda line: Koers's points said to the reader; the others (and points from before 0014) as written. */
export function agendaLine(
	item: { text: string; proposal: ProposalData | null },
	reader: AgendaReader
): string {
	return item.proposal ? proposalLine(item.proposal, reader) : item.text;
}
