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
