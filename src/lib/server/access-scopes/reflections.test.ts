import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { reflectionReadScope, reflectionWriteScope } from './reflections';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import * as table from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import type { Visibility } from '../../portfolio';

describe('reflection scopes', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	function addReflection(
		studentId: number,
		schoolId: number,
		visibility: Visibility,
		finished: boolean,
		deleted = false
	): number {
		return getDb()
			.insert(portfolio.reflection)
			.values({
				schoolId,
				studentId,
				activityType: 'meeloopdag',
				visibility,
				finishedAt: finished ? new Date() : null,
				deletedAt: deleted ? new Date() : null
			})
			.returning({ id: portfolio.reflection.id })
			.get().id;
	}

	function readable(userId: number): number[] {
		return getDb()
			.select({ id: portfolio.reflection.id })
			.from(portfolio.reflection)
			.where(reflectionReadScope(viewerOf(userId)))
			.all()
			.map((r) => r.id)
			.sort((a, b) => a - b);
	}

	function writable(userId: number): number[] {
		return getDb()
			.select({ id: portfolio.reflection.id })
			.from(portfolio.reflection)
			.where(reflectionWriteScope(viewerOf(userId)))
			.all()
			.map((r) => r.id)
			.sort((a, b) => a - b);
	}

	let r: Record<string, number>;
	beforeEach(() => {
		const a = cast.schoolA.schoolId;
		r = {
			mentorFinished: addReflection(cast.studentA, a, 'mentor', true),
			dossierFinished: addReflection(cast.studentA, a, 'dossier', true),
			privateFinished: addReflection(cast.studentA, a, 'private', true),
			mentorDraft: addReflection(cast.studentA, a, 'mentor', false),
			deleted: addReflection(cast.studentA, a, 'mentor', true, true),
			classmate: addReflection(cast.studentB, a, 'mentor', true),
			otherGroup: addReflection(cast.studentOtherGroup, a, 'dossier', true),
			otherSchool: addReflection(cast.otherSchoolStudent, cast.schoolB.schoolId, 'dossier', true)
		};
	});

	it('a student reads all their own (drafts and private included), never deleted ones or others', () => {
		expect(readable(cast.studentA)).toEqual(
			[r.mentorFinished, r.dossierFinished, r.privateFinished, r.mentorDraft].sort((a, b) => a - b)
		);
	});

	it('a mentor reads only finished, shared reflections of their own group', () => {
		expect(readable(cast.mentor)).toEqual(
			[r.mentorFinished, r.dossierFinished, r.classmate].sort((a, b) => a - b)
		);
		expect(readable(cast.otherMentor)).toEqual([r.otherGroup]);
	});

	it('a mentor of a closed group reads nothing of it', () => {
		closeGroup(cast.group);
		expect(readable(cast.mentor)).toEqual([]);
	});

	it('a coordinator and an admin read no reflections at all', () => {
		expect(readable(cast.coordinator)).toEqual([]);
		expect(readable(cast.admin)).toEqual([]);
		expect(readable(cast.otherSchoolAdmin)).toEqual([]);
	});

	it('a mentor who is also a coordinator still reads only their mentees', () => {
		const both = makeUser(cast.schoolA.schoolId, ['mentor', 'coordinator']);
		getDb()
			.insert(table.groupMentor)
			.values({ groupId: cast.otherGroup, mentorId: both, schoolId: cast.schoolA.schoolId })
			.run();
		expect(readable(both)).toEqual([r.otherGroup]);
	});

	it('only the student writes their own reflections (not deleted ones)', () => {
		expect(writable(cast.studentA)).toEqual(
			[r.mentorFinished, r.dossierFinished, r.privateFinished, r.mentorDraft].sort((a, b) => a - b)
		);
		expect(writable(cast.mentor)).toEqual([]);
		expect(writable(cast.coordinator)).toEqual([]);
		expect(writable(cast.admin)).toEqual([]);
	});
});

function closeGroup(groupId: number) {
	getDb().update(table.group).set({ closedAt: new Date() }).where(eq(table.group.id, groupId)).run();
}
