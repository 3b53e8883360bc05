import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { redeemLoginCode } from '../auth/accounts';
import { listMyAudit } from '../privacy/audit';
import { updatePerson } from '../school/person-changes';
import { getChild, listMyParents } from './links';
import { MAX_PARENTS } from './invitations';
import {
	createLinkedParent,
	endSchoolLink,
	linkExistingParent,
	listStudentParents,
	newParentCode,
	searchParents
} from './school-links';

let cast: ReturnType<typeof makeCast>;
let n = 0;
const input = (username = `ouder.school${++n}`) => ({
	givenName: 'Petra',
	familyNamePrefix: 'van',
	familyName: 'Dijk',
	username,
	email: null
});

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('the school links a parent on request', () => {
	it('makes a parent-only account without a password, linked, with a login code that works once', () => {
		const admin = viewerOf(cast.admin);
		const res = createLinkedParent(admin, cast.studentA, input('petra.vandijk'));
		if (!res?.ok) throw new Error('not created');
		const parent = getDb()
			.select({ id: core.user.id, hash: core.user.passwordHash })
			.from(core.user)
			.where(eq(core.user.username, 'petra.vandijk'))
			.get()!;
		expect(parent.hash).toBeNull();
		expect(viewerOf(parent.id).roles).toEqual(['parent']);
		expect(getChild(viewerOf(parent.id), cast.studentA)?.id).toBe(cast.studentA);
		expect(res.parentName).toBe('Petra van Dijk');
		const login = redeemLoginCode(res.code.replaceAll('-', ''), '10.9.0.1');
		expect(login).toMatchObject({ ok: true, userId: parent.id });
		expect(redeemLoginCode(res.code.replaceAll('-', ''), '10.9.0.2').ok).toBe(false);
		// The student sees the link as made by the school, and the admin's action in "Wie keek mee?".
		const student = viewerOf(cast.studentA);
		expect(listMyParents(student)).toMatchObject([{ name: 'Petra van Dijk', bySchool: true }]);
		expect(listMyAudit(student).map((a) => [a.action, a.detail])).toContainEqual([
			'parent.link',
			JSON.stringify({ parent: 'Petra van Dijk' })
		]);
		expect(listStudentParents(admin, cast.studentA)).toMatchObject([
			{ parentId: parent.id, username: 'petra.vandijk', bySchool: true, revokedAt: null }
		]);
	});

	it('refuses a taken user name and keeps nothing', () => {
		const admin = viewerOf(cast.admin);
		const taken = getDb().select().from(core.user).where(eq(core.user.id, cast.mentor)).get()!.username;
		expect(createLinkedParent(admin, cast.studentA, input(taken))).toEqual({
			ok: false,
			problem: 'usernameTaken'
		});
		expect(listStudentParents(admin, cast.studentA)).toEqual([]);
	});

	it('links an existing parent of the school once; one parent can have several children', () => {
		const admin = viewerOf(cast.admin);
		const parent = makeUser(cast.schoolA.schoolId, ['parent'], { givenName: 'Karin', familyName: 'Bakker' });
		expect(linkExistingParent(admin, cast.studentA, parent)).toEqual({ ok: true });
		expect(linkExistingParent(admin, cast.studentA, parent)).toEqual({ ok: false, problem: 'already' });
		expect(linkExistingParent(admin, cast.studentB, parent)).toEqual({ ok: true });
		expect(searchParents(admin, cast.studentA, 'karin')).toEqual([]);
		expect(searchParents(admin, cast.studentOtherGroup, 'bakker')).toMatchObject([
			{ id: parent, name: 'Karin Bakker' }
		]);
	});

	it('never links a parent of another school, an account with another role, or for another school', () => {
		const admin = viewerOf(cast.admin);
		const elsewhere = makeUser(cast.schoolB.schoolId, ['parent']);
		expect(linkExistingParent(admin, cast.studentA, elsewhere)).toBeUndefined();
		expect(linkExistingParent(admin, cast.studentA, cast.mentor)).toBeUndefined();
		expect(linkExistingParent(admin, cast.studentA, cast.studentB)).toBeUndefined();
		expect(searchParents(admin, cast.studentA, 'Voornaam')).toEqual([]);
		const own = makeUser(cast.schoolA.schoolId, ['parent']);
		expect(linkExistingParent(viewerOf(cast.otherSchoolAdmin), cast.studentA, own)).toBeUndefined();
		expect(createLinkedParent(viewerOf(cast.otherSchoolAdmin), cast.studentA, input())).toBeUndefined();
		expect(createLinkedParent(viewerOf(cast.mentor), cast.studentA, input())).toBeUndefined();
		expect(linkExistingParent(admin, cast.mentor, own)).toBeUndefined();
		expect(listStudentParents(viewerOf(cast.otherSchoolAdmin), cast.studentA)).toEqual([]);
	});

	it(`keeps the limit of ${MAX_PARENTS} parents per student`, () => {
		const admin = viewerOf(cast.admin);
		for (let i = 0; i < MAX_PARENTS; i++)
			expect(createLinkedParent(admin, cast.studentA, input())?.ok).toBe(true);
		expect(createLinkedParent(admin, cast.studentA, input())).toEqual({ ok: false, problem: 'tooMany' });
		const extra = makeUser(cast.schoolA.schoolId, ['parent']);
		expect(linkExistingParent(admin, cast.studentA, extra)).toEqual({ ok: false, problem: 'tooMany' });
	});

	it('ends a link at once, audited; a new code only for a parent linked now', () => {
		const admin = viewerOf(cast.admin);
		const res = createLinkedParent(admin, cast.studentA, input());
		if (!res?.ok) throw new Error('not created');
		const [link] = listStudentParents(admin, cast.studentA);
		expect(newParentCode(admin, cast.studentA, link.parentId)?.code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
		// The first code stops working once a new one is made.
		expect(redeemLoginCode(res.code.replaceAll('-', ''), '10.9.0.3').ok).toBe(false);
		expect(newParentCode(admin, cast.studentB, link.parentId)).toBeUndefined();
		expect(endSchoolLink(viewerOf(cast.otherSchoolAdmin), cast.studentA, link.linkId)).toBe(false);
		expect(endSchoolLink(admin, cast.studentB, link.linkId)).toBe(false);
		expect(endSchoolLink(admin, cast.studentA, link.linkId)).toBe(true);
		expect(endSchoolLink(admin, cast.studentA, link.linkId)).toBe(false);
		expect(getChild(viewerOf(link.parentId), cast.studentA)).toBeUndefined();
		expect(newParentCode(admin, cast.studentA, link.parentId)).toBeUndefined();
		expect(listMyAudit(viewerOf(cast.studentA)).map((a) => a.action)).toContain('parent.unlink');
	});

	it('keeps a parent account a parent only, and makes no other account one', () => {
		const admin = viewerOf(cast.admin);
		const parent = makeUser(cast.schoolA.schoolId, ['parent'], { username: 'ouder.rol' });
		const person = {
			givenName: 'O',
			familyNamePrefix: '',
			familyName: 'R',
			email: null,
			studentNumber: null
		};
		expect(updatePerson(admin, parent, { ...person, username: 'ouder.rol', roles: ['mentor'] })).toEqual({
			ok: false,
			problems: { roles: 'parentAlone' }
		});
		expect(updatePerson(admin, cast.coordinator, { ...person, username: 'x', roles: ['parent'] })).toEqual({
			ok: false,
			problems: { roles: 'parentAlone' }
		});
	});
});
