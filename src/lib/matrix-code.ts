// The round page sends its grid as one string: two characters per cell, task by task and within a task actor
// by actor, in the order of the lists sent with it. The first is the part's letter (upper case where the
// respondents' views differ), the second the rating ("0" for none). The 364 cells of a full matrix are then
// 728 characters instead of 364 objects for the server to serialise and the browser to parse.
import { PARTS, type Part } from './matrix';
import { cellKey } from './matrix-analysis';

export interface CellPart {
	taskId: number;
	actorId: number;
	part: Part;
	rating: number | null;
}

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

export function encodeCells(
	tasks: { id: number }[],
	actors: { id: number }[],
	cells: CellPart[],
	splits: string[]
): string {
	const byKey = new Map(cells.map((c) => [cellKey(c.taskId, c.actorId), c]));
	const split = new Set(splits);
	let code = '';
	for (const task of tasks)
		for (const actor of actors) {
			const key = cellKey(task.id, actor.id);
			const cell = byKey.get(key);
			const letter = PART_LETTER[cell?.part ?? 'geen'];
			code += (split.has(key) ? letter.toUpperCase() : letter) + String(cell?.rating ?? 0);
		}
	return code;
}

/** The cells that are not empty, and the keys of the cells where views differ. */
export function decodeCells(
	code: string,
	tasks: { id: number }[],
	actors: { id: number }[]
): { cells: CellPart[]; splits: string[] } {
	const cells: CellPart[] = [];
	const splits: string[] = [];
	let i = 0;
	for (const task of tasks)
		for (const actor of actors) {
			const letter = code[i] ?? 'g';
			const rating = Number(code[i + 1] ?? 0) || null;
			const part = PART_OF.get(letter.toLowerCase()) ?? 'geen';
			i += 2;
			if (letter !== letter.toLowerCase()) splits.push(cellKey(task.id, actor.id));
			if (part !== 'geen' || rating) cells.push({ taskId: task.id, actorId: actor.id, part, rating });
		}
	return { cells, splits };
}
