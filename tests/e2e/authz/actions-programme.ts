// The authorization matrix's form actions for the LOB programme: the coordinator's, mentor's, student's.
import { MENTORS, STUDENTS } from './expect';
import {
	act,
	actions,
	activityForm,
	activityReflections,
	nudgeRows,
	programmeRows,
	type ActionCase
} from './rows';

export const PROGRAMME_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/coordinator/programme', {
		// Smuggled: the other school's year as the target.
		copyYear: [
			act({
				url: () => '/coordinator/programme',
				form: (i) => ({ fromYearId: String(i.year), toYearId: String(i.year2) }),
				allowed: ['coordinator'],
				check: programmeRows
			})
		]
	}),
	...actions('/coordinator/programme/new', {
		save: [
			act({
				url: () => '/coordinator/programme/new',
				form: activityForm,
				allowed: ['coordinator'],
				check: programmeRows
			})
		]
	}),
	...actions('/coordinator/programme/[id=id]', {
		save: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: activityForm,
				allowed: ['coordinator'],
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: activityForm, check: programmeRows })
		],
		cancel: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				probe: 'skip',
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: () => ({}), check: programmeRows })
		],
		// Allowed: restoring an activity that was never cancelled leaves it as it is.
		restore: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				check: (i) => ['SELECT cancelled_at FROM activity WHERE id = ?', i.activity]
			})
		],
		duplicate: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				probe: 'skip',
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: () => ({}), check: programmeRows })
		]
	}),
	...actions('/mentor/activities/new', {
		save: [
			act({
				url: () => '/mentor/activities/new',
				form: activityForm,
				allowed: MENTORS,
				check: programmeRows
			})
		]
	}),
	...actions('/mentor/activities/[id=id]', {
		nudge: [
			act({
				url: (i) => `/mentor/activities/${i.activity}`,
				form: (i) => ({ studentId: String(i.B) }),
				allowed: ['mentorA'],
				check: nudgeRows
			}),
			// Smuggled: a student of another group on the mentor's own activity page.
			act({
				url: (i) => `/mentor/activities/${i.activity}`,
				form: (i) => ({ studentId: String(i.Z) }),
				check: nudgeRows
			})
		]
	}),
	...actions('/student/activities', {
		// Smuggled: the other school's activity.
		prepare: [
			act({
				url: () => '/student/activities',
				form: (i) => ({ activityId: String(i.activity2) }),
				allowed: STUDENTS,
				check: activityReflections
			})
		],
		reflect: [
			act({
				url: () => '/student/activities',
				form: (i) => ({ activityId: String(i.activity2) }),
				allowed: STUDENTS,
				check: activityReflections
			})
		],
		// A new feed address replaces the old one: not probed by students (student A's is a fixture).
		feed: [
			act({
				url: () => '/student/activities',
				form: () => ({}),
				allowed: STUDENTS,
				probe: 'skip',
				check: () => ['SELECT user_id, hex(token_hash) FROM calendar_feed ORDER BY user_id']
			})
		]
	})
};
