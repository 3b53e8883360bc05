import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { activity, reflection } from '../db/schema-portfolio';
import type { Db } from '../db';
import type { ReflectionContent } from '../../schemas/reflections';
import { getOwnReflection } from './reflections';
import { listVersions } from './reflection-versions';
import { startReflection } from './reflection-start';

const blank = (over: Partial<ReflectionContent> = {}): ReflectionContent => ({
	title: 'Beroepenmarkt',
	doel: '',
	resultaat: '',
	evaluatie: '',
	vervolg: '',
	visibility: 'mentor',
	competencies: [],
	...over
});

let db: Db;
let cast: ReturnType<typeof makeCast>;
let activityId: number;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
	activityId = db
		.insert(activity)
		.values({
			schoolId: cast.schoolA.schoolId,
			schoolYearId: cast.schoolA.schoolYearId,
			type: 'beroepenmarkt',
			date: '2026-11-01',
			title: 'Beroepenmarkt'
		})
		.returning({ id: activity.id })
		.get().id;
});

const rowsOf = (studentId: number) =>
	db.select({ id: reflection.id }).from(reflection).where(eq(reflection.studentId, studentId)).all();

describe('a reflection starts on its first word', () => {
	it('saves nothing while it is empty', () => {
		const sanne = viewerOf(cast.studentA);
		expect(
			startReflection(sanne, { startKey: 'k1-0123456789abcdef', startActivity: activityId }, blank())
		).toEqual({ id: undefined, reason: 'empty' });
		expect(rowsOf(cast.studentA)).toEqual([]);
	});

	it('creates the row with the text as version 1, linked to the activity', () => {
		const sanne = viewerOf(cast.studentA);
		const started = startReflection(
			sanne,
			{ startKey: 'k1-0123456789abcdef', startActivity: activityId },
			blank({ doel: 'Ik wil' }),
			{
				kind: 'autosave'
			}
		);
		expect(started.id).toBeDefined();
		expect(started.id !== undefined && started.result).toMatchObject({ ok: true, version: 1 });
		const r = getOwnReflection(sanne, started.id!)!;
		expect(r).toMatchObject({ doel: 'Ik wil', version: 1, activityType: 'beroepenmarkt', finished: false });
		expect(listVersions(sanne, started.id!).map((v) => v.version)).toEqual([1]);
	});

	it('a repeated first save finds its row; a later one with the same key is a conflict', () => {
		const sanne = viewerOf(cast.studentA);
		const first = startReflection(
			sanne,
			{ startKey: 'k1-0123456789abcdef', startType: 'stage' },
			blank({ doel: 'Ik' })
		);
		const again = startReflection(
			sanne,
			{ startKey: 'k1-0123456789abcdef', startType: 'stage' },
			blank({ doel: 'Ik wil' })
		);
		expect(again.id).toBe(first.id);
		expect(again.id !== undefined && again.result).toMatchObject({ ok: true, version: 2 });
		const late = startReflection(
			sanne,
			{ startKey: 'k1-0123456789abcdef', startType: 'stage' },
			blank({ doel: 'oud' })
		);
		expect(late.id !== undefined && late.result).toMatchObject({ ok: false, reason: 'conflict' });
		expect(rowsOf(cast.studentA)).toHaveLength(1);
		// The key is the student's own: another student's same key starts their own reflection.
		const other = startReflection(
			viewerOf(cast.studentB),
			{ startKey: 'k1-0123456789abcdef', startType: 'stage' },
			blank({ doel: 'x' })
		);
		expect(other.id).not.toBe(first.id);
	});

	it('one reflection per activity: a second tab gets a conflict, never a second row or lost text', () => {
		const sanne = viewerOf(cast.studentA);
		const first = startReflection(
			sanne,
			{ startKey: 'tab1-0123456789abcdef', startActivity: activityId },
			blank({ doel: 'Eerste' })
		);
		const second = startReflection(
			sanne,
			{ startKey: 'tab2-0123456789abcdef', startActivity: activityId },
			blank({ doel: 'Tweede' })
		);
		expect(second.id).toBe(first.id);
		expect(second.id !== undefined && second.result).toMatchObject({ ok: false, reason: 'conflict' });
		expect(getOwnReflection(sanne, first.id!)?.doel).toBe('Eerste');
	});

	it('refuses an activity that is not the student’s', () => {
		const other = viewerOf(cast.otherSchoolStudent);
		expect(
			startReflection(
				other,
				{ startKey: 'k-0123456789abcdef', startActivity: activityId },
				blank({ doel: 'x' })
			)
		).toEqual({
			id: undefined,
			reason: 'missing'
		});
	});
});
