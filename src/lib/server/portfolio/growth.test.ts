import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, viewerOf } from '../testing';
import * as portfolio from '../db/schema-portfolio';
import type { Db } from '../db';
import {
	addGoal,
	addRating,
	goalFromReflection,
	goalFromText,
	latestRatings,
	listGoals,
	listRatings,
	setGoalStatus,
	updateGoal
} from './growth';
import { getOverview } from './student-overview';
import { goalSchema, ratingSchema } from '../../schemas/growth';

let db: Db;
let cast: ReturnType<typeof makeCast>;

function reflection(studentId: number, values: Partial<typeof portfolio.reflection.$inferInsert> = {}) {
	const id = db
		.insert(portfolio.reflection)
		.values({ schoolId: cast.schoolA.schoolId, studentId, activityType: 'meeloopdag', ...values })
		.returning({ id: portfolio.reflection.id })
		.get().id;
	return id;
}

function tag(
	reflectionId: number,
	...competencies: (typeof portfolio.reflectionCompetency.$inferInsert)['competency'][]
) {
	db.insert(portfolio.reflectionCompetency)
		.values(competencies.map((competency) => ({ reflectionId, competency, schoolId: cast.schoolA.schoolId })))
		.run();
}

const goalInput = (title: string) =>
	goalSchema.parse({ title, competency: 'netwerken', dueOn: '2027-03-01' });

beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

describe('self-ratings', () => {
	it('keeps every rating, newest first, and the latest per competency', () => {
		const me = viewerOf(cast.studentA);
		addRating(me, ratingSchema.parse({ competency: 'kwaliteiten', level: '1' }));
		addRating(me, ratingSchema.parse({ competency: 'kwaliteiten', level: '3', note: 'stage' }));
		addRating(me, ratingSchema.parse({ competency: 'motieven', level: '2' }));
		const all = listRatings(me);
		expect(all).toHaveLength(3);
		const latest = latestRatings(all);
		expect(latest.kwaliteiten?.level).toBe(3);
		expect(latest.motieven?.level).toBe(2);
		expect(latest.netwerken).toBeUndefined();
	});

	it('lets a mentor read a mentee, but no one else, and only students write', () => {
		addRating(viewerOf(cast.studentA), ratingSchema.parse({ competency: 'netwerken', level: '2' }));
		expect(listRatings(viewerOf(cast.mentor), cast.studentA)).toHaveLength(1);
		expect(listRatings(viewerOf(cast.otherMentor), cast.studentA)).toEqual([]);
		expect(listRatings(viewerOf(cast.studentB), cast.studentA)).toEqual([]);
		expect(listRatings(viewerOf(cast.coordinator), cast.studentA)).toEqual([]);
		expect(listRatings(viewerOf(cast.otherSchoolAdmin), cast.studentA)).toEqual([]);
		expect(
			addRating(viewerOf(cast.mentor), ratingSchema.parse({ competency: 'netwerken', level: '4' }))
		).toBeUndefined();
	});

	it('refuses a level outside 1–4', () => {
		expect(ratingSchema.safeParse({ competency: 'netwerken', level: '5' }).success).toBe(false);
		expect(ratingSchema.safeParse({ competency: 'netwerken', level: '' }).success).toBe(false);
		expect(ratingSchema.safeParse({ competency: 'iets', level: '2' }).success).toBe(false);
	});
});

describe('goals', () => {
	it('creates, edits and changes the status of own goals only', () => {
		const me = viewerOf(cast.studentA);
		const id = addGoal(me, goalInput('Open dag bezoeken'))!;
		expect(updateGoal(me, id, goalInput('Open dag van het ROC bezoeken'))).toBe(true);
		expect(setGoalStatus(me, id, 'done')).toBe(true);
		expect(listGoals(me)).toMatchObject([{ id, title: 'Open dag van het ROC bezoeken', status: 'done' }]);

		expect(updateGoal(viewerOf(cast.studentB), id, goalInput('gekaapt'))).toBe(false);
		expect(setGoalStatus(viewerOf(cast.mentor), id, 'dropped')).toBe(false);
		expect(listGoals(viewerOf(cast.mentor), cast.studentA)).toHaveLength(1);
		expect(listGoals(viewerOf(cast.otherMentor), cast.studentA)).toEqual([]);
		expect(listGoals(viewerOf(cast.studentB), cast.studentA)).toEqual([]);
	});

	it('lists open goals first, by due date', () => {
		const me = viewerOf(cast.studentA);
		const late = addGoal(me, goalSchema.parse({ title: 'laat', dueOn: '2027-09-01' }))!;
		const done = addGoal(me, goalSchema.parse({ title: 'klaar', dueOn: '2026-01-01' }))!;
		const none = addGoal(me, goalSchema.parse({ title: 'geen datum' }))!;
		const soon = addGoal(me, goalSchema.parse({ title: 'snel', dueOn: '2027-01-01' }))!;
		setGoalStatus(me, done, 'done');
		expect(listGoals(me).map((g) => g.id)).toEqual([soon, late, none, done]);
	});

	it('refuses impossible due dates such as the year 3000', () => {
		expect(goalSchema.safeParse({ title: 'x', dueOn: '3000-01-01' }).success).toBe(false);
		expect(goalSchema.safeParse({ title: 'x', dueOn: '2027-02-30' }).success).toBe(false);
		expect(goalSchema.safeParse({ title: 'x', dueOn: 'morgen' }).success).toBe(false);
		expect(goalSchema.parse({ title: 'x', dueOn: '' }).dueOn).toBeNull();
		expect(goalSchema.safeParse({ title: '', dueOn: '' }).success).toBe(false);
	});
});

describe('goal from a reflection', () => {
	it("turns the student's own next step into one goal, with the reflection's first competency", () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA, { vervolg: 'Ik ga naar de open dag. Daar vraag ik naar stages.' });
		tag(r, 'netwerken', 'werkexploratie');
		const first = goalFromReflection(me, r);
		expect(first).toMatchObject({ created: true });
		const again = goalFromReflection(me, r);
		expect(again).toEqual({ goalId: (first as { goalId: number }).goalId, created: false });
		expect(listGoals(me)).toMatchObject([
			{
				title: 'Ik ga naar de open dag.',
				description: 'Ik ga naar de open dag. Daar vraag ik naar stages.',
				competency: 'werkexploratie',
				sourceReflectionId: r
			}
		]);
	});

	it("is undefined for another student's reflection, a mentor, or a deleted one", () => {
		const other = reflection(cast.studentB, { vervolg: 'Ik ga stage lopen.' });
		expect(goalFromReflection(viewerOf(cast.studentA), other)).toBeUndefined();
		expect(goalFromReflection(viewerOf(cast.mentor), other)).toBeUndefined();
		const gone = reflection(cast.studentA, { vervolg: 'x', deletedAt: new Date() });
		expect(goalFromReflection(viewerOf(cast.studentA), gone)).toBeUndefined();
		expect(goalFromReflection(viewerOf(cast.studentA), 999_999)).toBeUndefined();
		expect(listGoals(viewerOf(cast.studentB))).toEqual([]);
	});

	it('says so when the reflection has no next step yet', () => {
		const r = reflection(cast.studentA, { vervolg: '  ' });
		expect(goalFromReflection(viewerOf(cast.studentA), r)).toEqual({ empty: true });
	});

	it('shortens a long first sentence into a title', () => {
		const long = 'a'.repeat(300);
		const { title, description } = goalFromText(long);
		expect(title).toHaveLength(160);
		expect(title.endsWith('…')).toBe(true);
		expect(description).toBe(long);
		expect(goalFromText('Kort doel')).toEqual({ title: 'Kort doel', description: '' });
	});
});

describe('overview', () => {
	it('counts reflections per competency in scope and merges a timeline', () => {
		const me = viewerOf(cast.studentA);
		const a = reflection(cast.studentA, { title: 'Meeloopdag kapper' });
		const b = reflection(cast.studentA, { title: 'Open dag' });
		tag(a, 'kwaliteiten', 'werkexploratie');
		tag(b, 'werkexploratie');
		tag(reflection(cast.studentB), 'werkexploratie');
		tag(reflection(cast.studentA, { deletedAt: new Date() }), 'netwerken');
		addRating(me, ratingSchema.parse({ competency: 'werkexploratie', level: '3' }));
		addGoal(me, goalInput('Stage zoeken'));

		const o = getOverview(me);
		const stat = Object.fromEntries(o.stats.map((s) => [s.competency, s]));
		expect(stat.werkexploratie).toMatchObject({ reflections: 2, rating: 3 });
		expect(stat.kwaliteiten.reflections).toBe(1);
		expect(stat.netwerken).toMatchObject({ reflections: 0, lastReflectedAt: null, rating: null });
		expect(typeof stat.werkexploratie.lastReflectedAt).toBe('number');
		expect(o.timeline.map((t) => t.kind).sort()).toEqual(['goal', 'rating', 'reflection', 'reflection']);
		expect(o.openGoals).toMatchObject([{ title: 'Stage zoeken' }]);
		expect(o.isEmpty).toBe(false);
		expect(getOverview(viewerOf(cast.studentOtherGroup)).isEmpty).toBe(true);
	});

	it("shows a mentor only the mentee's shared and finished reflections", () => {
		tag(reflection(cast.studentA, { visibility: 'private', finishedAt: new Date() }), 'motieven');
		tag(reflection(cast.studentA, { visibility: 'mentor' }), 'motieven');
		tag(reflection(cast.studentA, { visibility: 'mentor', finishedAt: new Date() }), 'motieven');
		const seen = getOverview(viewerOf(cast.mentor), cast.studentA);
		expect(seen.stats.find((s) => s.competency === 'motieven')?.reflections).toBe(1);
		expect(
			getOverview(viewerOf(cast.studentA)).stats.find((s) => s.competency === 'motieven')?.reflections
		).toBe(3);
	});
});
