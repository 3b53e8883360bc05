import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import Completeness from './Completeness.svelte';
import SaveStatus from './SaveStatus.svelte';
import type { DraftContent } from '$lib/reflection-draft';

const empty: DraftContent = {
	title: 'Open dag',
	doel: '',
	resultaat: '',
	evaluatie: '',
	vervolg: '',
	visibility: 'mentor',
	competencies: []
};

describe('Completeness', () => {
	it('names every part still missing, and the competency', () => {
		render(Completeness, { content: { ...empty, resultaat: 'Ik zag een werkplaats.' } });
		expect(screen.getByText('Je doel ontbreekt nog.')).toBeInTheDocument();
		expect(screen.getByText('Kies nog een vraag waar dit bij past.')).toBeInTheDocument();
		expect(screen.getAllByRole('listitem')).toHaveLength(4);
		expect(screen.queryByText(/Alles is ingevuld/)).not.toBeInTheDocument();
	});

	it('says so when the four parts and a competency are there', () => {
		const full = { ...empty, doel: 'a', resultaat: 'b', evaluatie: 'c', vervolg: 'd' };
		render(Completeness, { content: { ...full, competencies: ['motieven'] } });
		expect(screen.getByText('Alles is ingevuld. Goed bezig!')).toBeInTheDocument();
		expect(screen.queryByRole('list')).not.toBeInTheDocument();
	});
});

describe('SaveStatus', () => {
	it('is an empty live region until something happens, then says it', async () => {
		const view = render(SaveStatus, { status: 'idle', savedAt: 0 });
		expect(screen.getByRole('status')).toHaveTextContent(/^$/);
		await view.rerender({ status: 'saving', savedAt: 0 });
		expect(screen.getByRole('status')).toHaveTextContent('Bezig met opslaan…');
	});
});
