// Reading the CSV exports of Magister, Somtoday and Eduarte: `;` or `,`, UTF-8 or Windows-1252 (and
// UTF-16 with a byte-order mark, which Excel writes as "Unicode text"). Parsing is csv-parse's, decoding
// iconv-lite's: quoting rules and code pages are not something to hand-write.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { decodeAs, type Encoding } from './encoding';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 60;

export type CsvError =
	'empty' | 'too_large' | 'binary' | 'too_many_columns' | 'too_many_rows' | 'malformed' | 'no_rows';

export interface CsvTable {
	encoding: Encoding | 'utf-16le' | 'utf-16be';
	delimiter: ';' | ',' | '\t';
	headers: string[];
	rows: string[][];
}

export function decode(
	bytes: Uint8Array,
	chosen?: Encoding
): { text: string; encoding: CsvTable['encoding'] } | { error: CsvError } {
	if (bytes.length === 0) return { error: 'empty' };
	if (bytes.length > MAX_FILE_BYTES) return { error: 'too_large' };
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf[0] === 0xff && buf[1] === 0xfe)
		return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
	if (buf[0] === 0xfe && buf[1] === 0xff)
		return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
	let encoding: Encoding = chosen ?? 'utf-8';
	let text = decodeAs(buf, encoding);
	if (text === null) {
		// Not valid UTF-8: the Windows code page Dutch school systems export with.
		encoding = 'windows-1252';
		text = decodeAs(buf, encoding) ?? '';
	}
	// NUL bytes mean this is not a text file (a spreadsheet, an image, UTF-16 without a BOM).
	if (text.includes('\u0000')) return { error: 'binary' };
	if (!text.trim()) return { error: 'empty' };
	return { text, encoding };
}

/** The delimiter that splits the header line into the most fields. */
export function detectDelimiter(text: string): CsvTable['delimiter'] {
	const header = text.split(/\r?\n/, 1)[0] ?? '';
	const count = (c: string) => header.split(c).length - 1;
	const candidates: CsvTable['delimiter'][] = [';', ',', '\t'];
	return candidates.reduce((best, c) => (count(c) > count(best) ? c : best), ';');
}

export function parseText(
	text: string
): Pick<CsvTable, 'delimiter' | 'headers' | 'rows'> | { error: CsvError } {
	const delimiter = detectDelimiter(text);
	let records: string[][];
	try {
		records = parse(text, {
			delimiter,
			relax_column_count: true,
			skip_empty_lines: true,
			trim: true,
			max_record_size: 64 * 1024,
			to: MAX_ROWS + 2
		});
	} catch {
		return { error: 'malformed' };
	}
	const [headers, ...rows] = records;
	if (!headers || rows.length === 0) return { error: 'no_rows' };
	if (records.some((r) => r.length > MAX_COLUMNS)) return { error: 'too_many_columns' };
	if (rows.length > MAX_ROWS) return { error: 'too_many_rows' };
	return { delimiter, headers, rows };
}

/** The file as a table; `encoding` is the admin's choice when the detected one read names wrongly. */
export function readCsv(bytes: Uint8Array, encoding?: Encoding): CsvTable | { error: CsvError } {
	const decoded = decode(bytes, encoding);
	if ('error' in decoded) return decoded;
	const parsed = parseText(decoded.text);
	if ('error' in parsed) return parsed;
	return { encoding: decoded.encoding, ...parsed };
}
