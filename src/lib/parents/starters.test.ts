import { describe, expect, it } from 'vitest';
import { ACTIVITY_TYPES } from '../portfolio';
import { startersFor } from './starters';

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
