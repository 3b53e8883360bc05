import { m } from '$lib/paraglide/messages';
import type { CompetencySlug } from './competencies';

// Open questions per competency: they model the dialogue Kuijpers found helps (DOMAIN.md §4).
export const COMMENT_STARTERS: Record<CompetencySlug, (() => string)[]> = {
	kwaliteiten: [m.dlg_starter_kwaliteiten_1, m.dlg_starter_kwaliteiten_2],
	motieven: [m.dlg_starter_motieven_1, m.dlg_starter_motieven_2],
	werkexploratie: [m.dlg_starter_werkexploratie_1, m.dlg_starter_werkexploratie_2],
	loopbaansturing: [m.dlg_starter_loopbaansturing_1, m.dlg_starter_loopbaansturing_2],
	netwerken: [m.dlg_starter_netwerken_1, m.dlg_starter_netwerken_2]
};

export function startersFor(competencies: readonly CompetencySlug[]): string[] {
	const list = competencies.flatMap((c) => COMMENT_STARTERS[c].map((f) => f()));
	return list.length ? list : [m.dlg_starter_motieven_1(), m.dlg_starter_general_1()];
}
