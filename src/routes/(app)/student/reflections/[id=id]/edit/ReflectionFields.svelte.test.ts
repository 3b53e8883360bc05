// Types for the jest-dom matchers (the setup file registers them at run time).
import '@testing-library/jest-dom/vitest';
import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import ReflectionFields from './ReflectionFields.svelte';
import ConflictView from './ConflictView.svelte';
import type { DraftContent } from '$lib/reflection-draft';

// Reactive like the editor's own state, so the fields can bind to it.
function content(over: Partial<DraftContent> = {}): DraftContent {
	const state = $state<DraftContent>({
		title: 'Titel',
		doel: '',
		resultaat: '',
		evaluatie: '',
		vervolg: '',
		visibility: 'mentor',
		competencies: [],
		...over
	});
	return state;
}

describe('ReflectionFields', () => {
	it('asks other helping questions for a stage than for an open day', () => {
		const stage = render(ReflectionFields, { content: content(), activityType: 'stage', errors: {} });
		expect(screen.getByText(/Wat wilde je zien of leren op deze werkplek\?/)).toBeInTheDocument();
		stage.unmount();
		render(ReflectionFields, { content: content(), activityType: 'open_dag', errors: {} });
		expect(screen.getByText(/Wat wilde je weten over deze opleiding\?/)).toBeInTheDocument();
		expect(screen.queryByText(/op deze werkplek/)).toBeNull();
	});

	it('labels competencies by their student question and shows a field error at its field', () => {
		render(ReflectionFields, {
			content: content({ visibility: 'dossier' }),
			activityType: 'hobby',
			errors: { doel: 'Dit is te lang: maximaal 4000 tekens.' }
		});
		expect(screen.getByRole('checkbox', { name: /Wat kan ik\?/ })).toBeInTheDocument();
		const doel = screen.getByRole('textbox', { name: /Wat wilde je weten\?/ });
		expect(doel).toHaveAttribute('aria-invalid', 'true');
		expect(doel).toHaveAccessibleDescription(/maximaal 4000 tekens/);
		expect(screen.getByRole('radio', { name: /In mijn dossier/ })).toBeChecked();
	});
});

describe('ConflictView', () => {
	it('shows both texts and lets the student choose', async () => {
		const onkeep = vi.fn();
		const ontake = vi.fn();
		render(ConflictView, {
			reflectionId: 3,
			mine: content({ doel: 'Mijn tekst' }),
			theirs: { ...content({ doel: 'Andere tekst' }), version: 4, updatedAt: Date.UTC(2026, 10, 30, 9, 0) },
			onkeep,
			ontake
		});
		expect(screen.getByText('Mijn tekst')).toBeInTheDocument();
		expect(screen.getByText('Andere tekst')).toBeInTheDocument();
		await userEvent.click(screen.getByRole('button', { name: 'Houd mijn tekst' }));
		expect(onkeep).toHaveBeenCalledOnce();
		await userEvent.click(screen.getByRole('link', { name: 'Neem de opgeslagen tekst' }));
		expect(ontake).toHaveBeenCalledOnce();
	});
});
