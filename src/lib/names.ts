// How Koers writes a person's name; client-safe, so pages and server modules share one spelling.
export interface NameParts {
	givenName: string | null;
	familyNamePrefix: string | null;
	familyName: string | null;
}

/** "Lotte van den Berg" */
export function fullName(p: NameParts): string {
	return [p.givenName, p.familyNamePrefix, p.familyName]
		.map((x) => x?.trim())
		.filter(Boolean)
		.join(' ');
}

/** "Berg, Lotte van den": how school lists sort and show names. */
export function sortName(p: NameParts): string {
	return `${p.familyName ?? ''}, ${p.givenName ?? ''}${p.familyNamePrefix ? ' ' + p.familyNamePrefix : ''}`;
}
