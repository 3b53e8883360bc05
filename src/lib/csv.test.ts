import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

describe('csv for Dutch Excel', () => {
	it('starts with a BOM and separates with semicolons and CRLF', () => {
		expect(
			toCsv([
				['a', 'b'],
				[1, null]
			])
		).toBe('\uFEFFa;b\r\n1;\r\n');
	});

	it('neutralises cells that a spreadsheet would run as a formula', () => {
		expect(['=SUM(A1)', '+31', '-2', '@cmd', '\tx'].map(csvField)).toEqual([
			"'=SUM(A1)",
			"'+31",
			"'-2",
			"'@cmd",
			"'\tx"
		]);
	});

	it('neutralises the full-width forms of the formula characters too', () => {
		expect(['＝1+1', '＋31', '－2', '＠cmd', '\rx'].map(csvField)).toEqual([
			"'＝1+1",
			"'＋31",
			"'－2",
			"'＠cmd",
			`"'\rx"`
		]);
	});

	it('quotes separators, quotes and line breaks', () => {
		expect(csvField('a;b')).toBe('"a;b"');
		expect(csvField('zei "ja"')).toBe('"zei ""ja"""');
		expect(csvField('=a;b')).toBe(`"'=a;b"`);
	});

	it('keeps numbers and accents as they are', () => {
		expect(csvField(-1)).toBe('-1');
		expect(csvField('coördinator')).toBe('coördinator');
	});
});
