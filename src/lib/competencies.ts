// The five career competencies of Kuijpers, in the vmbo order (DOMAIN.md §1). Message keys point into the
// catalogue, so the question and the term are translated like every other string.
export const COMPETENCY_SLUGS = [
	'kwaliteiten',
	'motieven',
	'werkexploratie',
	'loopbaansturing',
	'netwerken'
] as const;
export type CompetencySlug = (typeof COMPETENCY_SLUGS)[number];

export function isCompetency(value: string): value is CompetencySlug {
	return (COMPETENCY_SLUGS as readonly string[]).includes(value);
}
