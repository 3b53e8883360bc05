// Types for the jest-dom matchers (the setup file registers them at run time).
import '@testing-library/jest-dom/vitest';
import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import Field from './Field.svelte';

describe('Field', () => {
	it('labels its input (label for = input id) and passes attributes through', () => {
		render(Field, { name: 'username', label: 'Gebruikersnaam', value: 'sanne', autocomplete: 'username' });
		const input = screen.getByLabelText('Gebruikersnaam');
		expect(input.tagName).toBe('INPUT');
		expect(input.id).toBe('f-username');
		expect(input).toHaveAttribute('name', 'username');
		expect(input).toHaveValue('sanne');
		expect(input).toHaveAttribute('autocomplete', 'username');
		expect(input).not.toHaveAttribute('aria-invalid');
		expect(input).not.toHaveAttribute('aria-describedby');
	});

	it('with an error: aria-invalid and the error text as its description', () => {
		render(Field, { name: 'password', type: 'password', label: 'Wachtwoord', error: 'Vul dit in.' });
		const input = screen.getByLabelText('Wachtwoord');
		expect(input).toHaveAttribute('aria-invalid', 'true');
		expect(input).toHaveAccessibleDescription('Vul dit in.');
		expect(document.getElementById('f-password-error')).toHaveTextContent('Vul dit in.');
	});

	it('a hint describes the field; with an error too, both are read, hint first', () => {
		render(Field, {
			name: 'newPassword',
			label: 'Nieuw wachtwoord',
			hint: 'Minimaal 10 tekens.',
			error: 'Dit is te kort.'
		});
		const input = screen.getByLabelText('Nieuw wachtwoord');
		expect(input).toHaveAttribute('aria-describedby', 'f-newPassword-hint f-newPassword-error');
		expect(input).toHaveAccessibleDescription('Minimaal 10 tekens. Dit is te kort.');
	});

	it('a custom id keeps label, hint and error linked', () => {
		render(Field, { name: 'x', id: 'custom', label: 'Titel', hint: 'Kort' });
		const input = screen.getByLabelText('Titel');
		expect(input.id).toBe('custom');
		expect(input).toHaveAccessibleDescription('Kort');
	});

	it('multiline renders a labelled textarea with the same error wiring and a list value joined', () => {
		render(Field, {
			name: 'doel',
			label: 'Wat wilde je weten?',
			multiline: true,
			value: ['a', 'b'],
			error: 'Vul dit in.',
			maxlength: 2000,
			required: true
		});
		const area = screen.getByLabelText('Wat wilde je weten?');
		expect(area.tagName).toBe('TEXTAREA');
		expect(area).toHaveValue('a, b');
		expect(area).toHaveAttribute('aria-invalid', 'true');
		expect(area).toHaveAttribute('maxlength', '2000');
		expect(area).toBeRequired();
		expect(area).toHaveAccessibleDescription('Vul dit in.');
	});
});
