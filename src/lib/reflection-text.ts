// Client-safe texts for reflections: labels per activity type, per part and per visibility, all from the
// catalogue. The helping questions of the editor are in part-help.ts.
import { dateFormat } from './date-format';
import { m } from '$lib/paraglide/messages';
import type { ActivityType, ReflectionPart, Visibility } from './portfolio';
import type { FinishGap } from './reflection-draft';

type Text = () => string;

export const activityTypeText: Record<ActivityType, Text> = {
	meeloopdag: m.refl_type_meeloopdag,
	snuffelstage: m.refl_type_snuffelstage,
	stage: m.refl_type_stage,
	bpv: m.refl_type_bpv,
	bedrijfsbezoek: m.refl_type_bedrijfsbezoek,
	beroepenmarkt: m.refl_type_beroepenmarkt,
	gastles: m.refl_type_gastles,
	open_dag: m.refl_type_open_dag,
	proefstuderen: m.refl_type_proefstuderen,
	buddystage: m.refl_type_buddystage,
	lob_les: m.refl_type_lob_les,
	test: m.refl_type_test,
	ouder_kind_gesprek: m.refl_type_ouder_kind_gesprek,
	bijbaan: m.refl_type_bijbaan,
	vrijwilligerswerk: m.refl_type_vrijwilligerswerk,
	hobby: m.refl_type_hobby,
	praktijkopdracht: m.refl_type_praktijkopdracht,
	anders: m.refl_type_anders
};

export const partText: Record<ReflectionPart, { label: Text; term: Text; starter: Text; missing: Text }> = {
	doel: {
		label: m.refl_part_doel,
		term: m.refl_term_doel,
		starter: m.refl_starter_doel,
		missing: m.refl_missing_doel
	},
	resultaat: {
		label: m.refl_part_resultaat,
		term: m.refl_term_resultaat,
		starter: m.refl_starter_resultaat,
		missing: m.refl_missing_resultaat
	},
	evaluatie: {
		label: m.refl_part_evaluatie,
		term: m.refl_term_evaluatie,
		starter: m.refl_starter_evaluatie,
		missing: m.refl_missing_evaluatie
	},
	vervolg: {
		label: m.refl_part_vervolg,
		term: m.refl_term_vervolg,
		starter: m.refl_starter_vervolg,
		missing: m.refl_missing_vervolg
	}
};

/** who/short: who sees a finished text; whoDraft/later: who WILL see a draft once it is finished. */
export const visibilityText: Record<
	Visibility,
	{ label: Text; short: Text; hint: Text; who: Text; whoDraft: Text; later: Text }
> = {
	private: {
		label: m.refl_vis_private,
		short: m.refl_vis_short_private,
		hint: m.refl_vis_private_hint,
		who: m.refl_who_private,
		whoDraft: m.refl_who_draft_private,
		later: m.refl_vis_later_private
	},
	mentor: {
		label: m.refl_vis_mentor,
		short: m.refl_vis_short_mentor,
		hint: m.refl_vis_mentor_hint,
		who: m.refl_who_mentor,
		whoDraft: m.refl_who_draft_mentor,
		later: m.refl_vis_later_shared
	},
	dossier: {
		label: m.refl_vis_dossier,
		short: m.refl_vis_short_dossier,
		hint: m.refl_vis_dossier_hint,
		who: m.refl_who_dossier,
		whoDraft: m.refl_who_draft_dossier,
		later: m.refl_vis_later_dossier
	}
};

// Dutch schools: one time zone, named so that the server's rendering and the browser's agree.
const TIME_ZONE = 'Europe/Amsterdam';

/** A date (yyyy-mm-dd) or a moment (ms), in the interface language. */
export function formatDate(value: string | number, locale: string, withTime = false): string {
	const d = typeof value === 'number' ? new Date(value) : new Date(`${value}T12:00:00Z`);
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: TIME_ZONE,
		...(withTime ? { hour: '2-digit', minute: '2-digit' } : {})
	}).format(d);
}

export function formatTime(ms: number, locale: string): string {
	return dateFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
		hour: '2-digit',
		minute: '2-digit',
		timeZone: TIME_ZONE
	}).format(new Date(ms));
}

/** What to say at a field when "Klaar" is refused (issue 19): one short sentence per gap. */
export function finishGapText(gap: FinishGap): string {
	return gap === 'competencies' ? m.refl_missing_competency() : partText[gap].missing();
}

/** The field errors for a refused "Klaar", keyed like the form's fields. */
export function finishGapErrors(gaps: FinishGap[]): Record<string, string> {
	return Object.fromEntries(gaps.map((g) => [g, finishGapText(g)]));
}
