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

function normalise(header: string): string {
	return header
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[_.]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** For each field the first header that is one of its synonyms; each column is used once. */
export function guessMapping(headers: string[]): Mapping {
	const mapping: Mapping = {};
	const used = new Set<number>();
	const norm = headers.map(normalise);
	for (const field of IMPORT_FIELDS) {
		const index = norm.findIndex((h, i) => !used.has(i) && SYNONYMS[field].includes(h));
		if (index >= 0) {
			mapping[field] = index;
			used.add(index);
		}
	}
	return mapping;
}

export function missingRequired(mapping: Mapping): ImportField[] {
	return REQUIRED_FIELDS.filter((f) => mapping[f] === undefined);
}
