import { m } from '$lib/paraglide/messages';

/** The parts of the student's portfolio: the pills on a wide screen, the one menu on a phone. */
export const STUDENT_SECTIONS = [
	{ href: '/student', label: m.grow_nav_overview, exact: true },
	{ href: '/student/reflections', label: m.grow_nav_reflections, exact: false },
	{ href: '/student/activities', label: m.prog_student_nav, exact: false },
	{ href: '/student/goals', label: m.grow_nav_goals, exact: false },
	{ href: '/student/ratings', label: m.grow_nav_ratings, exact: false },
	{ href: '/student/dossier', label: m.grow_nav_dossier, exact: false },
	{ href: '/student/privacy', label: m.sch_privacy_title, exact: false }
] as const;

/** 'page' when the path is this section (or, unless exact, inside it). */
export function sectionCurrent(path: string, href: string, exact: boolean): 'page' | undefined {
	return path === href || (!exact && path.startsWith(href + '/')) ? 'page' : undefined;
}
