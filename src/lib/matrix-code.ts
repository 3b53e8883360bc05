// The round page sends its grid as one string: four characters per cell, task by task and within a task
// actor by actor, in the order of the lists sent with it. The first is the part's letter (upper case where
// the respondents' parts differ), the second the agreed rating ("0" for none), the third and fourth the
// lowest and highest rating the respondents gave ("0" for none). The 364 cells of a full matrix are then
// 1456 characters instead of 364 objects for the server to serialise and the browser to parse.
import { PARTS, type Part } from './matrix';
import { cellKey, RATING_SPREAD } from './matrix-analysis';

export interface CellPart {
	taskId: number;
	actorId: number;
	part: Part;
	rating: number | null;
}

/** What the respondents said of one cell, in short: whether parts differ and the range of their ratings. */
export interface CellSpread {
	roleDiffers: boolean;
	min: number | null;
	max: number | null;
}

export const CELL_CHARS = 4;

export const PART_LETTER: Record<Part, string> = {
	eindverantwoordelijk: 'e',
	uitvoerend: 'u',
	ondersteunend: 'o',
	geinformeerd: 'i',
	geen: 'g'
};
const PART_OF = new Map(PARTS.map((p) => [PART_LETTER[p], p]));

/** The part a (lower case) letter of the code stands for; "geen" for anything else. */
export function partOfLetter(letter: string): Part {
	return PART_OF.get(letter) ?? 'geen';
}

/** Ratings at least RATING_SPREAD apart. */
export const ratingsDiffer = (s: { min: number | null; max: number | null }) =>
	s.min !== null && s.max !== null && s.max - s.min >= RATING_SPREAD;

export function encodeCells(
	tasks: { id: number }[],
	actors: { id: number }[],
	cells: CellPart[],
	spreads: Map<string, CellSpread>
): string {
	const byKey = new Map(cells.map((c) => [cellKey(c.taskId, c.actorId), c]));
	let code = '';
	for (const task of tasks)
		for (const actor of actors) {
			const key = cellKey(task.id, actor.id);
			const cell = byKey.get(key);
			const spread = spreads.get(key);
			const letter = PART_LETTER[cell?.part ?? 'geen'];
			code +=
				(spread?.roleDiffers ? letter.toUpperCase() : letter) +
				String(cell?.rating ?? 0) +
				String(spread?.min ?? 0) +
				String(spread?.max ?? 0);
		}
	return code;
}

/** One cell of the code: its agreed part and rating, and the respondents' spread. */
export function decodeCell(chunk: string): { part: Part; rating: number | null } & CellSpread {
	const letter = chunk[0] ?? 'g';
	return {
		part: PART_OF.get(letter.toLowerCase()) ?? 'geen',
		rating: Number(chunk[1] ?? 0) || null,
		roleDiffers: letter !== letter.toLowerCase(),
		min: Number(chunk[2] ?? 0) || null,
		max: Number(chunk[3] ?? 0) || null
	};
}

/** The cells that are not empty, and the keys of the cells where views differ (in part or rating). */
export function decodeCells(
	code: string,
	tasks: { id: number }[],
	actors: { id: number }[]
): { cells: CellPart[]; splits: string[]; spreads: Map<string, CellSpread> } {
	const cells: CellPart[] = [];
	const splits: string[] = [];
	const spreads = new Map<string, CellSpread>();
	let i = 0;
	for (const task of tasks)
		for (const actor of actors) {
			const { part, rating, ...spread } = decodeCell(code.slice(i, i + CELL_CHARS));
			const key = cellKey(task.id, actor.id);
			i += CELL_CHARS;
			if (spread.roleDiffers || ratingsDiffer(spread)) splits.push(key);
			if (spread.min !== null) spreads.set(key, spread);
			if (part !== 'geen' || rating) cells.push({ taskId: task.id, actorId: actor.id, part, rating });
		}
	return { cells, splits, spreads };
}
