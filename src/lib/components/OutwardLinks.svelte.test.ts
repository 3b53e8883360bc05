import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import OutwardLinks from './OutwardLinks.svelte';

describe('OutwardLinks', () => {
	it('offers the national tools as plain links: a new tab, no referrer, no tracking parameters', () => {
		render(OutwardLinks);
		const links = screen.getAllByRole('link');
		expect(links.map((a) => a.textContent?.replace(/\s*\(.*\)$/, ''))).toEqual([
			'KiesMBO',
			'Studiekeuze123',
			'Leeroverzicht',
			'Werkcentrum'
		]);
		for (const a of links) {
			expect(a.getAttribute('target')).toBe('_blank');
			expect(a.getAttribute('rel')).toBe('noopener noreferrer');
			expect(new URL(a.getAttribute('href') ?? '').search).toBe('');
		}
	});
});
