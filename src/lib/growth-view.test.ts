import { describe, expect, it } from 'vitest';
import { formatTimeAgo, radarChartData, timeAgo, type CompetencyStat } from './growth-view';

const DAY = 24 * 60 * 60 * 1000;
const text = { label: (c: string) => c.toUpperCase(), reflections: 'Reflecties', rating: 'Cijfer' };

describe('radarChartData', () => {
	it('puts both series in the vmbo order, with zeros for missing competencies', () => {
		const stats: CompetencyStat[] = [
			{ competency: 'netwerken', reflections: 2, lastReflectedAt: 1, rating: 3 },
			{ competency: 'kwaliteiten', reflections: 1, lastReflectedAt: 1, rating: null }
		];
		expect(radarChartData(stats, text)).toEqual({
			labels: ['KWALITEITEN', 'MOTIEVEN', 'WERKEXPLORATIE', 'LOOPBAANSTURING', 'NETWERKEN'],
			datasets: [
				{ label: 'Reflecties', data: [1, 0, 0, 0, 2] },
				{ label: 'Cijfer', data: [0, 0, 0, 0, 3] }
			],
			max: 4
		});
	});

	it('grows the axis with the largest count', () => {
		const stats: CompetencyStat[] = [
			{ competency: 'motieven', reflections: 9, lastReflectedAt: 1, rating: 4 }
		];
		expect(radarChartData(stats, text).max).toBe(9);
	});
});

describe('time ago', () => {
	const now = Date.UTC(2026, 10, 30, 12);
	it('picks the largest whole unit', () => {
		expect(timeAgo(now - 2 * 60 * 60 * 1000, now)).toEqual({ value: 0, unit: 'day' });
		expect(timeAgo(now - 6 * DAY, now)).toEqual({ value: 6, unit: 'day' });
		expect(timeAgo(now - 21 * DAY, now)).toEqual({ value: 3, unit: 'week' });
		expect(timeAgo(now - 75 * DAY, now)).toEqual({ value: 2, unit: 'month' });
		expect(timeAgo(now - 800 * DAY, now)).toEqual({ value: 2, unit: 'year' });
		expect(timeAgo(now + DAY, now)).toEqual({ value: 0, unit: 'day' });
	});

	it('says it in plain words, in Dutch and English', () => {
		expect(formatTimeAgo(now - 21 * DAY, now, 'nl', 'nog nooit')).toBe('3 weken geleden');
		expect(formatTimeAgo(now - DAY, now, 'nl', 'nog nooit')).toBe('gisteren');
		expect(formatTimeAgo(null, now, 'nl', 'nog nooit')).toBe('nog nooit');
		expect(formatTimeAgo(now - 21 * DAY, now, 'en', 'never')).toBe('3 weeks ago');
	});
});
