import { beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import * as table from './schema';
import { prepared } from './prepared';
import type { Db } from './index';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { listGoals, listRatings, addGoal, addRating } from '../portfolio/growth';
import { getOverview } from '../portfolio/student-overview';
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('queries scoped per viewer', () => {
	it('runs with each viewer’s own id and school, never the first caller’s', () => {
		const a = viewerOf(cast.studentA);
		const b = viewerOf(cast.studentB);
		addGoal(a, { competency: 'motieven', title: 'Doel van A', description: '', dueOn: null });
		addRating(a, { competency: 'motieven', level: 3, note: '' });
		expect(listGoals(a).map((g) => g.title)).toEqual(['Doel van A']);
		// Same roles, other viewer: their own rows only.
		expect(listGoals(b)).toEqual([]);
		expect(listRatings(b)).toEqual([]);
		expect(getOverview(b).isEmpty).toBe(true);
		expect(getOverview(a).isEmpty).toBe(false);
		// A student of another school asking for A's goals by id gets nothing (school and scope).
		expect(listGoals(viewerOf(cast.otherSchoolStudent), cast.studentA)).toEqual([]);
	});

	it('applies each role’s scope: the mentor’s is not the student’s', () => {
		const a = viewerOf(cast.studentA);
		addGoal(a, { competency: 'motieven', title: 'Doel van A', description: '', dueOn: null });
		expect(listGoals(viewerOf(cast.mentor), cast.studentA).map((g) => g.title)).toEqual(['Doel van A']);
		// Student B asks for A's goals: the "self" scope (built for students) says no.
		expect(listGoals(viewerOf(cast.studentB), cast.studentA)).toEqual([]);
		// A mentor of another group: the "mentee" scope says no.
		expect(listGoals(viewerOf(cast.otherMentor), cast.studentA)).toEqual([]);
	});
});

describe('prepared', () => {
	const schoolName = (db: Db) =>
		prepared(db, 'test.schoolName', (d) =>
			d
				.select({ name: table.school.name })
				.from(table.school)
				.where(eq(table.school.id, sql.placeholder('id')))
				.prepare()
		);

	it('builds once per connection, sees every write and follows a new connection', () => {
		let builds = 0;
		const counted = (db: Db) => prepared(db, 'test.counted', () => ++builds);
		const db = createTestDb();
		expect(counted(db)).toBe(1);
		expect(counted(db)).toBe(1);
		const id = db.insert(table.school).values({ name: 'Een', brin: 'A001' }).returning().get().id;
		expect(schoolName(db).get({ id })?.name).toBe('Een');
		db.update(table.school).set({ name: 'Twee' }).where(eq(table.school.id, id)).run();
		expect(schoolName(db).get({ id })?.name).toBe('Twee');
		const fresh = createTestDb();
		expect(counted(fresh)).toBe(2);
		expect(schoolName(fresh).get({ id })).toBeUndefined();
	});
});
