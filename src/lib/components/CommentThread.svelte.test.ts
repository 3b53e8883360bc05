import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import CommentThread from './CommentThread.svelte';

const base = {
	parentId: null,
	authorName: 'Marieke Jansen',
	byStudent: false,
	mine: false,
	deleted: false,
	createdAt: Date.UTC(2026, 9, 2, 10, 0),
	edited: false,
	canEdit: false
};

describe('CommentThread', () => {
	it('nests replies under their root and shows a deleted comment as deleted, as text', () => {
		render(CommentThread, {
			comments: [
				{ ...base, id: 1, body: '<b>Wat zegt dit over jou?</b>' },
				{ ...base, id: 2, parentId: 1, byStudent: true, mine: true, authorName: 'Sanne', body: 'Veel.' },
				{ ...base, id: 3, body: '', deleted: true }
			],
			forStudent: true
		});
		expect(screen.getByText('<b>Wat zegt dit over jou?</b>')).toBeTruthy();
		const replies = document.querySelector('#c-1')?.parentElement?.querySelector('.replies');
		expect(replies?.textContent).toContain('Veel.');
		expect(screen.getByText('Deze reactie is verwijderd.')).toBeTruthy();
		expect(screen.queryByText('Open vragen om mee te beginnen')).toBeNull();
	});

	it('a starter puts its question in the text box; a failed post keeps the text and shows the error', async () => {
		const { unmount } = render(CommentThread, {
			comments: [],
			forStudent: false,
			starters: ['Wat vond je het leukst?']
		});
		await fireEvent.click(screen.getByRole('button', { name: 'Wat vond je het leukst?' }));
		expect((screen.getByLabelText('Je reactie') as HTMLTextAreaElement).value).toBe(
			'Wat vond je het leukst?'
		);
		unmount();
		render(CommentThread, {
			comments: [],
			forStudent: false,
			form: { values: { body: 'x'.repeat(50) }, errors: { body: 'Dit is te lang.' }, message: 'fout' }
		});
		expect((screen.getByLabelText('Je reactie') as HTMLTextAreaElement).value).toBe('x'.repeat(50));
		expect(screen.getByText('Dit is te lang.')).toBeTruthy();
	});
});
