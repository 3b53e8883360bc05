// Which column of the export holds which Koers field, with guesses for the usual headers of Magister,
// Somtoday and Eduarte exports.
export const IMPORT_FIELDS = [
	'studentNumber',
	'givenName',
	'familyNamePrefix',
	'familyName',
	'group',
	'programme',
	'mentor',
	'email'
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type Mapping = Partial<Record<ImportField, number>>;

export const REQUIRED_FIELDS: readonly ImportField[] = ['studentNumber', 'givenName', 'familyName', 'group'];

/** A staff export (Magister "medewerkers", Somtoday "medewerkers"): the e-mail address is the key. */
export const STAFF_FIELDS = ['email', 'givenName', 'familyNamePrefix', 'familyName', 'role'] as const;
export type StaffField = (typeof STAFF_FIELDS)[number];
export type StaffMapping = Partial<Record<StaffField, number>>;
export const STAFF_REQUIRED: readonly StaffField[] = ['email', 'givenName', 'familyName'];

const SYNONYMS: Record<ImportField, string[]> = {
	studentNumber: [
		'leerlingnummer',
		'stamnummer',
		'studentnummer',
		'llnr',
		'leerling nummer',
		'nummer',
		'studentnumber'
	],
	givenName: ['roepnaam', 'voornaam', 'voornamen', 'roep naam', 'firstname', 'given name'],
	familyNamePrefix: ['tussenvoegsel', 'tussenvoegsels', 'voorvoegsel', 'tv'],
	familyName: ['achternaam', 'naam', 'geslachtsnaam', 'lastname', 'family name'],
	group: ['klas', 'stamgroep', 'groep', 'stamklas', 'basisgroep', 'class', 'group'],
	programme: ['opleiding', 'profiel', 'leerjaar', 'studie', 'crebo', 'leerweg', 'programme'],
	mentor: ['mentor', 'mentoren', 'slb', 'slber', "slb'er", 'studieloopbaanbegeleider', 'coach'],
	email: ['email', 'e-mail', 'emailadres', 'e-mailadres', 'mail', 'e-mail leerling']
};

const STAFF_SYNONYMS: Record<StaffField, string[]> = {
	email: [...SYNONYMS.email, 'e-mail medewerker', 'e-mail werk', 'zakelijk e-mailadres'],
	givenName: SYNONYMS.givenName,
	familyNamePrefix: SYNONYMS.familyNamePrefix,
	familyName: SYNONYMS.familyName,
	role: ['functie', 'rol', 'taak', 'functies', 'role', 'function']
};

function normalise(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[_.]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

function guess<F extends string>(headers: string[], fields: readonly F[], synonyms: Record<F, string[]>) {
	const mapping: Partial<Record<F, number>> = {};
	const used = new Set<number>();
	const norm = headers.map(normalise);
	for (const field of fields) {
		const index = norm.findIndex((h, i) => !used.has(i) && synonyms[field].includes(h));
		if (index >= 0) {
			mapping[field] = index;
			used.add(index);
		}
	}
	return mapping;
}

/** For each field the first header that is one of its synonyms; each column is used once. */
export function guessMapping(headers: string[]): Mapping {
	return guess(headers, IMPORT_FIELDS, SYNONYMS);
}

export function guessStaffMapping(headers: string[]): StaffMapping {
	return guess(headers, STAFF_FIELDS, STAFF_SYNONYMS);
}

export function missingRequired(mapping: Mapping): ImportField[] {
	return REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
}

export function missingStaffRequired(mapping: StaffMapping): StaffField[] {
	return STAFF_REQUIRED.filter((f) => mapping[f] === undefined);
}
