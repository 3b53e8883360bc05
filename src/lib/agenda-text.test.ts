import { describe, expect, it } from 'vitest';
import { agendaLine, proposalLine } from './agenda-text';
import { getLocale, overwriteGetLocale } from '$lib/paraglide/runtime';

describe('agenda lines', () => {
	it('speaks to the student in their language, with real plurals', () => {
		const two = { key: 'new_reflections' as const, count: 2, titles: ['Bakker', ''] };
		expect(proposalLine(two, 'student')).toBe('Je schreef 2 nieuwe reflecties: Bakker, (zonder titel)');
		expect(proposalLine({ ...two, count: 1, titles: ['Bakker'] }, 'mentor')).toBe(
			'1 nieuwe reflectie sinds het vorige gesprek: Bakker'
		);
		expect(proposalLine({ key: 'open_replies', count: 2, titles: [] }, 'mentor')).toBe(
			'2 reacties van de leerling nog niet besproken'
		);
		const before = getLocale;
		overwriteGetLocale(() => 'en');
		try {
			expect(proposalLine({ key: 'open_replies', count: 1, titles: [] }, 'student')).toBe(
				'You wrote a reply. You will talk about it.'
			);
		} finally {
			overwriteGetLocale(before);
		}
	});

	it('names no titles in a group, and shows other points as written', () => {
		const goals = { key: 'goals_due' as const, count: 3, titles: ['Stage'] };
		expect(proposalLine(goals, 'group')).not.toContain('Stage');
		expect(agendaLine({ text: 'Mijn punt', proposal: null }, 'student')).toBe('Mijn punt');
	});
});
