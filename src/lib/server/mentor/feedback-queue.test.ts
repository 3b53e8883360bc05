import { expect, it } from 'vitest';
import { excerptOf } from './feedback-queue';

it('cuts an excerpt at a word, on one line, and marks the cut', () => {
	expect(excerptOf('  Ik heb\n brood gebakken.  ')).toBe('Ik heb brood gebakken.');
	const long = `${'woord '.repeat(40)}einde`;
	const cut = excerptOf(long);
	expect(cut.endsWith('woord…')).toBe(true);
	expect(cut.length).toBeLessThanOrEqual(181);
	expect(excerptOf('x'.repeat(300))).toBe(`${'x'.repeat(180)}…`);
});
