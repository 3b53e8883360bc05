import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeGroup, makeUser, viewerOf } from '../testing';
import { createGroup, getGroup, listGroups, setGroupClosed, updateGroup } from './groups';
import { addMembers, listCandidates, removeMember } from './group-members';
import { listMentorGroups } from '../mentor/groups';
import { setPersonActive } from './person-changes';

let cast: ReturnType<typeof makeCast>;

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

const input = (name: string, programme = '') => ({ name, programme });

describe('scope', () => {
	it('an admin of school B gets nothing of school A', () => {
		const b = viewerOf(cast.otherSchoolAdmin);
		expect(getGroup(b, cast.group)).toBeUndefined();
		expect(listGroups(b).groups.map((g) => g.id)).not.toContain(cast.group);
		expect(updateGroup(b, cast.group, input('Overgenomen'))).toBeUndefined();
		expect(addMembers(b, cast.group, 'student', [cast.otherSchoolStudent])).toBeUndefined();
		expect(removeMember(b, cast.group, 'student', cast.studentA)).toBeUndefined();
		expect(setGroupClosed(b, cast.group, true)).toBeUndefined();
		expect(listCandidates(b, cast.group, 'student', { q: '' }).rows).toEqual([]);
		expect(getGroup(viewerOf(cast.admin), cast.group)).toMatchObject({ closed: false });
	});

	it('an admin cannot put another school\u2019s people in a group', () => {
		const admin = viewerOf(cast.admin);
		expect(
			addMembers(admin, cast.group, 'student', [cast.studentOtherGroup, cast.otherSchoolStudent])
		).toBeUndefined();
		expect(getGroup(admin, cast.group)?.students.map((s) => s.id)).toEqual(
			expect.not.arrayContaining([cast.otherSchoolStudent, cast.studentOtherGroup])
		);
	});

	it.each(['mentor', 'coordinator', 'studentA'] as const)('a %s gets nothing', (who) => {
		const v = viewerOf(cast[who]);
		expect(listGroups(v)).toEqual({ year: undefined, groups: [] });
		expect(getGroup(v, cast.group)).toBeUndefined();
		expect(createGroup(v, input('Nieuw'))).toBeUndefined();
		expect(updateGroup(v, cast.group, input('Nieuw'))).toBeUndefined();
		expect(addMembers(v, cast.group, 'student', [cast.studentOtherGroup])).toBeUndefined();
		expect(removeMember(v, cast.group, 'student', cast.studentA)).toBeUndefined();
		expect(setGroupClosed(v, cast.group, true)).toBeUndefined();
		expect(listCandidates(v, cast.group, 'student', { q: '' }).rows).toEqual([]);
	});
});

describe('groups of the current school year', () => {
	it('lists groups with their mentors and active student counts', () => {
		const admin = viewerOf(cast.admin);
		setPersonActive(admin, cast.studentB, false);
		const three = [1, 2, 3].map(() => makeUser(cast.schoolA.schoolId, ['student']));
		const big = makeGroup(cast.schoolA, { students: three, mentors: [cast.mentor, cast.otherMentor] }, 'A1');
		const { year, groups } = listGroups(admin);
		expect(year?.name).toMatch(/^\d{4}-\d{4}$/);
		expect(groups.map((x) => [x.id, x.students, x.mentors.map((m) => m.id).sort()])).toEqual([
			[big, 3, [cast.mentor, cast.otherMentor].sort()],
			[cast.group, 1, [cast.mentor]],
			[cast.otherGroup, 1, [cast.otherMentor]]
		]);
	});

	it('creates a group; a name is unique within the school year', () => {
		const admin = viewerOf(cast.admin);
		const created = createGroup(admin, input('3KB-A', 'vmbo-kb 3'));
		expect(created).toMatchObject({ ok: true });
		expect(createGroup(admin, input('3KB-A'))).toEqual({ ok: false, field: 'name', problem: 'nameTaken' });
		// Another school may use the same name.
		expect(createGroup(viewerOf(cast.otherSchoolAdmin), input('3KB-A'))).toMatchObject({ ok: true });
		if (!created?.ok) return;
		expect(getGroup(admin, created.id)).toMatchObject({
			name: '3KB-A',
			programme: 'vmbo-kb 3',
			isCurrentYear: true,
			students: [],
			mentors: []
		});
	});

	it('renames a group and edits its programme, refusing a taken name', () => {
		const admin = viewerOf(cast.admin);
		const other = getGroup(admin, cast.otherGroup);
		expect(updateGroup(admin, cast.group, input(other?.name ?? ''))).toMatchObject({
			ok: false,
			problem: 'nameTaken'
		});
		expect(updateGroup(admin, cast.group, input('ZW2-B', 'mbo niveau 2 Zorg en welzijn'))).toMatchObject({
			ok: true
		});
		expect(getGroup(admin, cast.group)).toMatchObject({
			name: 'ZW2-B',
			programme: 'mbo niveau 2 Zorg en welzijn'
		});
		expect(updateGroup(admin, 999_999, input('X'))).toBeUndefined();
	});
});

describe('members', () => {
	it('adds and removes students and mentors; the mentor then sees the students', () => {
		const admin = viewerOf(cast.admin);
		const created = createGroup(admin, input('4KB-B'));
		if (!created?.ok) throw new Error('not created');
		const id = created.id;
		expect(
			addMembers(admin, id, 'student', [cast.studentA, cast.studentOtherGroup, cast.studentA])
		).toMatchObject({
			ok: true
		});
		expect(addMembers(admin, id, 'mentor', [cast.otherMentor])).toMatchObject({ ok: true });
		// Adding twice changes nothing.
		expect(addMembers(admin, id, 'student', [cast.studentA])).toMatchObject({ ok: true });
		const group = getGroup(admin, id);
		expect(group?.students.map((s) => s.id).sort()).toEqual([cast.studentA, cast.studentOtherGroup].sort());
		expect(group?.mentors.map((s) => s.id)).toEqual([cast.otherMentor]);
		const seen = listMentorGroups(viewerOf(cast.otherMentor)).find((g) => g.id === id);
		expect(seen?.students.map((s) => s.id).sort()).toEqual([cast.studentA, cast.studentOtherGroup].sort());

		expect(removeMember(admin, id, 'student', cast.studentA)).toMatchObject({ ok: true });
		expect(removeMember(admin, id, 'student', cast.studentA)).toBeUndefined();
		expect(removeMember(admin, id, 'mentor', cast.otherMentor)).toMatchObject({ ok: true });
		expect(getGroup(admin, id)).toMatchObject({ mentors: [], students: [{ id: cast.studentOtherGroup }] });
	});

	it('only active people with the right role can be added', () => {
		const admin = viewerOf(cast.admin);
		expect(addMembers(admin, cast.group, 'mentor', [cast.studentOtherGroup])).toBeUndefined();
		expect(addMembers(admin, cast.group, 'student', [cast.coordinator])).toBeUndefined();
		setPersonActive(admin, cast.studentOtherGroup, false);
		expect(addMembers(admin, cast.group, 'student', [cast.studentOtherGroup])).toBeUndefined();
		expect(addMembers(admin, cast.group, 'student', [999_999])).toBeUndefined();
	});

	it('offers candidates not yet in the group, searchable, and optionally only those without a group', () => {
		const admin = viewerOf(cast.admin);
		const placed = makeUser(cast.schoolA.schoolId, ['student'], {
			givenName: 'Jayden',
			familyName: 'Visser'
		});
		const unplaced = makeUser(cast.schoolA.schoolId, ['student'], { givenName: 'Noa', familyName: 'Smit' });
		makeGroup(cast.schoolA, { students: [placed] });
		const ids = (q: string, withoutGroup = false) =>
			listCandidates(admin, cast.group, 'student', { q, withoutGroup }).rows.map((r) => r.id);
		expect(ids('')).toEqual(expect.arrayContaining([placed, unplaced, cast.studentOtherGroup]));
		expect(ids('')).not.toContain(cast.studentA);
		expect(ids('noa smit')).toEqual([unplaced]);
		expect(ids('', true)).toEqual([unplaced]);
		expect(listCandidates(admin, cast.group, 'mentor', { q: '' }).rows.map((r) => r.id)).toEqual([
			cast.otherMentor
		]);
	});

	it('caps the candidate list and says there are more', () => {
		const admin = viewerOf(cast.admin);
		for (let i = 0; i < 45; i++) makeUser(cast.schoolA.schoolId, ['student']);
		const c = listCandidates(admin, cast.group, 'student', { q: '' });
		expect(c.rows).toHaveLength(40);
		expect(c.more).toBe(true);
	});

	it('a closed group keeps its members, is read-only, hides it from its mentor, and can be reopened', () => {
		const admin = viewerOf(cast.admin);
		expect(setGroupClosed(admin, cast.group, true)).toMatchObject({ ok: true });
		expect(getGroup(admin, cast.group)).toMatchObject({ closed: true, students: [{}, {}] });
		expect(listMentorGroups(viewerOf(cast.mentor))).toEqual([]);
		expect(addMembers(admin, cast.group, 'student', [cast.studentOtherGroup])).toEqual({
			ok: false,
			field: '_form',
			problem: 'closed'
		});
		expect(removeMember(admin, cast.group, 'student', cast.studentA)).toMatchObject({ problem: 'closed' });
		expect(updateGroup(admin, cast.group, input('Nieuw'))).toMatchObject({ problem: 'closed' });
		expect(listGroups(admin).groups.at(-1)).toMatchObject({ id: cast.group, closed: true });
		expect(setGroupClosed(admin, cast.group, false)).toMatchObject({ ok: true });
		expect(listMentorGroups(viewerOf(cast.mentor)).map((g) => g.id)).toEqual([cast.group]);
	});
});
