import { describe, expect, it } from 'vitest';
import { attentionReasons } from './attention';

const now = Date.parse('2026-12-02T12:00:00Z');
const day = 24 * 3600 * 1000;
const calm = { lastActivity: now - day, unanswered: 0, overdueGoals: 0, talksThisYear: 1 };

describe('attentionReasons', () => {
	it('gives no reason for a student who writes, has talked and owes nothing', () => {
		expect(attentionReasons(calm, 4, now)).toEqual([]);
	});

	it('names every reason with its figure', () => {
		expect(
			attentionReasons(
				{ lastActivity: now - 36 * day, unanswered: 2, overdueGoals: 1, talksThisYear: 0 },
				4,
				now
			)
		).toEqual([
			{ kind: 'replies', count: 2 },
			{ kind: 'quiet', weeks: 5 },
			{ kind: 'overdue', count: 1 },
			{ kind: 'noTalk' }
		]);
	});

	it('counts quiet from the number of weeks asked for, and knows a student who never wrote', () => {
		expect(attentionReasons({ ...calm, lastActivity: now - 15 * day }, 2, now)).toEqual([
			{ kind: 'quiet', weeks: 2 }
		]);
		expect(attentionReasons({ ...calm, lastActivity: now - 13 * day }, 2, now)).toEqual([]);
		expect(attentionReasons({ ...calm, lastActivity: null }, 2, now)).toEqual([{ kind: 'neverWrote' }]);
	});
});
