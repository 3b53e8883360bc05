import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import * as dialog from '../db/schema-dialog';
import { createTestDb, makeCast, viewerOf } from '../testing';
import {
	AGGREGATES_CACHE_MS,
	cachedSchoolAggregates,
	clearAggregatesCache,
	getSchoolAggregates,
	median
} from './aggregates';

describe('school aggregates', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	function reflection(
		studentId: number,
		competencies: ('kwaliteiten' | 'motieven')[],
		finishedAt: Date | null
	) {
		const db = getDb();
		const r = db
			.insert(portfolio.reflection)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId,
				activityType: 'meeloopdag',
				finishedAt,
				visibility: 'mentor'
			})
			.returning({ id: portfolio.reflection.id })
			.get();
		for (const competency of competencies)
			db.insert(portfolio.reflectionCompetency)
				.values({ reflectionId: r.id, schoolId: cast.schoolA.schoolId, competency })
				.run();
		return r.id;
	}

	it('counts students reached per group and competency, feedback times and conversations, without any text', () => {
		const now = Date.now();
		const first = reflection(cast.studentA, ['kwaliteiten', 'motieven'], new Date(now - 10 * 3_600_000));
		reflection(cast.studentA, ['kwaliteiten'], new Date(now - 5 * 3_600_000));
		reflection(cast.studentB, ['kwaliteiten'], null);
		const db = getDb();
		db.insert(dialog.comment)
			.values({
				schoolId: cast.schoolA.schoolId,
				reflectionId: first,
				authorId: cast.mentor,
				body: 'Wat viel je op?',
				createdAt: new Date(now - 6 * 3_600_000)
			})
			.run();
		db.insert(dialog.conversation)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				mentorId: cast.mentor,
				plannedAt: '2026-11-01',
				status: 'held',
				heldAt: new Date(now - 86_400_000)
			})
			.run();
		const agg = getSchoolAggregates(viewerOf(cast.coordinator))!;
		const group = agg.groups.find((g) => g.groupId === cast.group)!;
		expect(group.students).toBe(2);
		expect(group.reached).toMatchObject({ kwaliteiten: 1, motieven: 1, werkexploratie: 0 });
		expect(group.conversationsHeld).toBe(1);
		expect(agg.feedback).toEqual({ shared: 2, answered: 1, medianHours: 4 });
		expect(agg.conversationsHeld).toBe(1);
		expect(JSON.stringify(agg)).not.toContain('Wat viel je op?');
	});

	it('is for coordinators and admins of the school only', () => {
		expect(getSchoolAggregates(viewerOf(cast.mentor))).toBeUndefined();
		expect(getSchoolAggregates(viewerOf(cast.studentA))).toBeUndefined();
		expect(getSchoolAggregates(viewerOf(cast.otherSchoolAdmin))?.groups.map((g) => g.groupId)).not.toContain(
			cast.group
		);
	});

	it('caches the figures per school for a few minutes, and only for those who may read them', () => {
		clearAggregatesCache();
		const coordinator = viewerOf(cast.coordinator);
		const first = cachedSchoolAggregates(coordinator, 1_000)!;
		expect(cachedSchoolAggregates(coordinator, 1_000 + AGGREGATES_CACHE_MS - 1)).toBe(first);
		expect(cachedSchoolAggregates(coordinator, 1_000 + AGGREGATES_CACHE_MS)).not.toBe(first);
		expect(cachedSchoolAggregates(viewerOf(cast.mentor), 1_000)).toBeUndefined();
		clearAggregatesCache();
	});

	it('median', () => {
		expect(median([])).toBeNull();
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
	});
});
