// Client-safe vocabulary of the school's LOB programme (issue 18, DOMAIN.md §3).

/** Who an activity is for: the whole school, some leerjaren/levels (a group's programme), or chosen groups. */
export const AUDIENCES = ['school', 'cohorts', 'groups'] as const;
export type Audience = (typeof AUDIENCES)[number];

export const PROGRAMME_LIMITS = { title: 120, place: 120, question: 500 } as const;

/** Where a student stands with one activity: nothing yet, the doel written, or the reflection after it. */
export const ACTIVITY_STATES = ['none', 'prepared', 'reflected'] as const;
export type ActivityState = (typeof ACTIVITY_STATES)[number];

/** Default N for "students who reflected on at least N activities". */
export const REACH_MIN_DEFAULT = 2;

/** The kinds a school plans; bijbaan, hobby and vrijwilligerswerk are the student's own (DOMAIN.md §3). */
export const PLANNED_TYPES = [
	'meeloopdag',
	'snuffelstage',
	'stage',
	'bpv',
	'bedrijfsbezoek',
	'beroepenmarkt',
	'gastles',
	'open_dag',
	'proefstuderen',
	'buddystage',
	'lob_les',
	'test',
	'ouder_kind_gesprek',
	'praktijkopdracht',
	'anders'
] as const;
