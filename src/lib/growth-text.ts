// Catalogue lookups for the growth screens, so a slug or a level never reaches the page untranslated.
import { m } from '$lib/paraglide/messages';
import type { ActivityType, ReflectionPart } from './portfolio';

type Text = () => string;

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
