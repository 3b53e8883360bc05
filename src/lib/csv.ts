// CSV as Dutch Excel opens it: `;` between fields (the decimal comma owns `,`), UTF-8 with a byte-order
// mark so accents survive, CRLF lines.
export type CsvValue = string | number | null | undefined;

// A field starting with one of these is run as a formula by spreadsheet programs (CSV injection, OWASP's
// list). The full-width forms are included too: some spreadsheet imports fold them to their ASCII twins.
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

export function csvField(value: CsvValue): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
	return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
	return '\uFEFF' + rows.map((r) => r.map(csvField).join(';')).join('\r\n') + '\r\n';
}
