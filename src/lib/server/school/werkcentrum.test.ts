import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import type { Db } from '../db';
import * as table from '../db/schema';
import { werkcentrumSchema } from '../../schemas/school';
import { getStudentWerkcentrum, getWerkcentrumSetting, setWerkcentrum } from './werkcentrum';

let db: Db;
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

const REGION = { name: 'Werkcentrum Proefregio', url: 'https://werkcentrum.example.nl/' };

describe('the region’s Werkcentrum', () => {
	it('only the admin sets it; only a student in an open mbo group gets the link', () => {
		expect(setWerkcentrum(viewerOf(cast.mentor), REGION)).toBe(false);
		expect(setWerkcentrum(viewerOf(cast.admin), REGION)).toBe(true);
		expect(getWerkcentrumSetting(viewerOf(cast.admin))).toEqual(REGION);
		expect(getWerkcentrumSetting(viewerOf(cast.mentor))).toBeUndefined();
		// The cast's groups have no programme: not mbo.
		expect(getStudentWerkcentrum(viewerOf(cast.studentA))).toBeNull();
		db.update(table.group)
			.set({ programme: 'mbo niveau 2 Zorg' })
			.where(eq(table.group.id, cast.group))
			.run();
		expect(getStudentWerkcentrum(viewerOf(cast.studentA))).toEqual(REGION);
		expect(getStudentWerkcentrum(viewerOf(cast.studentOtherGroup))).toBeNull();
		expect(getStudentWerkcentrum(viewerOf(cast.mentor))).toBeNull();
		// Another school's student never sees this school's link.
		expect(getStudentWerkcentrum(viewerOf(cast.otherSchoolStudent))).toBeNull();
		// A closed group no longer counts.
		db.update(table.group).set({ closedAt: new Date() }).where(eq(table.group.id, cast.group)).run();
		expect(getStudentWerkcentrum(viewerOf(cast.studentA))).toBeNull();
	});

	it('a non-https address in the column never becomes a link', () => {
		db.update(table.group).set({ programme: 'mbo niveau 3' }).where(eq(table.group.id, cast.group)).run();
		setWerkcentrum(viewerOf(cast.admin), { name: 'x', url: 'javascript:alert(1)' });
		expect(getStudentWerkcentrum(viewerOf(cast.studentA))).toBeNull();
	});

	it('the form takes an https address or nothing', () => {
		const ok = (werkcentrumName: string, werkcentrumUrl: string) =>
			werkcentrumSchema.safeParse({ werkcentrumName, werkcentrumUrl }).success;
		expect(ok('', '')).toBe(true);
		expect(ok('', 'https://www.werkcentrum.nl/')).toBe(true);
		expect(ok('Werkcentrum Rijnmond', ' https://example.nl/werk ')).toBe(true);
		expect(ok('', 'http://example.nl/')).toBe(false);
		expect(ok('', 'javascript:alert(1)')).toBe(false);
		expect(ok('', 'https://user:pw@example.nl/')).toBe(false);
		expect(ok('', 'https://localhost/')).toBe(false);
		expect(ok('Werkcentrum', '')).toBe(false);
	});
});
