// Client-safe texts of the parent pages, from the catalogue.
import { m } from '$lib/paraglide/messages';
import type { StarterKey, UpcomingStarterKey } from './starters';

export const conversationStatusText: Record<'planned' | 'held' | 'cancelled', () => string> = {
	planned: m.par_conv_planned,
	held: m.par_conv_held,
	cancelled: m.par_conv_cancelled
};

export const starterText: Record<StarterKey, () => string> = {
	par_starter_visit: m.par_starter_visit,
	par_starter_work: m.par_starter_work,
	par_starter_talk: m.par_starter_talk,
	par_starter_test: m.par_starter_test,
	par_starter_free: m.par_starter_free,
	par_starter_kwaliteiten: m.par_starter_kwaliteiten,
	par_starter_motieven: m.par_starter_motieven,
	par_starter_werkexploratie: m.par_starter_werkexploratie,
	par_starter_loopbaansturing: m.par_starter_loopbaansturing,
	par_starter_netwerken: m.par_starter_netwerken,
	par_starter_next: m.par_starter_next
};

export const upcomingStarterText: Record<UpcomingStarterKey, () => string> = {
	par_up_study_course: m.par_up_study_course,
	par_up_study_ask: m.par_up_study_ask,
	par_up_study_together: m.par_up_study_together,
	par_up_shadow_where: m.par_up_shadow_where,
	par_up_find_out: m.par_up_find_out,
	par_up_looking_forward: m.par_up_looking_forward,
	par_up_market_jobs: m.par_up_market_jobs,
	par_up_market_question: m.par_up_market_question,
	par_up_market_prepare: m.par_up_market_prepare,
	par_up_visit_know: m.par_up_visit_know,
	par_up_visit_ask: m.par_up_visit_ask,
	par_up_work_learn: m.par_up_work_learn,
	par_up_work_travel: m.par_up_work_travel,
	par_up_test_expect: m.par_up_test_expect,
	par_up_test_learn: m.par_up_test_learn,
	par_up_meeting_tell: m.par_up_meeting_tell,
	par_up_meeting_ask: m.par_up_meeting_ask,
	par_up_other_about: m.par_up_other_about,
	par_up_other_get: m.par_up_other_get
};
