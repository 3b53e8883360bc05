// Catalogue lookups for the growth screens, so a slug or a level never reaches the page untranslated.
import { dateFormat } from './date-format';
import { m } from '$lib/paraglide/messages';
import type { CompetencySlug } from './competencies';
import type { ActivityType, GoalStatus, ReflectionPart } from './portfolio';

type Text = () => string;

export const levelText: Record<CompetencySlug, [Text, Text, Text, Text]> = {
	kwaliteiten: [
		m.grow_level_kwaliteiten_1,
		m.grow_level_kwaliteiten_2,
		m.grow_level_kwaliteiten_3,
		m.grow_level_kwaliteiten_4
	],
	motieven: [
		m.grow_level_motieven_1,
		m.grow_level_motieven_2,
		m.grow_level_motieven_3,
		m.grow_level_motieven_4
	],
	werkexploratie: [
		m.grow_level_werkexploratie_1,
		m.grow_level_werkexploratie_2,
		m.grow_level_werkexploratie_3,
		m.grow_level_werkexploratie_4
	],
	loopbaansturing: [
		m.grow_level_loopbaansturing_1,
		m.grow_level_loopbaansturing_2,
		m.grow_level_loopbaansturing_3,
		m.grow_level_loopbaansturing_4
	],
	netwerken: [
		m.grow_level_netwerken_1,
		m.grow_level_netwerken_2,
		m.grow_level_netwerken_3,
		m.grow_level_netwerken_4
	]
};

export const goalStatusText: Record<GoalStatus, Text> = {
	open: m.grow_goal_status_open,
	done: m.grow_goal_status_done,
	dropped: m.grow_goal_status_dropped
};

export const partText: Record<ReflectionPart, Text> = {
	doel: m.grow_part_doel,
	resultaat: m.grow_part_resultaat,
	evaluatie: m.grow_part_evaluatie,
	vervolg: m.grow_part_vervolg
};

export const activityText: Record<ActivityType, Text> = {
	meeloopdag: m.grow_activity_meeloopdag,
	snuffelstage: m.grow_activity_snuffelstage,
	stage: m.grow_activity_stage,
	bpv: m.grow_activity_bpv,
	bedrijfsbezoek: m.grow_activity_bedrijfsbezoek,
	beroepenmarkt: m.grow_activity_beroepenmarkt,
	gastles: m.grow_activity_gastles,
	open_dag: m.grow_activity_open_dag,
	proefstuderen: m.grow_activity_proefstuderen,
	buddystage: m.grow_activity_buddystage,
	lob_les: m.grow_activity_lob_les,
	test: m.grow_activity_test,
	ouder_kind_gesprek: m.grow_activity_ouder_kind_gesprek,
	bijbaan: m.grow_activity_bijbaan,
	vrijwilligerswerk: m.grow_activity_vrijwilligerswerk,
	hobby: m.grow_activity_hobby,
	praktijkopdracht: m.grow_activity_praktijkopdracht,
	anders: m.grow_activity_anders
};

const DAY_FORMAT: Intl.DateTimeFormatOptions = {
	day: 'numeric',
	month: 'long',
	year: 'numeric',
	timeZone: 'Europe/Amsterdam'
};

/** A calendar date (YYYY-MM-DD) or a moment, as "12 maart 2027" in the reader's language. */
export function formatDay(value: string | Date | number, locale: string): string {
	const d = typeof value === 'string' ? new Date(`${value}T12:00:00Z`) : new Date(value);
	return dateFormat(locale, DAY_FORMAT).format(d);
}
