// What the grid shows of one cell, worked out from its four characters of the grid code (matrix-code.ts).
// Cells in the same state share one State, so a row is a list of (at most a few dozen) shared objects.
import { m } from '$lib/paraglide/messages';
import type { Part } from '$lib/matrix';
import { partLabel, partShort } from '$lib/matrix-labels';
import { decodeCell, PART_LETTER, ratingsDiffer, CELL_CHARS } from '$lib/matrix-code';

export interface CellState {
	part: Part;
	rating: number | null;
	/** The respondents' parts differ. */
	roleSplit: boolean;
	/** The respondents' ratings lie two or more apart. */
	ratingSplit: boolean;
	/** The respondents' ratings, "2–4" or "3"; empty without any. */
	spread: string;
	/** The cell's classes: its part's letter, "s" where parts differ and "r" where ratings do. */
	cls: string;
	short: string;
	/** The agreed rating as shown beside the letter; empty without one. */
	sup: string;
	/** The id of the hidden piece that tells the state, the last part of a cell link's name. */
	id: string;
}

/** A function from a cell's chunk of the code to its (shared) state; `marked` shows the differences. */
export function stateReader(uid: string, marked: boolean) {
	const byChunk: Record<string, CellState> = {};
	const read = (chunk: string): CellState => {
		const known = byChunk[chunk];
		if (known) return known;
		const c = decodeCell(chunk);
		const roleSplit = marked && c.roleDiffers;
		const ratingSplit = marked && ratingsDiffer(c);
		const spread = c.min === null ? '' : c.min === c.max ? `${c.min}` : `${c.min}–${c.max}`;
		const key = `${PART_LETTER[c.part]}${chunk.slice(1)}${c.roleDiffers ? 's' : ''}`;
		return (byChunk[chunk] = {
			part: c.part,
			rating: c.rating,
			roleSplit,
			ratingSplit,
			spread,
			cls: `p-${PART_LETTER[c.part]}${roleSplit ? ' s' : ''}${ratingSplit ? ' r' : ''}`,
			short: partShort[c.part](),
			sup: c.rating ? String(c.rating) : '',
			id: `${uid}${key}`
		});
	};
	return { read, used: () => Object.values(byChunk) };
}

/** The chunk of the code that holds cell (t, c) in a grid with n actors. */
export const chunkAt = (code: string, t: number, c: number, n: number) => {
	const i = CELL_CHARS * (t * n + c);
	return code.slice(i, i + CELL_CHARS) || 'g000';
};

export function describeState({ part, rating, roleSplit, ratingSplit, spread }: CellState): string {
	const words = [partLabel[part]()];
	if (rating) words.push(m.mx_cell_rated({ rating }));
	if (spread) words.push(m.mx_spread_sr({ spread }));
	if (roleSplit) words.push(m.mx_split());
	if (ratingSplit) words.push(m.mx_rating_split());
	return words.join(', ');
}

export function sentence(task: { name: string }, actor: { name: string }, state: CellState): string {
	const label = m.mx_cell_label({ task: task.name, actor: actor.name, part: partLabel[state.part]() });
	const rest = describeState(state).slice(partLabel[state.part]().length);
	return label + rest;
}
