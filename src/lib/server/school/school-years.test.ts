import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeGroup, viewerOf } from '../testing';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import {
	activateDueSchoolYears,
	getRetentionYears,
	listSchoolYears,
	setRetentionYears,
	stageSchoolYear,
	startSchoolYearEarly
} from './school-years';
import { listMentorGroups } from '../mentor/groups';
import { listMyAudit, searchAudit } from '../privacy/audit';
import { createLoginCode } from '../auth/accounts';
import { getCurrentSchoolYear } from './schools';

describe('school years', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	const NEXT = { name: '2030-2031', startsOn: '2030-08-01', endsOn: '2031-07-31' };
	const BEFORE = new Date('2030-07-31T12:00:00Z');
	// Midnight in Amsterdam is 22:00 UTC in summer: the year has begun there.
	const ON_START = new Date('2030-07-31T22:30:00Z');

	it('a staged year waits for its start date; mentors keep their groups until then', () => {
		const admin = viewerOf(cast.admin);
		const current = getCurrentSchoolYear(cast.schoolA.schoolId)!;
		expect(listMentorGroups(viewerOf(cast.mentor))[0].students).toHaveLength(2);
		const result = stageSchoolYear(admin, NEXT, BEFORE);
		expect(result).toMatchObject({ ok: true, active: false });
		const staged = result?.ok ? result.id : 0;
		// The other mentor gets student A in a group of the new year: no access before it starts.
		const next = makeGroup(
			{ schoolId: cast.schoolA.schoolId, schoolYearId: staged },
			{ students: [cast.studentA], mentors: [cast.otherMentor] }
		);
		getDb().update(table.group).set({ closedAt: BEFORE }).where(eq(table.group.id, next)).run();
		expect(activateDueSchoolYears(BEFORE)).toEqual([]);
		expect(getCurrentSchoolYear(cast.schoolA.schoolId)?.id).toBe(current.id);
		expect(listMentorGroups(viewerOf(cast.mentor))[0].students).toHaveLength(2);
		expect(createLoginCode(viewerOf(cast.otherMentor), cast.studentA)).toBeUndefined();
		expect(listSchoolYears(admin).map((y) => [y.name, y.status])).toContainEqual(['2030-2031', 'staged']);

		expect(activateDueSchoolYears(ON_START)).toEqual([staged]);
		expect(getCurrentSchoolYear(cast.schoolA.schoolId)?.id).toBe(staged);
		expect(listMentorGroups(viewerOf(cast.mentor))).toEqual([]);
		expect(createLoginCode(viewerOf(cast.mentor), cast.studentA)).toBeUndefined();
		expect(createLoginCode(viewerOf(cast.otherMentor), cast.studentA)).toBeDefined();
		const started = searchAudit(admin, { action: 'schoolYear.start' });
		expect(started).toHaveLength(1);
		expect(started[0].actorName).toBeNull();
		// Running again changes nothing.
		expect(activateDueSchoolYears(ON_START)).toEqual([]);
	});

	it('starts early only with the name typed and a reason, kept in the audit log', () => {
		const admin = viewerOf(cast.admin);
		const result = stageSchoolYear(admin, NEXT, BEFORE);
		const id = result?.ok ? result.id : 0;
		const input = { confirm: '2030', reason: 'Fusie van twee scholen' };
		expect(startSchoolYearEarly(admin, id, input, BEFORE)).toEqual({ ok: false, field: 'confirm' });
		expect(getCurrentSchoolYear(cast.schoolA.schoolId)?.name).not.toBe('2030-2031');
		expect(startSchoolYearEarly(viewerOf(cast.coordinator), id, input, BEFORE)).toBeUndefined();
		expect(startSchoolYearEarly(admin, id, { ...input, confirm: '2030-2031' }, BEFORE)).toMatchObject({
			ok: true,
			closedGroups: 2
		});
		expect(getCurrentSchoolYear(cast.schoolA.schoolId)?.name).toBe('2030-2031');
		const [event] = searchAudit(admin, { action: 'schoolYear.start' });
		expect(JSON.parse(event.detail)).toMatchObject({ early: true, reason: 'Fusie van twee scholen' });
	});

	it('a start date that has come takes effect at once', () => {
		expect(stageSchoolYear(viewerOf(cast.admin), NEXT, ON_START)).toMatchObject({ ok: true, active: true });
		expect(getCurrentSchoolYear(cast.schoolA.schoolId)?.name).toBe('2030-2031');
	});

	it('refuses a duplicate name, a second staged year, an end before the start, and anyone but the admin', () => {
		const admin = viewerOf(cast.admin);
		stageSchoolYear(admin, NEXT, BEFORE);
		expect(stageSchoolYear(admin, { ...NEXT, startsOn: '2031-08-01', endsOn: '2032-07-31' }, BEFORE)).toEqual(
			{
				ok: false,
				field: 'name',
				problem: 'name_taken'
			}
		);
		expect(
			stageSchoolYear(admin, { name: 'z', startsOn: '2031-08-01', endsOn: '2032-07-31' }, BEFORE)
		).toEqual({
			ok: false,
			field: '_form',
			problem: 'staged_exists'
		});
		expect(stageSchoolYear(admin, { name: 'x', startsOn: '2032-08-01', endsOn: '2031-07-31' })).toMatchObject(
			{
				ok: false,
				field: 'endsOn'
			}
		);
		expect(
			stageSchoolYear(viewerOf(cast.coordinator), { name: 'y', startsOn: '2032-08-01', endsOn: '2033-07-31' })
		).toBeUndefined();
		expect(listSchoolYears(viewerOf(cast.mentor))).toEqual([]);
	});
});

describe('audit log', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	it('the student sees what staff did with their file; the admin searches the school log only', () => {
		createLoginCode(viewerOf(cast.mentor), cast.studentA);
		stageSchoolYear(
			viewerOf(cast.admin),
			{ name: '2030-2031', startsOn: '2030-08-01', endsOn: '2031-07-31' },
			new Date('2030-08-02T12:00:00Z')
		);
		const mine = listMyAudit(viewerOf(cast.studentA));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ action: 'loginCode.create', actorRoles: 'mentor' });
		expect(listMyAudit(viewerOf(cast.studentB))).toEqual([]);
		expect(listMyAudit(viewerOf(cast.mentor))).toEqual([]);
		const all = searchAudit(viewerOf(cast.admin), {});
		expect(all.map((e) => e.action).sort()).toEqual([
			'loginCode.create',
			'schoolYear.stage',
			'schoolYear.start'
		]);
		expect(searchAudit(viewerOf(cast.admin), { action: 'schoolYear.start' })).toHaveLength(1);
		expect(searchAudit(viewerOf(cast.otherSchoolAdmin), {})).toEqual([]);
		expect(searchAudit(viewerOf(cast.coordinator), {})).toEqual([]);
	});
});

describe('retention setting', () => {
	it('the admin sets how many years a file is kept after leaving; nobody else can', () => {
		createTestDb();
		const cast = makeCast();
		expect(getRetentionYears(viewerOf(cast.admin))).toBe(2);
		expect(setRetentionYears(viewerOf(cast.admin), 5)).toBe(true);
		expect(getRetentionYears(viewerOf(cast.admin))).toBe(5);
		expect(getRetentionYears(viewerOf(cast.otherSchoolAdmin))).toBe(2);
		expect(setRetentionYears(viewerOf(cast.coordinator), 1)).toBe(false);
		expect(getRetentionYears(viewerOf(cast.mentor))).toBeUndefined();
	});
});
