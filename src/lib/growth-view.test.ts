import { describe, expect, it } from 'vitest';
import {
	formatTimeAgo,
	growthChartData,
	radarChartData,
	schoolYearMonths,
	timeAgo,
	type CompetencyStat
} from './growth-view';

const DAY = 24 * 60 * 60 * 1000;
const text = { label: (c: string) => c.toUpperCase(), rating: 'Cijfer' };

describe('radarChartData', () => {
	it('shows one thing: the latest rating per competency, in the vmbo order, on the 1–4 scale', () => {
		const stats: CompetencyStat[] = [
			{ competency: 'netwerken', reflections: 9, lastReflectedAt: 1, rating: 3 },
			{ competency: 'kwaliteiten', reflections: 1, lastReflectedAt: 1, rating: null }
		];
		expect(radarChartData(stats, text)).toEqual({
			labels: ['KWALITEITEN', 'MOTIEVEN', 'WERKEXPLORATIE', 'LOOPBAANSTURING', 'NETWERKEN'],
			datasets: [{ label: 'Cijfer', data: [0, 0, 0, 0, 3] }],
			max: 4
		});
	});
});

describe('growth over the school year', () => {
	it('counts the months from August to now', () => {
		expect(schoolYearMonths(new Date('2026-12-02T12:00:00Z'))).toEqual([
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11',
			'2026-12'
		]);
		expect(schoolYearMonths(new Date('2027-02-10T12:00:00Z'))[0]).toBe('2026-08');
	});

	it('puts the last rating of each month on its competency line, empty months empty', () => {
		const at = (iso: string) => new Date(iso);
		const data = growthChartData(
			[
				{ competency: 'netwerken', level: 3, createdAt: at('2026-10-20T10:00:00Z') },
				{ competency: 'netwerken', level: 2, createdAt: at('2026-10-01T10:00:00Z') },
				{ competency: 'netwerken', level: 4, createdAt: at('2026-12-01T10:00:00Z') },
				{ competency: 'motieven', level: 1, createdAt: at('2025-10-01T10:00:00Z') }
			],
			['2026-10', '2026-11', '2026-12'],
			{ month: (m) => m.slice(5), label: (c) => c }
		);
		expect(data.labels).toEqual(['10', '11', '12']);
		expect(data.datasets.find((d) => d.competency === 'netwerken')?.data).toEqual([3, null, 4]);
		// Last year's rating is not in this year's chart.
		expect(data.datasets.find((d) => d.competency === 'motieven')?.data).toEqual([null, null, null]);
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
