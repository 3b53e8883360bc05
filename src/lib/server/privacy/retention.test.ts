import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { eraseDueStudents, listDueStudents } from './retention';

describe('retention page', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	const leftOn = (id: number, at: Date) =>
		getDb().update(table.user).set({ leftAt: at, active: false }).where(eq(table.user.id, id)).run();
	const exists = (id: number) => !!getDb().select().from(table.user).where(eq(table.user.id, id)).get();

	it('lists the students past the retention period with what goes, and erases only the chosen due ones', () => {
		const now = new Date('2030-01-01T12:00:00Z');
		leftOn(cast.studentA, new Date('2026-06-01T12:00:00Z'));
		leftOn(cast.studentB, new Date('2029-06-01T12:00:00Z'));
		const admin = viewerOf(cast.admin);
		const due = listDueStudents(admin, now);
		expect(due.map((d) => d.studentId)).toEqual([cast.studentA]);
		expect(due[0].counts).toMatchObject({ reflections: expect.any(Number), attachments: expect.any(Number) });
		expect(listDueStudents(viewerOf(cast.otherSchoolAdmin), now)).toEqual([]);
		expect(listDueStudents(viewerOf(cast.coordinator), now)).toEqual([]);
		// B is not due: asking for B erases nothing; another school's admin erases nothing.
		expect(eraseDueStudents(admin, [cast.studentB], now)).toBe(0);
		expect(eraseDueStudents(viewerOf(cast.otherSchoolAdmin), [cast.studentA], now)).toBe(0);
		expect(eraseDueStudents(admin, [cast.studentA, cast.studentB], now)).toBe(1);
		expect(exists(cast.studentA)).toBe(false);
		expect(exists(cast.studentB)).toBe(true);
	});
});
