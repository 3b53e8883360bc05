// Conversation starters for parents (issue 20): per shared reflection two or three open questions, chosen
// by the kind of activity and the competencies it is about. Client-safe: it returns message keys only.
import type { CompetencySlug } from '../competencies';
import type { ActivityType } from '../portfolio';

export type StarterKey =
	| 'par_starter_visit'
	| 'par_starter_work'
	| 'par_starter_talk'
	| 'par_starter_test'
	| 'par_starter_free'
	| 'par_starter_kwaliteiten'
	| 'par_starter_motieven'
	| 'par_starter_werkexploratie'
	| 'par_starter_loopbaansturing'
	| 'par_starter_netwerken'
	| 'par_starter_next';

const BY_ACTIVITY: Record<ActivityType, StarterKey> = {
	meeloopdag: 'par_starter_visit',
	snuffelstage: 'par_starter_visit',
	bedrijfsbezoek: 'par_starter_visit',
	beroepenmarkt: 'par_starter_visit',
	open_dag: 'par_starter_visit',
	proefstuderen: 'par_starter_visit',
	buddystage: 'par_starter_visit',
	stage: 'par_starter_work',
	bpv: 'par_starter_work',
	bijbaan: 'par_starter_work',
	vrijwilligerswerk: 'par_starter_work',
	praktijkopdracht: 'par_starter_work',
	gastles: 'par_starter_talk',
	lob_les: 'par_starter_talk',
	ouder_kind_gesprek: 'par_starter_talk',
	test: 'par_starter_test',
	hobby: 'par_starter_free',
	anders: 'par_starter_free'
};

/** Three starters at most: one about the activity, then one per competency (in vmbo order), then "what next". */
export function startersFor(
	activityType: ActivityType,
	competencies: readonly CompetencySlug[]
): StarterKey[] {
	const keys: StarterKey[] = [BY_ACTIVITY[activityType]];
	for (const c of competencies) {
		if (keys.length === 3) break;
		keys.push(`par_starter_${c}`);
	}
	if (keys.length < 3 && !keys.includes('par_starter_loopbaansturing')) keys.push('par_starter_next');
	return keys;
}

// Before an activity: open questions about what the child expects, by kind of activity (nothing of theirs).
const UPCOMING_BY_KIND = {
	study: ['par_up_study_course', 'par_up_study_ask', 'par_up_study_together'],
	shadow: ['par_up_shadow_where', 'par_up_find_out', 'par_up_looking_forward'],
	market: ['par_up_market_jobs', 'par_up_market_question', 'par_up_market_prepare'],
	visit: ['par_up_visit_know', 'par_up_visit_ask'],
	work: ['par_up_work_learn', 'par_up_looking_forward', 'par_up_work_travel'],
	test: ['par_up_test_expect', 'par_up_test_learn'],
	meeting: ['par_up_meeting_tell', 'par_up_meeting_ask'],
	other: ['par_up_other_about', 'par_up_other_get']
} as const;
export type UpcomingStarterKey = (typeof UPCOMING_BY_KIND)[keyof typeof UPCOMING_BY_KIND][number];

const UPCOMING_KIND: Record<ActivityType, keyof typeof UPCOMING_BY_KIND> = {
	open_dag: 'study',
	proefstuderen: 'study',
	meeloopdag: 'shadow',
	snuffelstage: 'shadow',
	buddystage: 'shadow',
	beroepenmarkt: 'market',
	bedrijfsbezoek: 'visit',
	gastles: 'visit',
	stage: 'work',
	bpv: 'work',
	bijbaan: 'work',
	vrijwilligerswerk: 'work',
	praktijkopdracht: 'work',
	test: 'test',
	ouder_kind_gesprek: 'meeting',
	lob_les: 'other',
	hobby: 'other',
	anders: 'other'
};

/** Two or three starters for a parent before an activity of this kind. */
export function upcomingStartersFor(activityType: ActivityType): readonly UpcomingStarterKey[] {
	return UPCOMING_BY_KIND[UPCOMING_KIND[activityType]];
}
