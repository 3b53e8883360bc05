// Reading the CSV exports of Magister, Somtoday and Eduarte: `;` or `,`, UTF-8 or Windows-1252 (and
// UTF-16 with a byte-order mark, which Excel writes as "Unicode text"). Parsing is csv-parse's, decoding
// iconv-lite's: quoting rules and code pages are not something to hand-write.
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 20_000;
export const MAX_COLUMNS = 60;

export type CsvError =
	'empty' | 'too_large' | 'binary' | 'too_many_columns' | 'too_many_rows' | 'malformed' | 'no_rows';

export interface CsvTable {
	encoding: 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
	delimiter: ';' | ',' | '\t';
	headers: string[];
	rows: string[][];
}

export function decode(
	bytes: Uint8Array
): { text: string; encoding: CsvTable['encoding'] } | { error: CsvError } {
	if (bytes.length === 0) return { error: 'empty' };
	if (bytes.length > MAX_FILE_BYTES) return { error: 'too_large' };
	const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	if (buf[0] === 0xff && buf[1] === 0xfe)
		return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
	if (buf[0] === 0xfe && buf[1] === 0xff)
		return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
	let text: string;
	let encoding: CsvTable['encoding'];
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
		encoding = 'utf-8';
	} catch {
		// Not valid UTF-8: the Windows code page Dutch school systems export with.
		text = iconv.decode(buf, 'win1252');
		encoding = 'windows-1252';
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

export function readCsv(bytes: Uint8Array): CsvTable | { error: CsvError } {
	const decoded = decode(bytes);
	if ('error' in decoded) return decoded;
	const delimiter = detectDelimiter(decoded.text);
	let records: string[][];
	try {
		records = parse(decoded.text, {
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
	return { encoding: decoded.encoding, delimiter, headers, rows };
}
