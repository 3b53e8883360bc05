import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../portfolio';
import { startersFor, upcomingStartersFor } from './starters';

describe('startersFor', () => {
	it('starts with the activity and follows the competencies', () => {
		expect(startersFor('meeloopdag', ['werkexploratie'])).toEqual([
			'par_starter_visit',
			'par_starter_werkexploratie',
			'par_starter_next'
		]);
	});

	it('gives three at most', () => {
		expect(startersFor('stage', ['kwaliteiten', 'motieven', 'netwerken'])).toEqual([
			'par_starter_work',
			'par_starter_kwaliteiten',
			'par_starter_motieven'
		]);
	});

	it('does not ask about the next step twice', () => {
		expect(startersFor('test', ['loopbaansturing'])).toEqual([
			'par_starter_test',
			'par_starter_loopbaansturing'
		]);
	});

	it('has at least two for every activity, also without competencies', () => {
		for (const type of ACTIVITY_TYPES) expect(startersFor(type, []).length).toBeGreaterThanOrEqual(2);
	});
});

describe('upcomingStartersFor', () => {
	it('asks about the open day before it', () => {
		expect(upcomingStartersFor('open_dag')).toEqual([
			'par_up_study_course',
			'par_up_study_ask',
			'par_up_study_together'
		]);
	});

	it('has two or three for every activity, none asked twice', () => {
		for (const type of ACTIVITY_TYPES) {
			const keys = upcomingStartersFor(type);
			expect(keys.length).toBeGreaterThanOrEqual(2);
			expect(keys.length).toBeLessThanOrEqual(3);
			expect(new Set(keys).size).toBe(keys.length);
		}
	});
});
