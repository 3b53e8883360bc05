import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import Timeline from './Timeline.svelte';
import type { TimelineItem } from '$lib/growth-view';

const DAY = 24 * 60 * 60 * 1000;
const now = Date.UTC(2026, 10, 30, 12);

describe('Timeline', () => {
	it('names each kind of activity in plain words, with when it happened', () => {
		const items: TimelineItem[] = [
			{ kind: 'reflection', id: 1, at: now, title: '', finished: false },
			{ kind: 'rating', id: 2, at: now - 21 * DAY, competency: 'netwerken', level: 3 },
			{ kind: 'goal', id: 3, at: now - DAY, title: 'Open dag', status: 'done' }
		];
		render(Timeline, { items, now, locale: 'nl' });
		expect(screen.getByRole('link', { name: 'Reflectie (concept): zonder titel' })).toHaveAttribute(
			'href',
			'/student/reflections/1'
		);
		expect(screen.getByText('Cijfer bij "Wie kan mij helpen?": 3 van 4')).toBeInTheDocument();
		expect(screen.getByText('3 weken geleden')).toBeInTheDocument();
		expect(screen.getByRole('link', { name: 'Doel: Open dag' })).toHaveAttribute(
			'href',
			'/student/goals#goal-3'
		);
		expect(screen.getByText('Gelukt')).toBeInTheDocument();
	});

	it('says so when there is nothing yet', () => {
		render(Timeline, { items: [], now, locale: 'nl' });
		expect(screen.getByText('Je hebt nog niets gedaan.')).toBeInTheDocument();
	});
});
