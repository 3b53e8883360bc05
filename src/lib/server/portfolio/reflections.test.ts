import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { activity, reflectionVersion } from '../db/schema-portfolio';
import { activityGroup } from '../db/schema-programme';
import type { Db } from '../db';
import type { ReflectionContent } from '../../schemas/reflections';
import { reflectionContentSchema, ownActivitySchema } from '../../schemas/reflections';
import { getOwnReflection, getReflection, listReflections } from './reflections';
import {
	createReflection,
	deleteReflection,
	finishReflection,
	reopenReflection,
	saveReflection,
	setVisibility
} from './reflection-save';
import { getVersion, listVersions } from './reflection-versions';
import { listPlannedActivities } from '../school/activities';

const text = (over: Partial<ReflectionContent> = {}): ReflectionContent => ({
	title: 'Meeloopdag bij de bakker',
	doel: 'Ik wilde weten hoe vroeg je begint.',
	resultaat: 'Ik heb brood gebakken.',
	evaluatie: 'Ik vond het leuk omdat het druk was.',
	vervolg: 'Nu ga ik een snuffelstage zoeken.',
	visibility: 'mentor',
	competencies: ['werkexploratie'],
	...over
});

let db: Db;
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

function finishedShared(studentId: number, over: Partial<ReflectionContent> = {}): number {
	const v = viewerOf(studentId);
	const id = createReflection(v, { activityType: 'meeloopdag', activityDate: '2026-10-01' })!;
	const saved = saveReflection(v, id, 1, text(over), { finish: true });
	expect(saved.ok).toBe(true);
	return id;
}

describe('scope', () => {
	it('a student reaches only their own reflections', () => {
		const own = finishedShared(cast.studentA);
		const other = finishedShared(cast.studentB);
		const a = viewerOf(cast.studentA);
		expect(getReflection(a, own)?.doel).toContain('hoe vroeg');
		expect(getReflection(a, other)).toBeUndefined();
		expect(getOwnReflection(a, other)).toBeUndefined();
		expect(saveReflection(a, other, 2, text({ doel: 'hack' }))).toEqual({ ok: false, reason: 'missing' });
		expect(setVisibility(a, other, 'private')).toBe(false);
		expect(deleteReflection(a, other)).toBe(false);
		expect(listReflections(a, {}).items.map((r) => r.id)).toEqual([own]);
		expect(listVersions(a, other)).toEqual([]);
	});

	it('a mentor reads only finished, shared reflections of their own groups, and writes none', () => {
		const shared = finishedShared(cast.studentA);
		const dossier = finishedShared(cast.studentB, { visibility: 'dossier' });
		const privateOne = finishedShared(cast.studentA, { visibility: 'private' });
		const draft = createReflection(viewerOf(cast.studentA), { activityType: 'hobby' })!;
		const otherGroup = finishedShared(cast.studentOtherGroup);
		const mentor = viewerOf(cast.mentor);
		expect(getReflection(mentor, shared)?.id).toBe(shared);
		expect(getReflection(mentor, dossier)?.id).toBe(dossier);
		for (const hidden of [privateOne, draft, otherGroup])
			expect(getReflection(mentor, hidden)).toBeUndefined();
		expect(getOwnReflection(mentor, shared)).toBeUndefined();
		expect(saveReflection(mentor, shared, 2, text())).toEqual({ ok: false, reason: 'missing' });
		expect(listVersions(mentor, shared)).toEqual([]);
		expect(
			visibleItems(mentor)
				.map((r) => r.id)
				.sort()
		).toEqual([shared, dossier].sort());
		expect(createReflection(mentor, { activityType: 'hobby' })).toBeUndefined();
	});

	it('coordinators, admins and other schools read nothing', () => {
		const id = finishedShared(cast.studentA, { visibility: 'dossier' });
		for (const who of [cast.coordinator, cast.admin, cast.otherSchoolStudent, cast.otherSchoolAdmin]) {
			expect(getReflection(viewerOf(who), id)).toBeUndefined();
			expect(visibleItems(viewerOf(who))).toEqual([]);
		}
	});

	it('a deleted reflection is gone for everyone', () => {
		const id = finishedShared(cast.studentA);
		expect(deleteReflection(viewerOf(cast.studentA), id)).toBe(true);
		expect(getReflection(viewerOf(cast.studentA), id)).toBeUndefined();
		expect(getReflection(viewerOf(cast.mentor), id)).toBeUndefined();
	});

	it('planned activities: school-wide and own groups only', () => {
		const base = {
			schoolId: cast.schoolA.schoolId,
			schoolYearId: cast.schoolA.schoolYearId,
			type: 'beroepenmarkt' as const,
			date: '2026-11-01'
		};
		db.insert(activity)
			.values({ ...base, title: 'Voor iedereen' })
			.run();
		for (const [title, groupId] of [
			['Eigen groep', cast.group],
			['Andere groep', cast.otherGroup]
		] as const) {
			const { id } = db
				.insert(activity)
				.values({ ...base, title, audience: 'groups' })
				.returning({ id: activity.id })
				.get();
			db.insert(activityGroup).values({ activityId: id, groupId, schoolId: base.schoolId }).run();
		}
		db.insert(activity)
			.values({ ...base, ...cast.schoolB, title: 'Andere school' })
			.run();
		const titles = listPlannedActivities(viewerOf(cast.studentA)).map((a) => a.title);
		expect(titles.sort()).toEqual(['Eigen groep', 'Voor iedereen']);
		const foreign = db.select().from(activity).where(eq(activity.title, 'Andere groep')).get()!;
		expect(createReflection(viewerOf(cast.studentA), { activityId: foreign.id })).toBeUndefined();
		const mine = listPlannedActivities(viewerOf(cast.studentA)).find((a) => a.title === 'Eigen groep')!;
		const id = createReflection(viewerOf(cast.studentA), { activityId: mine.id })!;
		expect(getOwnReflection(viewerOf(cast.studentA), id)).toMatchObject({
			title: 'Eigen groep',
			activityType: 'beroepenmarkt',
			activityDate: '2026-11-01'
		});
	});
});

function visibleItems(viewer: ReturnType<typeof viewerOf>) {
	return listReflections(viewer, {}).items;
}

describe('versions and conflicts', () => {
	it('a stale save is a conflict that returns the server copy and changes nothing', () => {
		const v = viewerOf(cast.studentA);
		const id = createReflection(v, { activityType: 'stage' })!;
		const first = saveReflection(v, id, 1, text({ doel: 'tab 1' }));
		expect(first).toMatchObject({ ok: true, version: 2 });
		const stale = saveReflection(v, id, 1, text({ doel: 'tab 2' }));
		expect(stale.ok).toBe(false);
		if (stale.ok || stale.reason !== 'conflict') throw new Error('expected a conflict');
		expect(stale.current).toMatchObject({ doel: 'tab 1', version: 2 });
		expect(getOwnReflection(v, id)?.doel).toBe('tab 1');
		// Keep mine = save again on top of the version the student has now seen.
		expect(saveReflection(v, id, 2, text({ doel: 'tab 2' }))).toMatchObject({ ok: true, version: 3 });
	});

	it('every save leaves a version; autosaves in one session refine one row', () => {
		const v = viewerOf(cast.studentA);
		const id = createReflection(v, { activityType: 'open_dag' })!;
		saveReflection(v, id, 1, text({ doel: 'a' }), { kind: 'autosave' });
		saveReflection(v, id, 2, text({ doel: 'ab' }), { kind: 'autosave' });
		saveReflection(v, id, 3, text({ doel: 'abc' }));
		saveReflection(v, id, 4, text({ doel: 'abcd' }), { kind: 'autosave' });
		const versions = listVersions(v, id);
		expect(versions.map((x) => x.version)).toEqual([5, 4, 3, 1]);
		expect(getVersion(v, id, 3)?.doel).toBe('ab');
		expect(getVersion(v, id, 4)?.doel).toBe('abc');
		expect(getVersion(v, id, 1)?.doel).toBe('');
		expect(db.select().from(reflectionVersion).all()).toHaveLength(4);
	});

	it('visibility and finishing bump the version, so an open edit tab sees a conflict', () => {
		const v = viewerOf(cast.studentA);
		const id = createReflection(v, { activityType: 'gastles' })!;
		expect(saveReflection(v, id, 1, text()).ok).toBe(true);
		expect(setVisibility(v, id, 'dossier')).toBe(true);
		expect(finishReflection(v, id)).toEqual({ ok: true });
		expect(getOwnReflection(v, id)).toMatchObject({ visibility: 'dossier', finished: true, version: 4 });
		expect(saveReflection(v, id, 2, text()).ok).toBe(false);
		expect(reopenReflection(v, id)).toBe(true);
		expect(getOwnReflection(v, id)?.finished).toBe(false);
	});
});

describe('Klaar (issue 19)', () => {
	it('refuses Klaar without all four parts and a competency, and keeps the text as a draft', () => {
		const v = viewerOf(cast.studentA);
		const id = createReflection(v, { activityType: 'meeloopdag' })!;
		const thin = text({ resultaat: '', evaluatie: '  ', vervolg: '', competencies: [] });
		const saved = saveReflection(v, id, 1, thin, { finish: true });
		expect(saved).toMatchObject({
			ok: true,
			finished: false,
			missing: ['competencies', 'resultaat', 'evaluatie', 'vervolg']
		});
		expect(getOwnReflection(v, id)).toMatchObject({ finished: false, doel: thin.doel, version: 2 });
		expect(finishReflection(v, id)).toMatchObject({ ok: false, reason: 'incomplete' });
		expect(getReflection(viewerOf(cast.mentor), id)).toBeUndefined();
		expect(saveReflection(v, id, 2, text(), { finish: true })).toMatchObject({ finished: true, missing: [] });
	});

	it('a finished text saved on purpose with a part emptied goes back to draft; an autosave does not', () => {
		const id = finishedShared(cast.studentA);
		const v = viewerOf(cast.studentA);
		expect(saveReflection(v, id, 2, text({ vervolg: '' }), { kind: 'autosave' })).toMatchObject({
			finished: true,
			missing: []
		});
		expect(saveReflection(v, id, 3, text({ vervolg: '' }))).toMatchObject({
			finished: false,
			missing: ['vervolg']
		});
		expect(getOwnReflection(v, id)?.finished).toBe(false);
	});

	it('another student cannot finish a reflection that is not theirs', () => {
		const id = createReflection(viewerOf(cast.studentB), { activityType: 'hobby' })!;
		expect(finishReflection(viewerOf(cast.studentA), id)).toEqual({ ok: false, reason: 'missing' });
	});
});

describe('find', () => {
	it('filters by competency, type and period, searches text, and pages', () => {
		const v = viewerOf(cast.studentA);
		const make = (type: 'stage' | 'hobby', date: string, over: Partial<ReflectionContent>) => {
			const id = createReflection(v, { activityType: type, activityDate: date })!;
			saveReflection(v, id, 1, text(over));
			return id;
		};
		const a = make('stage', '2026-09-01', { competencies: ['netwerken'], vervolg: 'Bel de kapper 100%' });
		const b = make('hobby', '2026-10-01', { competencies: ['kwaliteiten', 'motieven'] });
		for (let i = 0; i < 11; i++) make('hobby', '2025-01-01', { competencies: [] });
		const ids = (f: Parameters<typeof listReflections>[1]) => listReflections(v, f).items.map((r) => r.id);
		expect(ids({ competency: 'netwerken' })).toEqual([a]);
		expect(ids({ type: 'stage' })).toEqual([a]);
		expect(ids({ from: '2026-09-15', to: '2026-12-31' })).toEqual([b]);
		expect(ids({ q: 'kapper' })).toEqual([a]);
		expect(ids({ q: '100%' })).toEqual([a]);
		expect(ids({ q: '_' })).toEqual([]);
		const page1 = listReflections(v, {});
		expect(page1).toMatchObject({ total: 13, pages: 2, page: 1 });
		expect(page1.items[0]?.id).toBe(b);
		expect(page1.items[1]?.competencies).toEqual(['netwerken']);
		expect(listReflections(v, { page: 2 }).items).toHaveLength(3);
		expect(listReflections(v, { page: 99 }).page).toBe(2);
	});
});

describe('limits', () => {
	it('refuses overlong parts and impossible dates, and allows empty drafts', () => {
		expect(reflectionContentSchema.safeParse({ ...text(), doel: 'x'.repeat(4001) }).success).toBe(false);
		expect(reflectionContentSchema.safeParse({ ...text(), title: 'x'.repeat(121) }).success).toBe(false);
		expect(
			reflectionContentSchema.safeParse({ title: '', doel: '', resultaat: '', evaluatie: '', vervolg: '' })
				.success
		).toBe(true);
		const own = (activityDate: string) =>
			ownActivitySchema.safeParse({ activityType: 'stage', activityDate, activityPlace: '', title: '' })
				.success;
		expect(own('3000-01-01')).toBe(false);
		expect(own('1999-12-31')).toBe(false);
		expect(own('31-12-2026')).toBe(false);
		expect(own('2026-03-02')).toBe(true);
		expect(own('')).toBe(true);
	});
});
