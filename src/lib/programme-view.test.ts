import { describe, expect, it } from 'vitest';
import { monthsOf, reachesCohort, yearMonths } from './programme-view';

describe('programme year view', () => {
	it('lists the months of a school year', () => {
		expect(yearMonths('2026-08-01', '2027-07-31')).toEqual([
			'2026-08',
			'2026-09',
			'2026-10',
			'2026-11',
			'2026-12',
			'2027-01',
			'2027-02',
			'2027-03',
			'2027-04',
			'2027-05',
			'2027-06',
			'2027-07'
		]);
		expect(yearMonths('2026-08-15', '2026-08-20')).toEqual(['2026-08']);
	});

	it('picks what reaches one leerjaar/level, by month', () => {
		const school = { date: '2026-10-08', audience: 'school' as const, cohorts: [], groups: [] };
		const kb3 = { date: '2026-10-20', audience: 'cohorts' as const, cohorts: ['vmbo-kb 3'], groups: [] };
		const zw = {
			date: '2026-11-02',
			audience: 'groups' as const,
			cohorts: [],
			groups: [{ programme: 'mbo 2' }]
		};
		expect(reachesCohort(zw, 'mbo 2')).toBe(true);
		expect(reachesCohort(zw, 'vmbo-kb 3')).toBe(false);
		const view = monthsOf([school, kb3, zw], ['2026-10', '2026-11'], 'vmbo-kb 3');
		expect(view).toEqual([
			{ month: '2026-10', items: [school, kb3] },
			{ month: '2026-11', items: [] }
		]);
		expect(monthsOf([school, kb3, zw], ['2026-11'], '')[0].items).toEqual([zw]);
	});
});
