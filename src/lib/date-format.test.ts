import { describe, expect, it } from 'vitest';
import { dateFormat } from './date-format';

describe('dateFormat', () => {
	it('formats like toLocaleString and reuses one formatter per locale and style', () => {
		const options = { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' } as const;
		const d = new Date('2026-11-14T12:00:00Z');
		expect(dateFormat('nl-NL', options).format(d)).toBe(d.toLocaleDateString('nl-NL', options));
		expect(dateFormat('nl-NL', { ...options })).toBe(dateFormat('nl-NL', options));
		expect(dateFormat('en-GB', options)).not.toBe(dateFormat('nl-NL', options));
	});

	it('formats in Amsterdam time: past midnight there is the next day', () => {
		const nl = dateFormat('nl-NL', { day: 'numeric', month: 'short', timeZone: 'Europe/Amsterdam' });
		expect(nl.format(Date.parse('2026-11-14T23:30:00Z'))).toBe('15 nov');
	});

	it("shows Dutch schools' time unless told otherwise, whatever the server's zone", () => {
		const ms = Date.parse('2026-12-02T13:05:00Z');
		expect(dateFormat('nl-NL', { hour: '2-digit', minute: '2-digit' }).format(ms)).toBe('14:05');
		expect(dateFormat('nl-NL', { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' }).format(ms)).toBe(
			'13:05'
		);
	});
});
