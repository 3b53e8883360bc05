import { describe, expect, it } from 'vitest';
import { decodeCells, encodeCells, type CellPart, type CellSpread } from './matrix-code';

const tasks = [{ id: 3 }, { id: 1 }];
const actors = [{ id: 10 }, { id: 11 }, { id: 12 }];

describe('the grid code', () => {
	it('carries every part, rating, split and spread there and back', () => {
		const cells: CellPart[] = [
			{ taskId: 3, actorId: 10, part: 'eindverantwoordelijk', rating: 4 },
			{ taskId: 3, actorId: 12, part: 'geinformeerd', rating: null },
			{ taskId: 1, actorId: 11, part: 'ondersteunend', rating: 1 },
			{ taskId: 1, actorId: 12, part: 'geen', rating: 2 },
			{ taskId: 1, actorId: 10, part: 'uitvoerend', rating: null }
		];
		const spreads = new Map<string, CellSpread>([
			['3:12', { roleDiffers: true, min: null, max: null }],
			['1:10', { roleDiffers: false, min: 2, max: 4 }],
			['1:11', { roleDiffers: false, min: 3, max: 3 }]
		]);
		const code = encodeCells(tasks, actors, cells, spreads);
		expect(code).toBe('e400g000I000u024o133g200');
		const back = decodeCells(code, tasks, actors);
		// 1:11 has ratings 3 and 3: a spread to show, no difference.
		expect(back.splits).toEqual(['3:12', '1:10']);
		expect([...back.spreads.keys()]).toEqual(['1:10', '1:11']);
		const key = (c: CellPart) => `${c.taskId}:${c.actorId}`;
		expect(back.cells.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
			[...cells].sort((a, b) => key(a).localeCompare(key(b)))
		);
	});

	it('leaves out cells of tasks or actors not in the lists, and reads a short code as empty cells', () => {
		const code = encodeCells(
			tasks,
			actors,
			[{ taskId: 9, actorId: 10, part: 'uitvoerend', rating: 3 }],
			new Map()
		);
		expect(code).toBe('g000'.repeat(6));
		expect(decodeCells('u3', tasks, actors)).toEqual({
			cells: [{ taskId: 3, actorId: 10, part: 'uitvoerend', rating: 3 }],
			splits: [],
			spreads: new Map()
		});
	});
});
