import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { activity } from '../db/schema-portfolio';
import { notification } from '../db/schema-dialog';
import type { ActivityInput } from '../../schemas/programme';
import { saveReflection } from '../portfolio/reflection-save';
import { startReflection } from '../portfolio/reflection-start';
import { createActivity, duplicateActivity, listProgramme, setCancelled, updateActivity } from './plan';
import { listYears } from './options';
import { copyYear, nextYearDate } from './copy';
import { listMyActivities, findActivityReflection, sendDueReminders, getReflectionActivity } from './student';
import { listActivityStudents, listMentorActivities, nudgeStudent } from './follow';
import { getProgrammeReach } from './reach';
import { feedEvents, feedOwner, hasFeed, resetFeed } from './feed';

let cast: ReturnType<typeof makeCast>;
let yearId: number;
const base = (over: Partial<ActivityInput> = {}): ActivityInput => ({
	schoolYearId: yearId,
	type: 'beroepenmarkt',
	title: 'Beroepenmarkt',
	date: '2026-10-08',
	endDate: '',
	startTime: '09:00',
	endTime: '12:00',
	place: 'Sporthal',
	audience: 'groups',
	groups: [cast.group],
	cohorts: [],
	preparationQuestion: 'Welk beroep wil je zien?',
	competencies: ['werkexploratie', 'netwerken'],
	organiserId: cast.coordinator,
	matrixTaskId: '',
	...over
});

beforeEach(() => {
	createTestDb();
	cast = makeCast();
	yearId = cast.schoolA.schoolYearId;
	getDb().update(core.group).set({ programme: 'vmbo-kb 3' }).where(eq(core.group.id, cast.group)).run();
	getDb().update(core.group).set({ programme: 'vmbo-kb 4' }).where(eq(core.group.id, cast.otherGroup)).run();
});

describe('planning', () => {
	it('creates, edits, cancels and duplicates an activity of the decaan', () => {
		const coord = viewerOf(cast.coordinator);
		const made = createActivity(coord, base());
		expect(made.ok).toBe(true);
		const id = made.ok ? made.id : 0;
		expect(updateActivity(coord, id, base({ title: 'Beroepenmarkt 2026' }))).toEqual({ ok: true, id });
		expect(setCancelled(coord, id, true)).toBe(true);
		const copy = duplicateActivity(coord, id);
		const list = listProgramme(coord, yearId);
		expect(list.map((a) => [a.title, a.cancelled, a.groups.map((g) => g.id)])).toEqual([
			['Beroepenmarkt 2026', true, [cast.group]],
			['Beroepenmarkt 2026', false, [cast.group]]
		]);
		expect(list[1].id).toBe(copy);
		expect(list[0].competencies).toEqual(['werkexploratie', 'netwerken']);
	});

	it("refuses dates outside the school year, other schools' groups, unknown levels and organisers", () => {
		const coord = viewerOf(cast.coordinator);
		const foreignGroup = getDb()
			.select()
			.from(core.group)
			.where(eq(core.group.schoolId, cast.schoolB.schoolId))
			.get()!;
		const student = makeUser(cast.schoolA.schoolId, ['student']);
		expect(createActivity(coord, base({ date: '2028-01-01' }))).toEqual({
			ok: false,
			errors: { date: 'prog_error_outside_year' }
		});
		expect(createActivity(coord, base({ groups: [foreignGroup.id] }))).toMatchObject({
			ok: false,
			errors: { groups: 'prog_error_group_not_allowed' }
		});
		expect(createActivity(coord, base({ audience: 'cohorts', cohorts: ['havo 5'] }))).toMatchObject({
			errors: { cohorts: 'prog_error_cohort_unknown' }
		});
		expect(createActivity(coord, base({ organiserId: student }))).toMatchObject({
			errors: { organiserId: 'prog_error_organiser' }
		});
		expect(listProgramme(coord, yearId)).toEqual([]);
	});

	it('lets a mentor plan for their own groups only, and change only what they planned', () => {
		const mentor = viewerOf(cast.mentor);
		const coord = viewerOf(cast.coordinator);
		expect(createActivity(mentor, base({ groups: [cast.otherGroup] }))).toMatchObject({ ok: false });
		expect(createActivity(mentor, base({ audience: 'school' }))).toMatchObject({
			errors: { audience: 'prog_error_audience_mentor' }
		});
		const own = createActivity(mentor, base({ organiserId: cast.mentor }));
		expect(own.ok).toBe(true);
		const school = createActivity(coord, base({ audience: 'school' }));
		const ids = [own, school].map((r) => (r.ok ? r.id : 0));
		expect(setCancelled(mentor, ids[1], true)).toBe(false);
		expect(listProgramme(mentor, yearId).map((a) => a.editable)).toEqual([true, false]);
		expect(listProgramme(viewerOf(cast.studentA), yearId)).toEqual([]);
	});

	it('copies a year into the next one, a year later and marked to check', () => {
		const coord = viewerOf(cast.coordinator);
		createActivity(coord, base());
		const next = getDb()
			.insert(core.schoolYear)
			.values({
				schoolId: cast.schoolA.schoolId,
				name: '2027-2028',
				startsOn: '2027-08-01',
				endsOn: '2028-07-31'
			})
			.returning()
			.get();
		expect(copyYear(coord, yearId, next.id)).toBe(1);
		const [copied] = listProgramme(coord, next.id);
		expect(copied).toMatchObject({
			date: '2027-10-08',
			needsCheck: true,
			audience: 'cohorts',
			cohorts: ['vmbo-kb 3']
		});
		expect(listYears(coord).length).toBe(2);
		expect(nextYearDate('2028-02-29')).toBe('2029-02-28');
	});
});

describe('students, mentors and reach', () => {
	it('follows one activity from plan to reflection, counted without text', () => {
		const coord = viewerOf(cast.coordinator);
		const made = createActivity(coord, base({ date: '2026-10-08' }));
		const cohort = createActivity(
			coord,
			base({ audience: 'cohorts', cohorts: ['vmbo-kb 4'], title: 'Open dag' })
		);
		const id = made.ok ? made.id : 0;
		const sanne = viewerOf(cast.studentA);
		// Before the date: coming up, nothing written.
		const before = listMyActivities(sanne, { today: '2026-10-01' });
		expect(before.map((a) => [a.title, a.past, a.state])).toEqual([['Beroepenmarkt', false, 'none']]);
		expect(
			listMyActivities(viewerOf(cast.studentOtherGroup), { today: '2026-10-01' }).map((a) => a.title)
		).toEqual(['Open dag']);
		expect(cohort.ok).toBe(true);
		// Prepare: nothing is made until the first word, then the same reflection each time.
		expect(findActivityReflection(sanne, id)).toBeNull();
		expect(findActivityReflection(viewerOf(cast.studentOtherGroup), id)).toBeUndefined();
		const content = {
			title: 'Beroepenmarkt',
			doel: 'Ik wil weten wat een kapper doet.',
			resultaat: '',
			evaluatie: '',
			vervolg: '',
			visibility: 'mentor' as const,
			competencies: []
		};
		const started = startReflection(sanne, { startKey: 'key-0123456789abcdef', startActivity: id }, content);
		const rid = started.id!;
		expect(started.id !== undefined && started.result.ok).toBe(true);
		expect(findActivityReflection(sanne, id)).toBe(rid);
		expect(listMyActivities(sanne, { today: '2026-10-01' })[0].state).toBe('prepared');
		expect(getReflectionActivity(sanne, rid, '2026-10-09')).toMatchObject({ past: true, cancelled: false });
		// The day after, nothing after the doel: one reminder, never two.
		expect(sendDueReminders(sanne, '2026-10-09')).toBe(1);
		expect(sendDueReminders(sanne, '2026-10-10')).toBe(0);
		// The mentor sees her as prepared, with no link while the reflection is not finished.
		const mentor = viewerOf(cast.mentor);
		expect(listActivityStudents(mentor, id)?.find((s) => s.id === cast.studentA)).toMatchObject({
			state: 'prepared',
			reflectionId: null
		});
		expect(listActivityStudents(viewerOf(cast.otherMentor), id)).toBeUndefined();
		// After: reflected and finished.
		const full = {
			...content,
			resultaat: 'Ik zag een kapsalon.',
			evaluatie: 'Ik vond het leuk.',
			vervolg: 'Ik ga meelopen.',
			competencies: ['werkexploratie' as const]
		};
		expect(saveReflection(sanne, rid, 1, full, { finish: true })).toMatchObject({ ok: true, finished: true });
		expect(listActivityStudents(mentor, id)?.find((s) => s.id === cast.studentA)).toMatchObject({
			state: 'reflected',
			reflectionId: rid
		});
		expect(listMentorActivities(mentor)).toMatchObject([{ id, invited: 2, prepared: 1, reflected: 1 }]);
		// Nudge once a week, only for their own invited students.
		const now = new Date('2026-10-09T10:00:00Z');
		expect(nudgeStudent(mentor, id, cast.studentB, now)).toBe('sent');
		expect(nudgeStudent(mentor, id, cast.studentB, new Date('2026-10-12T10:00:00Z'))).toBe('tooSoon');
		expect(nudgeStudent(mentor, id, cast.studentB, new Date('2026-10-17T10:00:00Z'))).toBe('sent');
		expect(nudgeStudent(mentor, id, cast.studentOtherGroup, now)).toBeUndefined();
		expect(nudgeStudent(viewerOf(cast.otherMentor), id, cast.studentB, now)).toBeUndefined();
		expect(
			getDb().select().from(notification).where(eq(notification.kind, 'activityNudge')).all()
		).toHaveLength(2);
		// Reach: counts only.
		const reach = getProgrammeReach(coord, yearId, 1)!;
		expect(reach.activities.find((a) => a.id === id)).toMatchObject({
			invited: 2,
			prepared: 1,
			reflected: 1
		});
		expect(JSON.stringify(reach)).not.toContain('kapsalon');
		expect(reach.cohorts.find((c) => c.cohort === 'vmbo-kb 3')?.missing).toEqual([
			'kwaliteiten',
			'motieven',
			'loopbaansturing'
		]);
		expect(reach.groups.map((g) => [g.students, g.reached])).toEqual([
			[2, 1],
			[1, 0]
		]);
		expect(getProgrammeReach(mentor, yearId, 1)).toBeUndefined();
		// Cancelled: the reflection stays hers and says so.
		setCancelled(coord, id, true);
		expect(getReflectionActivity(sanne, rid)?.cancelled).toBe(true);
		expect(findActivityReflection(sanne, id)).toBe(rid);
		expect(getDb().select().from(activity).all()).toHaveLength(2);
	});
});

describe('calendar feed', () => {
	it('gives titles, dates and places at a secret address; a reset makes the old one unknown', () => {
		const coord = viewerOf(cast.coordinator);
		createActivity(coord, base());
		const sanne = viewerOf(cast.studentA);
		expect(hasFeed(sanne)).toBe(false);
		const first = resetFeed(sanne);
		expect(first).toMatch(/^[a-z2-7]{32}$/);
		const owner = feedOwner(first);
		expect(owner).toEqual({ userId: cast.studentA, schoolId: cast.schoolA.schoolId });
		expect(feedEvents(owner!).map((e) => [e.title, e.date, e.place])).toEqual([
			['Beroepenmarkt', '2026-10-08', 'Sporthal']
		]);
		expect(Object.keys(feedEvents(owner!)[0]).sort()).toEqual(
			['cancelled', 'date', 'endDate', 'endTime', 'id', 'place', 'startTime', 'title'].sort()
		);
		const second = resetFeed(sanne);
		expect(feedOwner(first)).toBeUndefined();
		expect(feedOwner(second)?.userId).toBe(cast.studentA);
		expect(feedOwner('a'.repeat(32))).toBeUndefined();
		expect(() => resetFeed(coord)).toThrow();
	});
});
