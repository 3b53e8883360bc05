import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeGroup, makeUser, viewerOf } from '../testing';
import { getSchoolOverview } from './overview';

describe('school overview', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	it('counts active students and mentors and lists the open groups of the current year, per school', () => {
		const o = getSchoolOverview(viewerOf(cast.coordinator))!;
		expect(o.schoolName).toBe('School A');
		expect(o.schoolYear).toMatch(/^\d{4}-\d{4}$/);
		expect(o.students).toBe(3);
		expect(o.mentors).toBe(2);
		expect(o.groups.map((g) => [g.students, g.mentors])).toEqual([
			[2, 1],
			[1, 1]
		]);
		expect(getSchoolOverview(viewerOf(cast.otherSchoolAdmin))).toMatchObject({
			schoolName: 'School B',
			students: 1,
			mentors: 0
		});
		expect(getSchoolOverview(viewerOf(cast.mentor))).toBeUndefined();
	});

	// The statements are prepared once per connection: every call must still see the writes before it.
	it('is live: a write shows on the next call', () => {
		const viewer = viewerOf(cast.coordinator);
		expect(getSchoolOverview(viewer)!.groups).toHaveLength(2);
		const extra = makeUser(cast.schoolA.schoolId, ['student']);
		makeGroup(cast.schoolA, { students: [extra] }, 'Z-groep');
		getDb().update(table.user).set({ active: false }).where(eq(table.user.id, cast.otherMentor)).run();
		const o = getSchoolOverview(viewer)!;
		expect(o.students).toBe(4);
		expect(o.mentors).toBe(1);
		expect(o.groups.at(-1)).toMatchObject({ name: 'Z-groep', students: 1, mentors: 0 });
	});

	it('works again on a new connection (tests and restores open one)', () => {
		expect(getSchoolOverview(viewerOf(cast.coordinator))!.students).toBe(3);
		createTestDb();
		const fresh = makeCast();
		expect(getSchoolOverview(viewerOf(fresh.coordinator))!.groups).toHaveLength(2);
	});

	it('without a current school year it has no groups', () => {
		getDb()
			.update(table.schoolYear)
			.set({ isCurrent: false })
			.where(eq(table.schoolYear.schoolId, cast.schoolA.schoolId))
			.run();
		expect(getSchoolOverview(viewerOf(cast.coordinator))).toMatchObject({ schoolYear: null, groups: [] });
	});
});
