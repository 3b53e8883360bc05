import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import MatrixGrid from './MatrixGrid.svelte';
import { encodeCells } from '$lib/matrix-code';

const tasks = [
	{ id: 1, kind: 'begeleidend' as const, name: 'Gesprekken' },
	{ id: 2, kind: 'begeleidend' as const, name: 'Ouders' },
	{ id: 3, kind: 'management' as const, name: 'Faciliteren' }
];
const actors = [
	{ id: 10, name: 'Decaan' },
	{ id: 11, name: 'Mentor' }
];
const cells = [{ taskId: 1, actorId: 10, part: 'uitvoerend' as const, rating: 3 }];
const code = encodeCells(tasks, actors, cells, new Map());

function setup(onopen = vi.fn()) {
	render(MatrixGrid, { tasks, actors, code, cellHref: '/cell/', onopen, label: 'Matrix' });
	const cell = (t: number, a: number) => document.querySelector<HTMLAnchorElement>(`#c-${t}-${a} a`);
	return { cell, onopen, user: userEvent.setup() };
}

describe('MatrixGrid keyboard', () => {
	it('puts exactly one cell in the tab order, the first', async () => {
		const { cell, user } = setup();
		const tabbable = [...document.querySelectorAll('td a')].filter((a) => a.getAttribute('tabindex') === '0');
		expect(tabbable).toEqual([cell(1, 10)]);
		// The first tab stop is the first kind's toggle, the second the grid.
		await user.tab();
		await user.tab();
		expect(document.activeElement).toBe(cell(1, 10));
	});

	it('moves between cells with the arrow keys, across kinds, and stops at the edges', async () => {
		const { cell, user } = setup();
		cell(1, 10)?.focus();
		await user.keyboard('{ArrowRight}');
		expect(document.activeElement).toBe(cell(1, 11));
		await user.keyboard('{ArrowRight}');
		expect(document.activeElement).toBe(cell(1, 11));
		await user.keyboard('{ArrowDown}{ArrowDown}');
		expect(document.activeElement).toBe(cell(3, 11));
		expect(cell(3, 11)?.getAttribute('tabindex')).toBe('0');
		expect(cell(1, 10)?.getAttribute('tabindex')).toBe('-1');
		await user.keyboard('{Home}');
		expect(document.activeElement).toBe(cell(3, 10));
		await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
		expect(document.activeElement).toBe(cell(1, 10));
		await user.keyboard('{Control>}{End}{/Control}');
		expect(document.activeElement).toBe(cell(3, 11));
	});

	it('skips a collapsed kind', async () => {
		const { cell, user } = setup();
		await user.click(screen.getByRole('button', { name: /Managementtaken/ }));
		expect(cell(3, 10)).toBeNull();
		cell(2, 10)?.focus();
		await user.keyboard('{ArrowDown}');
		expect(document.activeElement).toBe(cell(2, 10));
	});

	it('opens the editor with Enter or Space instead of following the link', async () => {
		const { cell, user, onopen } = setup();
		cell(1, 11)?.focus();
		await user.keyboard('{Enter}');
		expect(onopen).toHaveBeenLastCalledWith(1, 11);
		await user.keyboard('{ArrowDown}[Space]');
		expect(onopen).toHaveBeenLastCalledWith(2, 11);
	});

	it('names each cell for a screen reader', () => {
		setup();
		expect(
			screen.getByRole('link', { name: /Gesprekken, Decaan: Uitvoerend, oordeel 3 van 4/ })
		).toBeTruthy();
	});

	it('names a cell where views differ, from pieces each cell in that state shares', () => {
		render(MatrixGrid, {
			tasks,
			actors,
			code: encodeCells(
				tasks,
				actors,
				cells,
				new Map([
					['1:10', { roleDiffers: true, min: null, max: null }],
					['2:11', { roleDiffers: true, min: 1, max: 3 }]
				])
			),
			cellHref: '/cell/',
			label: 'Matrix'
		});
		expect(
			screen.getByRole('link', {
				name: 'Gesprekken, Decaan: Uitvoerend, oordeel 3 van 4, rollen verschillen'
			})
		).toBeTruthy();
		expect(
			screen.getByRole('link', {
				name: 'Ouders, Mentor: Geen rol, oordelen respondenten 1–3, rollen verschillen, oordelen liggen ver uiteen'
			})
		).toBeTruthy();
		expect(document.querySelector('#c-2-11')?.className).toBe('p-g s r');
		expect(screen.getByRole('link', { name: 'Faciliteren, Mentor: Geen rol' })).toBeTruthy();
	});

	it('without links, tells each cell in words and leaves the tab order to the region', () => {
		render(MatrixGrid, { tasks, actors, code, label: 'Matrix' });
		expect(document.querySelectorAll('td a')).toHaveLength(0);
		expect(document.querySelector('#c-1-10')?.textContent).toContain(
			'Gesprekken, Decaan: Uitvoerend, oordeel 3 van 4'
		);
		expect(screen.getByRole('region', { name: 'Matrix' }).getAttribute('tabindex')).toBe('0');
	});
});
