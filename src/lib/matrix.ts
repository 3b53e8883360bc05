// Client-safe vocabulary of the LOB-task matrix (DOMAIN.md §6): kinds of task, an actor's part in a task,
// the 4-point rating, and the school's starting lists (a reconstruction, editable per school).
export const TASK_KINDS = ['begeleidend', 'coordinerend', 'beleidsmatig', 'management'] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

export const PARTS = ['eindverantwoordelijk', 'uitvoerend', 'ondersteunend', 'geinformeerd', 'geen'] as const;
export type Part = (typeof PARTS)[number];

/** Parts that mean the actor actually carries the task (RACI: accountable or responsible). */
export const ACTIVE_PARTS: readonly Part[] = ['eindverantwoordelijk', 'uitvoerend'];

export const RATINGS = [1, 2, 3, 4] as const;
export type Rating = (typeof RATINGS)[number];

export const ROUND_STATUSES = ['open', 'closed'] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export const ACTION_STATUSES = ['open', 'bezig', 'klaar'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const HOW_MAX = 1000;
export const NAME_MAX = 160;
export const DESCRIPTION_MAX = 1000;

export const DEFAULT_ACTORS: readonly string[] = [
	'Bestuur',
	'Directie/schoolleiding',
	'Teamleider',
	'Decaan/LOB-coördinator',
	"Mentor/SLB'er",
	'Vakdocent',
	'BPV-begeleider/stagecoördinator',
	'Zorgcoördinator/OOP',
	'Leerling',
	'Ouders/verzorgers',
	'Vervolgonderwijs',
	'Bedrijfsleven/praktijkopleider',
	'Gemeente (RMC/leerplicht)'
];

export const DEFAULT_TASKS: Readonly<Record<TaskKind, readonly string[]>> = {
	begeleidend: [
		'Loopbaangesprekken voeren',
		'LOB-activiteiten voorbereiden en nabespreken',
		'Begeleiden bij het loopbaandossier',
		'Begeleiden bij keuzes (profiel, vervolgopleiding, stageplek)',
		'LOB koppelen aan vaklessen',
		'Begeleiden tijdens stage/BPV',
		'Ouders betrekken',
		'Keuze- of uitvalrisico signaleren en doorverwijzen',
		'Eigen LOB-activiteiten evalueren'
	],
	coordinerend: [
		'LOB-programma en leerlijn ontwerpen en inroosteren',
		'Activiteiten organiseren (voorlichting, open dagen, beroepenmarkt, bedrijfsbezoeken)',
		'Mentoren toerusten (materiaal, scholing, intervisie)',
		'Tweedelijns begeleiding bij complexe keuzes',
		'Voorlichting over vervolgonderwijs en arbeidsmarkt',
		'Aanmelding en warme overdracht naar vervolgonderwijs',
		'Netwerk met vervolgonderwijs, bedrijfsleven en gemeente onderhouden',
		'Doorstroom- en uitvalcijfers volgen en terugkoppelen',
		'LOB-instrumenten beheren'
	],
	beleidsmatig: [
		'LOB-visie ontwikkelen',
		'LOB-beleid en doelen in het schoolplan',
		'Kwaliteitszorg (PDCA, jaarlijkse evaluatie met leerlingtevredenheid, MR)',
		'Taken, deskundigheid en scholingsbehoefte in kaart brengen',
		'Regionale afspraken (vo–mbo–hbo)'
	],
	management: [
		'Visie uitdragen en verantwoorden (inspectie, MR)',
		'Faciliteren (taakuren, budget, rooster)',
		'Taken en verantwoordelijkheden toewijzen',
		'Professionalisering ondersteunen',
		'Sturen op resultaten'
	]
};

/** A cell nobody filled in yet; version 0 means "not saved before". */
export const EMPTY_CELL_VALUE = {
	part: 'geen' as Part,
	how: '',
	rating: null as number | null,
	wish: '',
	version: 0
};
