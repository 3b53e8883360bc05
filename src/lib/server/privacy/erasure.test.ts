import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { applyRetention, describeErasure, eraseStudent, listDueForErasure } from './erasure';
import { createLoginCode } from '../auth/accounts';
import { searchAudit } from './audit';

describe('erasure and retention', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
		const db = getDb();
		const r = db
			.insert(portfolio.reflection)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				activityType: 'meeloopdag',
				doel: 'x'
			})
			.returning({ id: portfolio.reflection.id })
			.get();
		db.insert(portfolio.goal)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				title: 'Open dag',
				sourceReflectionId: r.id
			})
			.run();
		createLoginCode(viewerOf(cast.mentor), cast.studentA);
	});

	it('names what goes, then erases the student and everything about them', () => {
		const admin = viewerOf(cast.admin);
		expect(describeErasure(admin, cast.studentA)?.counts).toEqual({
			reflections: 1,
			attachments: 0,
			goals: 1,
			ratings: 0,
			auditEntries: 1
		});
		expect(eraseStudent(admin, cast.studentA)).toBe(true);
		const db = getDb();
		expect(db.select().from(core.user).where(eq(core.user.id, cast.studentA)).all()).toEqual([]);
		expect(
			db.select().from(portfolio.reflection).where(eq(portfolio.reflection.studentId, cast.studentA)).all()
		).toEqual([]);
		expect(db.select().from(portfolio.goal).where(eq(portfolio.goal.studentId, cast.studentA)).all()).toEqual(
			[]
		);
		expect(
			db.select().from(core.auditEvent).where(eq(core.auditEvent.subjectId, cast.studentA)).all()
		).toEqual([]);
		// The erasure itself stays in the log, without the student's name.
		expect(searchAudit(admin, { action: 'user.erase' })).toHaveLength(1);
	});

	it('refuses staff accounts, other schools and non-admins', () => {
		expect(describeErasure(viewerOf(cast.admin), cast.mentor)).toBeUndefined();
		expect(describeErasure(viewerOf(cast.admin), cast.admin)).toBeUndefined();
		expect(eraseStudent(viewerOf(cast.otherSchoolAdmin), cast.studentA)).toBe(false);
		expect(eraseStudent(viewerOf(cast.mentor), cast.studentA)).toBe(false);
		expect(eraseStudent(viewerOf(cast.studentA), cast.studentA)).toBe(false);
	});

	it('retention erases students who left longer ago than the school keeps files', () => {
		const db = getDb();
		const threeYearsAgo = new Date(Date.now() - 3 * 365 * 86_400_000);
		const lastMonth = new Date(Date.now() - 30 * 86_400_000);
		db.update(core.user).set({ leftAt: threeYearsAgo }).where(eq(core.user.id, cast.studentA)).run();
		db.update(core.user).set({ leftAt: lastMonth }).where(eq(core.user.id, cast.studentB)).run();
		expect(listDueForErasure().map((d) => d.studentId)).toEqual([cast.studentA]);
		expect(applyRetention()).toBe(1);
		expect(db.select().from(core.user).where(eq(core.user.id, cast.studentA)).all()).toEqual([]);
		expect(db.select().from(core.user).where(eq(core.user.id, cast.studentB)).all()).toHaveLength(1);
		expect(listDueForErasure()).toEqual([]);
	});
});
