import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeGroup, viewerOf } from '../testing';
import { getRetentionYears, listSchoolYears, setRetentionYears, startSchoolYear } from './school-years';
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

	it('a new year closes the old groups; old mentors lose access unless they mentor the student again', () => {
		const admin = viewerOf(cast.admin);
		expect(listMentorGroups(viewerOf(cast.mentor))[0].students).toHaveLength(2);
		const result = startSchoolYear(admin, {
			name: '2030-2031',
			startsOn: '2030-08-01',
			endsOn: '2031-07-31'
		});
		expect(result).toMatchObject({ ok: true, closedGroups: 2 });
		expect(listMentorGroups(viewerOf(cast.mentor))).toEqual([]);
		expect(createLoginCode(viewerOf(cast.mentor), cast.studentA)).toBeUndefined();
		// The other mentor takes student A in a group of the new year.
		const year = getCurrentSchoolYear(cast.schoolA.schoolId);
		makeGroup(
			{ schoolId: cast.schoolA.schoolId, schoolYearId: year!.id },
			{ students: [cast.studentA], mentors: [cast.otherMentor] }
		);
		expect(createLoginCode(viewerOf(cast.otherMentor), cast.studentA)).toBeDefined();
		expect(listSchoolYears(admin).map((y) => [y.name, y.isCurrent])).toContainEqual(['2030-2031', true]);
	});

	it('refuses a duplicate name, an end before the start, and anyone but the admin', () => {
		const admin = viewerOf(cast.admin);
		startSchoolYear(admin, { name: '2030-2031', startsOn: '2030-08-01', endsOn: '2031-07-31' });
		expect(
			startSchoolYear(admin, { name: '2030-2031', startsOn: '2031-08-01', endsOn: '2032-07-31' })
		).toEqual({ ok: false, field: 'name' });
		expect(startSchoolYear(admin, { name: 'x', startsOn: '2032-08-01', endsOn: '2031-07-31' })).toEqual({
			ok: false,
			field: 'endsOn'
		});
		expect(
			startSchoolYear(viewerOf(cast.coordinator), { name: 'y', startsOn: '2032-08-01', endsOn: '2033-07-31' })
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
		startSchoolYear(viewerOf(cast.admin), {
			name: '2030-2031',
			startsOn: '2030-08-01',
			endsOn: '2031-07-31'
		});
		const mine = listMyAudit(viewerOf(cast.studentA));
		expect(mine).toHaveLength(1);
		expect(mine[0]).toMatchObject({ action: 'loginCode.create', actorRoles: 'mentor' });
		expect(listMyAudit(viewerOf(cast.studentB))).toEqual([]);
		expect(listMyAudit(viewerOf(cast.mentor))).toEqual([]);
		const all = searchAudit(viewerOf(cast.admin), {});
		expect(all.map((e) => e.action).sort()).toEqual(['loginCode.create', 'schoolYear.start']);
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
