import { describe, expect, it } from 'vitest';
import { decodeCells, encodeCells, type CellPart } from './matrix-code';

const tasks = [{ id: 3 }, { id: 1 }];
const actors = [{ id: 10 }, { id: 11 }, { id: 12 }];

describe('the grid code', () => {
	it('carries every part, rating and split there and back', () => {
		const cells: CellPart[] = [
			{ taskId: 3, actorId: 10, part: 'eindverantwoordelijk', rating: 4 },
			{ taskId: 3, actorId: 12, part: 'geinformeerd', rating: null },
			{ taskId: 1, actorId: 11, part: 'ondersteunend', rating: 1 },
			{ taskId: 1, actorId: 12, part: 'geen', rating: 2 },
			{ taskId: 1, actorId: 10, part: 'uitvoerend', rating: null }
		];
		const code = encodeCells(tasks, actors, cells, ['3:12', '1:10']);
		expect(code).toBe('e4g0I0U0o1g2');
		const back = decodeCells(code, tasks, actors);
		expect(back.splits).toEqual(['3:12', '1:10']);
		const key = (c: CellPart) => `${c.taskId}:${c.actorId}`;
		expect(back.cells.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(
			[...cells].sort((a, b) => key(a).localeCompare(key(b)))
		);
	});

	it('leaves out cells of tasks or actors not in the lists, and reads a short code as empty cells', () => {
		const code = encodeCells(tasks, actors, [{ taskId: 9, actorId: 10, part: 'uitvoerend', rating: 3 }], []);
		expect(code).toBe('g0'.repeat(6));
		expect(decodeCells('u3', tasks, actors)).toEqual({
			cells: [{ taskId: 3, actorId: 10, part: 'uitvoerend', rating: 3 }],
			splits: []
		});
	});
});
