// The helping question of a reflection part depends on the kind of experience (a stage asks other questions
// than an open dag); only the editor needs these, so they are a module of their own.
import { m } from '$lib/paraglide/messages';
import type { ActivityType, ReflectionPart } from './portfolio';

type Text = () => string;

/** Experiences that ask the same kind of questions. */
export type ActivityKind = 'work' | 'school' | 'talk' | 'self';

export const ACTIVITY_KIND: Record<ActivityType, ActivityKind> = {
	meeloopdag: 'work',
	snuffelstage: 'work',
	stage: 'work',
	bpv: 'work',
	bedrijfsbezoek: 'work',
	buddystage: 'work',
	bijbaan: 'work',
	vrijwilligerswerk: 'work',
	praktijkopdracht: 'work',
	open_dag: 'school',
	proefstuderen: 'school',
	beroepenmarkt: 'talk',
	gastles: 'talk',
	ouder_kind_gesprek: 'talk',
	lob_les: 'self',
	test: 'self',
	hobby: 'self',
	anders: 'self'
};

const HELP: Record<ActivityKind, Record<ReflectionPart, Text>> = {
	work: {
		doel: m.refl_help_work_doel,
		resultaat: m.refl_help_work_resultaat,
		evaluatie: m.refl_help_work_evaluatie,
		vervolg: m.refl_help_work_vervolg
	},
	school: {
		doel: m.refl_help_school_doel,
		resultaat: m.refl_help_school_resultaat,
		evaluatie: m.refl_help_school_evaluatie,
		vervolg: m.refl_help_school_vervolg
	},
	talk: {
		doel: m.refl_help_talk_doel,
		resultaat: m.refl_help_talk_resultaat,
		evaluatie: m.refl_help_talk_evaluatie,
		vervolg: m.refl_help_talk_vervolg
	},
	self: {
		doel: m.refl_help_self_doel,
		resultaat: m.refl_help_self_resultaat,
		evaluatie: m.refl_help_self_evaluatie,
		vervolg: m.refl_help_self_vervolg
	}
};

export function partHelp(type: ActivityType, part: ReflectionPart): string {
	return HELP[ACTIVITY_KIND[type]][part]();
}
