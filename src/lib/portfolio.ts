// Client-safe vocabulary of the portfolio (DOMAIN.md §2–3).
export const ACTIVITY_TYPES = [
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
	'bijbaan',
	'vrijwilligerswerk',
	'hobby',
	'praktijkopdracht',
	'anders'
] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

/** private: only me · mentor: me and my mentor (default) · dossier: part of what I show others. */
export const VISIBILITIES = ['private', 'mentor', 'dossier'] as const;
export type Visibility = (typeof VISIBILITIES)[number];

export const REFLECTION_PARTS = ['doel', 'resultaat', 'evaluatie', 'vervolg'] as const;
export type ReflectionPart = (typeof REFLECTION_PARTS)[number];

export const GOAL_STATUSES = ['open', 'done', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const RATING_LEVELS = [1, 2, 3, 4] as const;

// Field limits live here, not beside the zod schemas, so a page can show them without shipping zod.
// Limits: room for a long, honest answer, but a 100,000-character paste is refused at the field.
export const REFLECTION_LIMITS = { title: 120, part: 4000, place: 120, query: 100 } as const;
export const RATING_NOTE_MAX = 500;
export const GOAL_TITLE_MAX = 160;
export const GOAL_DESCRIPTION_MAX = 1000;

/** The mentor's word on a year's dossier (issue 19). */
export const SIGNOFF_STATUSES = ['afgerond', 'nog_niet'] as const;
export type SignoffStatus = (typeof SIGNOFF_STATUSES)[number];

/** What a share link shows: 'all' = the whole dossier part; a competency = only the reflections under it. */
export const SHARE_PARTS = [
	'all',
	'kwaliteiten',
	'motieven',
	'werkexploratie',
	'loopbaansturing',
	'netwerken'
] as const;
export type SharePart = (typeof SHARE_PARTS)[number];

/** What the student may put in the print of their dossier. */
export const PRINT_SECTIONS = [
	'evidence',
	'conversations',
	'feedback',
	'ratings',
	'goals',
	'signoff'
] as const;
export type PrintSection = (typeof PRINT_SECTIONS)[number];
