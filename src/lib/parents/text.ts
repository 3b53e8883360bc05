// Client-safe texts of the parent pages, from the catalogue.
import { m } from '$lib/paraglide/messages';
import type { StarterKey } from './starters';

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
