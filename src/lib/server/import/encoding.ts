// Is this file read in the right encoding? A Mac Roman export read as Windows-1252 turns "Ömer Çelik"
// into "…mer ‚elik" without any error, so we look at the names: real names hold letters, spaces,
// hyphens, apostrophes and dots, never typographic quotes, ellipses or control characters.
import iconv from 'iconv-lite';

export const ENCODINGS = ['utf-8', 'windows-1252', 'macintosh'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const SAMPLE_SIZE = 6;

/** Text of the bytes in this encoding, or null when they are not valid in it (only UTF-8 can fail). */
export function decodeAs(buf: Buffer, encoding: Encoding): string | null {
	if (encoding === 'utf-8') {
		try {
			return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
		} catch {
			return null;
		}
	}
	return iconv.decode(buf, encoding === 'macintosh' ? 'macintosh' : 'win1252');
}

const NAME_CHAR = /^[\p{L}\p{M} '’.-]$/u;

/** A name with a character real names do not contain (control characters, U+FFFD, symbols, quotes). */
export function implausibleName(name: string): boolean {
	for (const c of name) if (!NAME_CHAR.test(c)) return true;
	return false;
}

/** A cell of any column with a control character or the replacement character. */
export function brokenCell(cell: string): boolean {
	return /[\p{Cc}\uFFFD]/u.test(cell);
}

/** The names of a row: the mapped name columns joined, as the preview will show them. */
export function nameOf(row: string[], nameColumns: number[]): string {
	return nameColumns
		.map((i) => (row[i] ?? '').trim())
		.filter(Boolean)
		.join(' ');
}

/** How many rows look wrongly decoded: a broken cell anywhere or an implausible name. */
export function suspectRows(rows: string[][], nameColumns: number[]): number {
	let n = 0;
	for (const row of rows) {
		if (row.some(brokenCell) || implausibleName(nameOf(row, nameColumns))) n += 1;
	}
	return n;
}

export interface EncodingCandidate {
	encoding: Encoding;
	suspect: number;
	samples: string[];
}

/**
 * The file read in each encoding it is valid in, with the names of the same few rows: those with
 * letters outside ASCII, where encodings differ (the first rows if there are none).
 */
export function encodingCandidates(
	source: Buffer,
	parse: (text: string) => string[][] | null,
	nameColumns: number[]
): EncodingCandidate[] {
	const tables = ENCODINGS.flatMap((encoding) => {
		const text = decodeAs(source, encoding);
		const rows = text === null ? null : parse(text);
		return rows ? [{ encoding, rows }] : [];
	});
	const first = tables[0]?.rows ?? [];
	const differing = first
		.map((row, i) => ({ i, name: nameOf(row, nameColumns) }))
		// eslint-disable-next-line no-control-regex
		.filter((r) => /[^\x00-\x7f]/.test(r.name))
		.map((r) => r.i);
	const picked = (differing.length ? differing : first.map((_, i) => i)).slice(0, SAMPLE_SIZE);
	return tables.map(({ encoding, rows }) => ({
		encoding,
		suspect: suspectRows(rows, nameColumns),
		samples: picked.map((i) => nameOf(rows[i] ?? [], nameColumns))
	}));
}
