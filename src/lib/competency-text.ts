import { m } from '$lib/paraglide/messages';
import type { CompetencySlug } from './competencies';

// The student-facing question is the main label; the Dutch term is secondary (DOMAIN.md §1).
export const competencyText: Record<CompetencySlug, { question: () => string; term: () => string }> = {
	kwaliteiten: { question: m.competency_kwaliteiten_question, term: m.competency_kwaliteiten_term },
	motieven: { question: m.competency_motieven_question, term: m.competency_motieven_term },
	werkexploratie: { question: m.competency_werkexploratie_question, term: m.competency_werkexploratie_term },
	loopbaansturing: {
		question: m.competency_loopbaansturing_question,
		term: m.competency_loopbaansturing_term
	},
	netwerken: { question: m.competency_netwerken_question, term: m.competency_netwerken_term }
};
