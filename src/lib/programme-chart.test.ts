import { describe, expect, it } from 'vitest';
import { reachChartData } from './programme-chart';

describe('reach chart data', () => {
	it('gives percentages of the invited, leaving out cancelled and empty activities', () => {
		const rows = [
			{ title: 'Markt', date: '2026-10-08', cancelled: false, invited: 13, prepared: 6, reflected: 4 },
			{ title: 'Afgelast', date: '2026-10-09', cancelled: true, invited: 13, prepared: 1, reflected: 0 },
			{ title: 'Leeg', date: null, cancelled: false, invited: 0, prepared: 0, reflected: 0 },
			{ title: 'Open dag', date: null, cancelled: false, invited: 3, prepared: 3, reflected: 1 }
		];
		const data = reachChartData(rows, { prepared: 'Voorbereid', reflected: 'Gereflecteerd' }, (d) =>
			d.slice(5)
		);
		expect(data.labels).toEqual(['10-08 Markt', 'Open dag']);
		expect(data.datasets.map((d) => [d.label, d.data])).toEqual([
			['Voorbereid', [46, 100]],
			['Gereflecteerd', [31, 33]]
		]);
	});
});
