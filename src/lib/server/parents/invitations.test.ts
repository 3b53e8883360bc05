import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeParent, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import { parentInvitation } from '../db/schema-parents';
import { ipLimiter } from '../auth/rate-limit';
import {
	cancelInvitation,
	createInvitation,
	linkChild,
	registerParent,
	MAX_OPEN_INVITATIONS
} from './invitations';
import { getChild, listChildren, listMyParents } from './links';

let cast: ReturnType<typeof makeCast>;

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('invitations', () => {
	it('registers a parent with only the parent role, linked to the student', async () => {
		const parent = await makeParent(cast.studentA);
		const v = viewerOf(parent);
		expect(v.roles).toEqual(['parent']);
		expect(v.schoolId).toBe(cast.schoolA.schoolId);
		expect(listChildren(v).map((c) => c.id)).toEqual([cast.studentA]);
		expect(listMyParents(viewerOf(cast.studentA))).toMatchObject([{ name: 'Ingrid Ouder', revokedAt: null }]);
	});

	it('uses a code once, and not after 7 days', async () => {
		const inv = createInvitation(viewerOf(cast.studentA));
		if (!inv?.ok) throw new Error();
		const input = {
			code: inv.code,
			givenName: 'A',
			familyName: 'B',
			username: 'een',
			password: 'Ouder-wachtwoord'
		};
		expect((await registerParent(input, '10.1.0.1')).ok).toBe(true);
		expect(await registerParent({ ...input, username: 'twee' }, '10.1.0.1')).toMatchObject({
			ok: false,
			reason: 'code'
		});
		const later = createInvitation(viewerOf(cast.studentA));
		if (!later?.ok) throw new Error();
		const eightDays = new Date(Date.now() + 8 * 86_400_000);
		expect(
			await registerParent({ ...input, code: later.code, username: 'drie' }, '10.1.0.2', eightDays)
		).toMatchObject({
			ok: false,
			reason: 'code'
		});
	});

	it('keeps the code usable when the chosen name is taken', async () => {
		makeUser(cast.schoolA.schoolId, ['mentor'], { username: 'bezet' });
		const inv = createInvitation(viewerOf(cast.studentA));
		if (!inv?.ok) throw new Error();
		const input = {
			code: inv.code,
			givenName: 'A',
			familyName: 'B',
			username: 'bezet',
			password: 'Ouder-wachtwoord'
		};
		expect(await registerParent(input, '10.2.0.1')).toMatchObject({ ok: false, reason: 'username' });
		expect((await registerParent({ ...input, username: 'vrij' }, '10.2.0.1')).ok).toBe(true);
	});

	it('throttles wrong codes per address', async () => {
		const input = {
			code: 'WRONG',
			givenName: 'A',
			familyName: 'B',
			username: 'x',
			password: 'Ouder-wachtwoord'
		};
		for (let i = 0; i < 200 && ipLimiter.check('ip:10.3.0.1'); i++) await registerParent(input, '10.3.0.1');
		expect(await registerParent(input, '10.3.0.1')).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('only a student makes invitations, and only a few open at once', () => {
		expect(createInvitation(viewerOf(cast.mentor))).toBeUndefined();
		for (let i = 0; i < MAX_OPEN_INVITATIONS; i++)
			expect(createInvitation(viewerOf(cast.studentA))?.ok).toBe(true);
		expect(createInvitation(viewerOf(cast.studentA))).toMatchObject({ ok: false, reason: 'too_many_open' });
		const [first] = getDb().select().from(parentInvitation).all();
		expect(cancelInvitation(viewerOf(cast.studentB), first.id)).toBe(false);
		expect(cancelInvitation(viewerOf(cast.studentA), first.id)).toBe(true);
		expect(createInvitation(viewerOf(cast.studentA))?.ok).toBe(true);
	});

	it('lets one parent link several children, and two parents one child', async () => {
		const parent = await makeParent(cast.studentA);
		const inv = createInvitation(viewerOf(cast.studentB));
		if (!inv?.ok) throw new Error();
		expect(linkChild(viewerOf(parent), inv.code, '10.4.0.1').ok).toBe(true);
		expect(
			listChildren(viewerOf(parent))
				.map((c) => c.id)
				.sort()
		).toEqual([cast.studentA, cast.studentB].sort());
		await makeParent(cast.studentA);
		expect(listMyParents(viewerOf(cast.studentA))).toHaveLength(2);
	});

	it('refuses an invitation of another school to a signed-in parent', async () => {
		const parent = await makeParent(cast.studentA);
		const inv = createInvitation(viewerOf(cast.otherSchoolStudent));
		if (!inv?.ok) throw new Error();
		expect(linkChild(viewerOf(parent), inv.code, '10.5.0.1')).toMatchObject({ ok: false, reason: 'code' });
		expect(linkChild(viewerOf(cast.mentor), inv.code, '10.5.0.1').ok).toBe(false);
		expect(getChild(viewerOf(parent), cast.otherSchoolStudent)).toBeUndefined();
	});
});
