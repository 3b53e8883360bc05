// The pages the bench drives and weighs, and who opens each.
import type { PageKind } from '../budgets';
import type { Manifest } from '../../generate';

export interface Page {
	key: string;
	label: string;
	kind: PageKind;
	path: string;
	who: 'none' | 'student' | 'writer' | 'mentor4' | 'mentor1' | 'cohort' | 'coordinator' | 'admin';
	method?: 'POST';
	/** Weighed in Chromium (GET pages a user opens). */
	weigh?: { student: boolean; hasChart: boolean };
}

export function pagesFor(m: Manifest): Page[] {
	const round = `/coordinator/matrix/rounds/${m.roundId}`;
	return [
		{
			key: 'login',
			kind: 'baseline',
			label: 'login page (baseline)',
			path: '/login',
			who: 'none',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'student',
			kind: 'student',
			label: 'student overview',
			path: '/student',
			who: 'student',
			weigh: { student: true, hasChart: true }
		},
		{
			key: 'reflections',
			kind: 'student',
			label: 'reflection list',
			path: '/student/reflections',
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'reflection',
			kind: 'student',
			label: 'reflection + thread',
			path: `/student/reflections/${m.threadReflectionId}`,
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'reflection-edit',
			kind: 'student',
			label: 'reflection form',
			path: `/student/reflections/${m.threadReflectionId}/edit`,
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'autosave',
			kind: 'student',
			label: 'autosave (writes)',
			path: '/student/reflections/:id/autosave',
			who: 'writer',
			method: 'POST'
		},
		{
			key: 'mentor',
			kind: 'mentor',
			label: 'mentor overview (4 groups, first shown)',
			path: '/mentor',
			who: 'mentor4',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'mentor-small',
			kind: 'mentor',
			label: 'mentor overview (1 group, 25)',
			path: '/mentor',
			who: 'mentor1'
		},
		{
			key: 'mentor-cohort',
			kind: 'mentor',
			label: 'mentor overview (100, by activity)',
			// Sorted by last activity: all 100 are counted to sort them, 30 are shown.
			path: '/mentor?sort=activity',
			who: 'cohort'
		},
		{
			key: 'feedback',
			kind: 'mentor',
			label: 'mentor feedback queue',
			path: '/mentor/feedback',
			who: 'mentor4',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'mentor-student',
			kind: 'mentor',
			label: "mentor's page of a student",
			path: `/mentor/students/${m.menteeId}`,
			who: 'mentor4',
			weigh: { student: false, hasChart: true }
		},
		{
			key: 'mentor-activity',
			kind: 'mentor',
			label: "mentor's page of an activity",
			path: `/mentor/activities/${m.activityId}`,
			who: 'mentor4',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'matrix',
			kind: 'staff',
			label: 'coordinator matrix round',
			path: round,
			who: 'coordinator',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'analysis',
			kind: 'staff',
			label: 'matrix analysis',
			path: `${round}/analysis`,
			who: 'coordinator',
			weigh: { student: false, hasChart: true }
		},
		{
			key: 'school',
			kind: 'staff',
			label: 'school overview',
			path: '/coordinator',
			who: 'coordinator',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'programme',
			kind: 'staff',
			label: 'LOB programme (year view)',
			path: '/coordinator/programme',
			who: 'coordinator',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'users',
			kind: 'staff',
			label: 'admin user list',
			path: '/admin/users',
			who: 'admin',
			weigh: { student: false, hasChart: false }
		}
	];
}
