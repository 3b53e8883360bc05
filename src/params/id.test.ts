import { describe, expect, it } from 'vitest';
import { match } from './id';

describe('the id param matcher', () => {
	it('accepts positive safe integers written plainly', () => {
		for (const ok of ['1', '42', '1000', String(Number.MAX_SAFE_INTEGER)]) expect(match(ok), ok).toBe(true);
	});

	it('refuses zero, signs, leading zeros, decimals, exponents, spaces and numbers past the safe range', () => {
		const bad = [
			'',
			'0',
			'00',
			'007',
			'-1',
			'+1',
			'1.0',
			'1e3',
			' 1',
			'1 ',
			'0x1',
			'abc',
			'١',
			'9007199254740992'
		];
		for (const no of bad) expect(match(no), JSON.stringify(no)).toBe(false);
	});
});
