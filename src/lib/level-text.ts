// The four self-rating levels per competency, in the student's words; a module of their own so that pages
// without ratings do not load their texts.
import { m } from '$lib/paraglide/messages';
import type { CompetencySlug } from './competencies';

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
