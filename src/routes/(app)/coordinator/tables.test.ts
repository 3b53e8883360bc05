import { describe, expect, it } from 'vitest';
import { reachRows } from './tables';

describe('reachRows', () => {
	it('gives one row per group with its reach per competency and conversations held', () => {
		const reached = { kwaliteiten: 1, motieven: 2, werkexploratie: 3, loopbaansturing: 4, netwerken: 5 };
		const none = { kwaliteiten: 0, motieven: 0, werkexploratie: 0, loopbaansturing: 0, netwerken: 3 };
		expect(
			reachRows([
				{ groupId: 1, groupName: 'G1', students: 25, reached, conversationsHeld: 6 },
				{ groupId: 2, groupName: 'G2', students: 3, reached: none, conversationsHeld: 0 }
			])
		).toEqual([
			{ id: 1, name: 'G1', students: 25, reached, held: 6 },
			{ id: 2, name: 'G2', students: 3, reached: none, held: 0 }
		]);
	});
});
