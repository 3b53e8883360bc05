import { describe, expect, it } from 'vitest';
import { packReach, reachRow } from './tables';

describe('packReach', () => {
	it('gives back every group row by row', () => {
		const table = packReach([
			{
				groupId: 1,
				groupName: 'G1',
				students: 25,
				reached: { kwaliteiten: 1, motieven: 2, werkexploratie: 3, loopbaansturing: 4, netwerken: 5 },
				conversationsHeld: 6
			},
			{
				groupId: 2,
				groupName: 'G2',
				students: 3,
				reached: { kwaliteiten: 0, motieven: 0, werkexploratie: 0, loopbaansturing: 0, netwerken: 3 },
				conversationsHeld: 0
			}
		]);
		expect(table.names).toEqual(['G1', 'G2']);
		const first = reachRow(table, 0);
		expect({ ...first, reached: [...first.reached] }).toEqual({
			name: 'G1',
			students: 25,
			reached: [1, 2, 3, 4, 5],
			held: 6
		});
		expect([...reachRow(table, 1).reached]).toEqual([0, 0, 0, 0, 3]);
		expect(reachRow(table, 1).held).toBe(0);
	});
});
