import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import * as core from '../db/schema';
import { conversation } from '../db/schema-dialog';
import type { Db } from '../db';
import type { ReflectionContent } from '../../schemas/reflections';
import { createReflection, saveReflection } from './reflection-save';
import { addGoal } from './growth';
import { listRequirements, saveRequirement } from './requirements';
import { getProgress } from './dossier-progress';
import { getSignoff, listSignoffCounts, signOff } from './signoff';

let db: Db;
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
	db.update(core.group).set({ programme: 'vmbo-kb 3' }).where(eq(core.group.id, cast.group)).run();
});

const full = (over: Partial<ReflectionContent> = {}): ReflectionContent => ({
	title: 'Meeloopdag',
	doel: 'Ik wilde weten hoe het werk is.',
	resultaat: 'Ik liep mee.',
	evaluatie: 'Leuk, want druk.',
	vervolg: 'Nu ga ik een stage zoeken.',
	visibility: 'mentor',
	competencies: ['werkexploratie'],
	...over
});

function finished(studentId: number, over: Partial<ReflectionContent> = {}) {
	const v = viewerOf(studentId);
	const id = createReflection(v, { activityType: 'meeloopdag' })!;
	expect(saveReflection(v, id, 1, full(over), { finish: true })).toMatchObject({ finished: true });
}

describe('dossier requirements and progress', () => {
	it('only the decaan sets them, per leerjaar/level of this year', () => {
		const coordinator = viewerOf(cast.coordinator);
		const input = { cohort: 'vmbo-kb 3', perCompetency: 1, conversations: 2, vervolgGoal: true };
		expect(saveRequirement(viewerOf(cast.mentor), input)).toBe(false);
		expect(saveRequirement(coordinator, input)).toBe(true);
		expect(saveRequirement(coordinator, { ...input, conversations: 1 })).toBe(true);
		expect(listRequirements(coordinator)).toEqual({
			cohorts: ['vmbo-kb 3'],
			requirements: [{ cohort: 'vmbo-kb 3', perCompetency: 1, conversations: 1, vervolgGoal: true }]
		});
		expect(listRequirements(viewerOf(cast.studentA))).toBeUndefined();
	});

	it('counts finished, shared reflections per competency, held conversations and a goal', () => {
		saveRequirement(viewerOf(cast.coordinator), {
			cohort: 'vmbo-kb 3',
			perCompetency: 1,
			conversations: 1,
			vervolgGoal: true
		});
		const sanne = viewerOf(cast.studentA);
		finished(cast.studentA);
		finished(cast.studentA, { competencies: ['kwaliteiten'], visibility: 'private' });
		let p = getProgress(sanne)!;
		expect(p.cohort).toBe('vmbo-kb 3');
		expect(p.reflections.find((r) => r.competency === 'werkexploratie')).toMatchObject({
			count: 1,
			done: true
		});
		// A private reflection is not in what the mentor can check.
		expect(p.reflections.find((r) => r.competency === 'kwaliteiten')).toMatchObject({
			count: 0,
			done: false
		});
		expect(p.conversations).toEqual({ held: 0, done: false });
		expect(p.vervolgGoal).toEqual({ has: false, done: false });
		expect(p.complete).toBe(false);
		const year = db
			.select()
			.from(core.schoolYear)
			.where(eq(core.schoolYear.id, cast.schoolA.schoolYearId))
			.get()!;
		db.insert(conversation)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				plannedAt: year.startsOn,
				status: 'held'
			})
			.run();
		addGoal(sanne, { title: 'Stage zoeken', description: '', competency: null, dueOn: null });
		p = getProgress(sanne)!;
		expect(p.conversations).toEqual({ held: 1, done: true });
		expect(p.vervolgGoal).toEqual({ has: true, done: true });
		// The mentor sees the same numbers; another mentor and another student see nothing.
		expect(getProgress(viewerOf(cast.mentor), cast.studentA)).toEqual(p);
		expect(getProgress(viewerOf(cast.otherMentor), cast.studentA)).toBeUndefined();
		expect(getProgress(viewerOf(cast.studentB), cast.studentA)).toBeUndefined();
	});

	it('is undefined when the school asks nothing of the student level', () => {
		expect(getProgress(viewerOf(cast.studentA))).toBeUndefined();
	});
});

describe('sign-off', () => {
	it('the mentor signs off their own mentee; the student and the decaan see it; counts per group', () => {
		const mentor = viewerOf(cast.mentor);
		expect(signOff(viewerOf(cast.otherMentor), cast.studentA, { status: 'afgerond', reason: '' })).toBe(
			false
		);
		expect(signOff(viewerOf(cast.studentA), cast.studentA, { status: 'afgerond', reason: '' })).toBe(false);
		expect(signOff(mentor, cast.studentA, { status: 'nog_niet', reason: 'Nog een gesprek.' })).toBe(true);
		expect(getSignoff(viewerOf(cast.studentA))).toMatchObject({
			status: 'nog_niet',
			reason: 'Nog een gesprek.'
		});
		expect(signOff(mentor, cast.studentA, { status: 'afgerond', reason: 'weg' })).toBe(true);
		const s = getSignoff(viewerOf(cast.studentA))!;
		expect(s).toMatchObject({ status: 'afgerond', reason: '' });
		expect(s.signedBy).toMatch(/^Voornaam/);
		expect(signOff(mentor, cast.studentB, { status: 'nog_niet', reason: 'Vervolg mist.' })).toBe(true);
		expect(getSignoff(viewerOf(cast.studentB), cast.studentA)).toBeNull();
		const counts = listSignoffCounts(viewerOf(cast.coordinator))!;
		expect(counts.find((g) => g.groupId === cast.group)).toMatchObject({
			students: 2,
			afgerond: 1,
			nogNiet: 1
		});
		expect(counts.find((g) => g.groupId === cast.otherGroup)).toMatchObject({
			students: 1,
			afgerond: 0,
			nogNiet: 0
		});
		expect(listSignoffCounts(mentor)).toBeUndefined();
	});
});
