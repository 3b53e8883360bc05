import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { createSession, validateSessionToken } from '../auth/session';
import { verifyPassword } from '../auth/password';
import { authenticate } from '../auth/accounts';
import { listMentorGroups } from '../mentor/groups';
import { countPeople, getPerson, listPeople } from './people';
import { createPerson, setPersonActive, setTemporaryPassword, updatePerson } from './person-changes';
import { newPersonSchema, peopleFilterSchema, personSchema } from '../../schemas/people';

let cast: ReturnType<typeof makeCast>;

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

const filter = (f: Record<string, string> = {}) => peopleFilterSchema.parse(f);

function newPerson(extra: Record<string, unknown> = {}) {
	return newPersonSchema.parse({
		givenName: 'Lotte',
		familyNamePrefix: 'van den',
		familyName: 'Berg',
		username: 'L.vandenBerg',
		studentNumber: '004101',
		roles: 'student',
		password: 'Tijdelijk-2026',
		...extra
	});
}

function editOf(id: number, changes: Record<string, unknown> = {}) {
	const p = getPerson(viewerOf(cast.admin), id);
	if (!p) throw new Error('not found');
	return personSchema.parse({
		givenName: p.givenName,
		familyNamePrefix: p.familyNamePrefix,
		familyName: p.familyName,
		username: p.username,
		email: p.email ?? '',
		studentNumber: p.studentNumber ?? '',
		roles: p.roles,
		...changes
	});
}

describe('scope', () => {
	it('an admin of school B gets nothing of school A', async () => {
		const b = viewerOf(cast.otherSchoolAdmin);
		expect(getPerson(b, cast.studentA)).toBeUndefined();
		expect(listPeople(b, filter({ status: 'all' })).rows.map((r) => r.id)).not.toContain(cast.studentA);
		expect(listPeople(b, filter({ status: 'all' })).total).toBe(2);
		expect(updatePerson(b, cast.studentA, editOf(cast.studentA, { givenName: 'X' }))).toBeUndefined();
		expect(setPersonActive(b, cast.studentA, false)).toBeUndefined();
		expect(await setTemporaryPassword(b, cast.studentA, 'Overgenomen-1')).toBeUndefined();
		expect(getPerson(viewerOf(cast.admin), cast.studentA)).toMatchObject({ active: true });
	});

	it.each(['mentor', 'coordinator', 'studentA'] as const)('a %s gets nothing', async (who) => {
		const v = viewerOf(cast[who]);
		expect(countPeople(v)).toBeUndefined();
		expect(getPerson(v, cast.studentB)).toBeUndefined();
		expect(listPeople(v, filter()).rows).toEqual([]);
		expect(updatePerson(v, cast.studentB, editOf(cast.studentB, { givenName: 'X' }))).toBeUndefined();
		expect(setPersonActive(v, cast.studentB, false)).toBeUndefined();
		expect(await setTemporaryPassword(v, cast.studentB, 'Overgenomen-1')).toBeUndefined();
		expect(await createPerson(v, newPerson())).toBeUndefined();
		expect(listPeople(viewerOf(cast.admin), filter({ q: 'vandenberg' })).total).toBe(0);
	});
});

describe('listing', () => {
	it('counts active people per role and the deactivated ones', () => {
		setPersonActive(viewerOf(cast.admin), cast.studentB, false);
		expect(countPeople(viewerOf(cast.admin))).toEqual({
			active: { student: 2, mentor: 2, coordinator: 1, admin: 1, staff: 0, parent: 0 },
			activeTotal: 6,
			deactivated: 1
		});
	});

	it('searches names, user names and student numbers, word by word', () => {
		const admin = viewerOf(cast.admin);
		const id = makeUser(cast.schoolA.schoolId, ['student'], {
			username: 'sanne.devries',
			givenName: 'Sanne',
			familyName: 'Vries',
			studentNumber: '004101'
		});
		for (const q of ['sanne vries', 'SANNE', 'devries', '004101', '4101'])
			expect(listPeople(admin, filter({ q })).rows.map((r) => r.id)).toEqual([id]);
		expect(listPeople(admin, filter({ q: 'sanne jansen' })).total).toBe(0);
		// LIKE wildcards are text, not patterns.
		expect(listPeople(admin, filter({ q: '%' })).total).toBe(0);
		expect(listPeople(admin, filter({ q: '_' })).total).toBe(0);
	});

	it('filters by role and status, and pages by 50', () => {
		const admin = viewerOf(cast.admin);
		for (let i = 0; i < 60; i++) makeUser(cast.schoolA.schoolId, ['student']);
		setPersonActive(admin, cast.studentA, false);
		const students = listPeople(admin, filter({ role: 'student' }));
		expect(students.total).toBe(62);
		expect(students.pageCount).toBe(2);
		expect(students.rows).toHaveLength(50);
		expect(listPeople(admin, filter({ role: 'student', page: '2' })).rows).toHaveLength(12);
		// A page past the end shows the last page rather than nothing.
		expect(listPeople(admin, filter({ role: 'student', page: '99' })).page).toBe(2);
		expect(listPeople(admin, filter({ status: 'inactive' })).rows.map((r) => r.id)).toEqual([cast.studentA]);
		expect(listPeople(admin, filter({ role: 'mentor' })).rows.every((r) => r.roles.includes('mentor'))).toBe(
			true
		);
	});

	it('shows a person with their groups, never a password hash', () => {
		const p = getPerson(viewerOf(cast.admin), cast.studentA);
		expect(p?.groups.map((x) => [x.id, x.as])).toEqual([[cast.group, 'student']]);
		expect(JSON.stringify(p)).not.toMatch(/hash/i);
		expect(getPerson(viewerOf(cast.admin), cast.mentor)?.groups.map((x) => x.as)).toEqual(['mentor']);
		expect(getPerson(viewerOf(cast.admin), 999_999)).toBeUndefined();
	});
});

describe('creating', () => {
	it('creates an account that must change its password at first login', async () => {
		const admin = viewerOf(cast.admin);
		const result = await createPerson(
			admin,
			newPerson({ roles: ['mentor', 'coordinator'], studentNumber: '' })
		);
		expect(result).toMatchObject({ ok: true });
		if (!result?.ok) return;
		const p = getPerson(admin, result.id);
		expect(p).toMatchObject({
			username: 'l.vandenberg',
			name: 'Lotte van den Berg',
			roles: ['mentor', 'coordinator'],
			mustChangePassword: true,
			studentNumber: null,
			active: true
		});
		const login = await authenticate('l.vandenberg', 'Tijdelijk-2026', '127.0.0.9');
		expect(login.ok).toBe(true);
	});

	it('keeps leading zeros of student numbers', async () => {
		const result = await createPerson(viewerOf(cast.admin), newPerson({ studentNumber: '000042' }));
		expect(result?.ok && getPerson(viewerOf(cast.admin), result.id)?.studentNumber).toBe('000042');
	});

	it('refuses a taken user name (any school) and a taken student number (this school)', async () => {
		const admin = viewerOf(cast.admin);
		makeUser(cast.schoolB.schoolId, ['student'], { username: 'taken', studentNumber: '777' });
		makeUser(cast.schoolA.schoolId, ['student'], { studentNumber: '004101' });
		expect(await createPerson(admin, newPerson({ username: 'TAKEN' }))).toEqual({
			ok: false,
			problems: { username: 'usernameTaken', studentNumber: 'studentNumberTaken' }
		});
		// Another school's student numbers do not clash.
		expect(await createPerson(admin, newPerson({ studentNumber: '777' }))).toMatchObject({ ok: true });
	});

	it('a student cannot also have a staff role', () => {
		const parsed = personSchema.safeParse({
			givenName: 'A',
			familyName: 'B',
			username: 'ab',
			roles: ['student', 'admin']
		});
		expect(parsed.error?.issues.map((i) => [i.path, i.message])).toEqual([
			[['roles'], 'admin_roles_student_staff']
		]);
	});
});

describe('editing and lock-out', () => {
	it('edits names and roles; the roles take effect in the next request', () => {
		const admin = viewerOf(cast.admin);
		const { token } = createSession(cast.mentor);
		expect(
			updatePerson(
				admin,
				cast.mentor,
				editOf(cast.mentor, { roles: ['mentor', 'coordinator'], email: 'm@school.nl' })
			)
		).toEqual({ ok: true, id: cast.mentor });
		expect(getPerson(admin, cast.mentor)).toMatchObject({
			roles: ['mentor', 'coordinator'],
			email: 'm@school.nl'
		});
		expect(validateSessionToken(token)?.user.roles.toSorted()).toEqual(['coordinator', 'mentor']);
		expect(updatePerson(admin, cast.mentor, editOf(cast.mentor, { roles: ['staff'] }))).toMatchObject({
			ok: true
		});
		expect(getPerson(admin, cast.mentor)?.roles).toEqual(['staff']);
	});

	it('taking away the student or mentor role takes the person out of their groups', () => {
		const admin = viewerOf(cast.admin);
		expect(updatePerson(admin, cast.mentor, editOf(cast.mentor, { roles: ['coordinator'] }))).toMatchObject({
			ok: true
		});
		expect(getPerson(admin, cast.mentor)?.groups).toEqual([]);
		expect(listMentorGroups(viewerOf(cast.mentor))).toEqual([]);
		expect(
			updatePerson(admin, cast.studentA, editOf(cast.studentA, { roles: ['staff'], studentNumber: '' }))
		).toMatchObject({ ok: true });
		expect(getPerson(admin, cast.studentA)?.groups).toEqual([]);
		// Keeping the role keeps the place.
		expect(updatePerson(admin, cast.studentB, editOf(cast.studentB, { givenName: 'Bo' }))).toMatchObject({
			ok: true
		});
		expect(getPerson(admin, cast.studentB)?.groups.map((g) => g.id)).toEqual([cast.group]);
	});

	it('refuses another person\u2019s user name or student number, but keeps one\u2019s own', () => {
		const admin = viewerOf(cast.admin);
		const other = getPerson(admin, cast.studentB);
		expect(updatePerson(admin, cast.studentA, editOf(cast.studentA, { username: other?.username }))).toEqual({
			ok: false,
			problems: { username: 'usernameTaken' }
		});
		expect(
			updatePerson(admin, cast.studentA, editOf(cast.studentA, { studentNumber: other?.studentNumber }))
		).toEqual({ ok: false, problems: { studentNumber: 'studentNumberTaken' } });
		expect(updatePerson(admin, cast.studentA, editOf(cast.studentA))).toMatchObject({ ok: true });
	});

	it('an admin cannot remove their own admin role or deactivate themself', () => {
		const admin = viewerOf(cast.admin);
		const second = makeUser(cast.schoolA.schoolId, ['admin']);
		expect(updatePerson(admin, cast.admin, editOf(cast.admin, { roles: ['mentor'] }))).toEqual({
			ok: false,
			problems: { roles: 'ownAdminRole' }
		});
		expect(setPersonActive(admin, cast.admin, false)).toEqual({
			ok: false,
			problems: { _form: 'deactivateSelf' }
		});
		expect(getPerson(admin, cast.admin)).toMatchObject({ roles: ['admin'], active: true });
		// Another admin may be changed, and the viewer may add roles to themself.
		expect(updatePerson(admin, second, editOf(second, { roles: ['staff'] }))).toMatchObject({ ok: true });
		expect(updatePerson(admin, cast.admin, editOf(cast.admin, { roles: ['mentor', 'admin'] }))).toMatchObject(
			{
				ok: true
			}
		);
	});

	it('never removes the last active admin of a school', () => {
		// A second admin stands in for the case where the viewer is not the last one (e.g. an operator's CLI).
		const second = makeUser(cast.schoolA.schoolId, ['admin']);
		const admin = viewerOf(cast.admin);
		expect(setPersonActive(viewerOf(second), cast.admin, false)).toMatchObject({ ok: true });
		expect(updatePerson(admin, second, editOf(second, { roles: ['staff'] }))).toEqual({
			ok: false,
			problems: { roles: 'lastAdmin' }
		});
		expect(setPersonActive(admin, second, false)).toEqual({ ok: false, problems: { _form: 'lastAdmin' } });
	});

	it('deactivating ends every session and stops logging in; reactivating allows it again', async () => {
		const admin = viewerOf(cast.admin);
		await setTemporaryPassword(admin, cast.studentA, 'Tijdelijk-2026');
		const { token } = createSession(cast.studentA);
		expect(setPersonActive(admin, cast.studentA, false)).toMatchObject({ ok: true });
		expect(validateSessionToken(token)).toBeNull();
		expect(getDb().select().from(table.session).where(eq(table.session.userId, cast.studentA)).all()).toEqual(
			[]
		);
		expect(
			(await authenticate(getPerson(admin, cast.studentA)!.username, 'Tijdelijk-2026', '10.0.0.1')).ok
		).toBe(false);
		expect(setPersonActive(admin, cast.studentA, true)).toMatchObject({ ok: true });
		expect(
			(await authenticate(getPerson(admin, cast.studentA)!.username, 'Tijdelijk-2026', '10.0.0.2')).ok
		).toBe(true);
	});

	it('a temporary password must be changed at the next login and ends their sessions', async () => {
		const admin = viewerOf(cast.admin);
		const { token } = createSession(cast.mentor);
		expect(await setTemporaryPassword(admin, cast.mentor, 'Tijdelijk-2026')).toMatchObject({ ok: true });
		expect(validateSessionToken(token)).toBeNull();
		const row = getDb().select().from(table.user).where(eq(table.user.id, cast.mentor)).get();
		expect(row?.mustChangePassword).toBe(true);
		expect(await verifyPassword(row?.passwordHash ?? '', 'Tijdelijk-2026')).toBe(true);
		expect(await setTemporaryPassword(admin, cast.admin, 'Tijdelijk-2026')).toEqual({
			ok: false,
			problems: { _form: 'passwordSelf' }
		});
	});
});
