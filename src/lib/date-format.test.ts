import { describe, expect, it } from 'vitest';
import { dateFormat, formatRemembered } from './date-format';

describe('dateFormat', () => {
	it('formats like toLocaleString and reuses one formatter per locale and style', () => {
		const options = { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' } as const;
		const d = new Date('2026-11-14T12:00:00Z');
		expect(dateFormat('nl-NL', options).format(d)).toBe(d.toLocaleDateString('nl-NL', options));
		expect(dateFormat('nl-NL', { ...options })).toBe(dateFormat('nl-NL', options));
		expect(dateFormat('en-GB', options)).not.toBe(dateFormat('nl-NL', options));
	});

	it('remembers texts per formatter, and they stay those of their formatter', () => {
		const nl = dateFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
		const en = dateFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
		const ms = Date.parse('2026-11-14T23:30:00Z');
		// Past midnight in Amsterdam: the 15th.
		expect(formatRemembered(nl, ms)).toBe('15 nov');
		expect(formatRemembered(nl, ms)).toBe(nl.format(ms));
		expect(formatRemembered(en, ms)).toBe(en.format(ms));
		for (let i = 0; i < 6000; i++) formatRemembered(nl, ms + i * 86_400_000);
		expect(formatRemembered(nl, ms + 86_400_000)).toBe(nl.format(ms + 86_400_000));
	});

	it("shows Dutch schools' time unless told otherwise, whatever the server's zone", () => {
		const ms = Date.parse('2026-12-02T13:05:00Z');
		expect(dateFormat('nl-NL', { hour: '2-digit', minute: '2-digit' }).format(ms)).toBe('14:05');
		expect(dateFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(ms)).toBe(
			'13:05'
		);
	});
});
