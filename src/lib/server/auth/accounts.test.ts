import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { hashPassword } from './password';
import { createSession, validateSessionToken } from './session';
import { createViewer } from './viewer';
import { authenticate, changePassword, createLoginCode, redeemLoginCode } from './accounts';
import { IP_MAX_FAILURES } from './rate-limit';

const PASSWORD = 'Juist-wachtwoord-1';
let passwordHash: string;
let n = 0;
// The limiters live for the whole process: every test uses its own names and addresses.
const freshIp = () => `10.0.${Math.floor(++n / 250)}.${n % 250}`;

beforeAll(async () => {
	passwordHash = await hashPassword(PASSWORD);
});

function setUser(userId: number, values: Partial<typeof table.user.$inferInsert>) {
	getDb().update(table.user).set(values).where(eq(table.user.id, userId)).run();
}

function userRow(userId: number) {
	return getDb().select().from(table.user).where(eq(table.user.id, userId)).get();
}

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});
afterEach(() => {
	vi.useRealTimers();
});

describe('authenticate', () => {
	function account(name = `sanne${++n}`) {
		const id = makeUser(cast.schoolA.schoolId, ['student'], { username: name, passwordHash });
		return { id, name };
	}

	it('signs in with the right password, case- and space-insensitive on the name', async () => {
		const { id, name } = account();
		expect(await authenticate(name, PASSWORD, freshIp())).toEqual({ ok: true, userId: id, locale: 'nl' });
		expect(await authenticate(`  ${name.toUpperCase()} `, PASSWORD, freshIp())).toMatchObject({ ok: true });
	});

	it('wrong password, unknown user, deactivated account and no password all fail the same way', async () => {
		const { name } = account();
		const off = account();
		setUser(off.id, { active: false });
		const noPassword = makeUser(cast.schoolA.schoolId, ['student'], { username: `nopw${++n}` });
		const results = [
			await authenticate(name, 'fout-wachtwoord', freshIp()),
			await authenticate(`onbekend${++n}`, PASSWORD, freshIp()),
			await authenticate(off.name, PASSWORD, freshIp()),
			await authenticate(userRow(noPassword)!.username, '', freshIp())
		];
		for (const r of results) expect(r).toEqual({ ok: false, retryAfter: 0 });
	});

	it('throttles one account after 5 wrong passwords, even from other addresses and with the right one', async () => {
		const { name } = account();
		for (let i = 0; i < 5; i++)
			expect(await authenticate(name, 'fout', freshIp())).toMatchObject({ ok: false });
		const blocked = await authenticate(name, PASSWORD, freshIp());
		expect(blocked.ok).toBe(false);
		expect(!blocked.ok && blocked.retryAfter).toBeGreaterThan(0);
		// An unknown name is throttled the same way, so throttling tells nothing about which names exist.
		const ghost = `spook${++n}`;
		for (let i = 0; i < 5; i++) await authenticate(ghost, 'fout', freshIp());
		const ghostBlocked = await authenticate(ghost, 'fout', freshIp());
		expect(!ghostBlocked.ok && ghostBlocked.retryAfter).toBeGreaterThan(0);
	});

	it('the account opens again after the window', async () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const { name } = account();
		for (let i = 0; i < 5; i++) await authenticate(name, 'fout', freshIp());
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(false);
		vi.setSystemTime(Date.now() + 15 * 60 * 1000 + 1);
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(true);
	});

	it('a good login clears the account count', async () => {
		const { name } = account();
		for (let i = 0; i < 4; i++) await authenticate(name, 'fout', freshIp());
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(true);
		for (let i = 0; i < 4; i++) await authenticate(name, 'fout', freshIp());
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(true);
	});

	it('throttles one address after IP_MAX_FAILURES failures, over many accounts', async () => {
		const ip = freshIp();
		for (let i = 0; i < IP_MAX_FAILURES; i++) await authenticate(`spray${++n}`, 'fout', ip);
		const { name } = account();
		const blocked = await authenticate(name, PASSWORD, ip);
		expect(!blocked.ok && blocked.retryAfter).toBeGreaterThan(0);
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(true);
		// Each failed attempt hashes with argon2id on purpose: on a busy 2-core machine that takes seconds.
	}, 30_000);
});

describe('login codes', () => {
	const plain = (code: string) => code.replace(/-/g, '');

	it('a mentor makes a code for their own student: formatted, valid 24 hours', () => {
		const made = createLoginCode(viewerOf(cast.mentor), cast.studentA);
		expect(made?.code).toMatch(/^[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}$/);
		expect(made!.expiresAt.getTime()).toBeCloseTo(Date.now() + 24 * 60 * 60 * 1000, -4);
		const stored = JSON.stringify(getDb().select().from(table.loginCode).all());
		expect(stored).not.toContain(plain(made!.code));
	});

	it('the code signs the student in once and then forces a new password', () => {
		const made = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		expect(redeemLoginCode(plain(made.code), freshIp())).toEqual({
			ok: true,
			userId: cast.studentA,
			locale: 'nl'
		});
		expect(userRow(cast.studentA)?.mustChangePassword).toBe(true);
		expect(redeemLoginCode(plain(made.code), freshIp())).toEqual({ ok: false, retryAfter: 0 });
	});

	it('works until 24 hours, not after', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const start = Date.now();
		const a = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		const b = createLoginCode(viewerOf(cast.mentor), cast.studentB)!;
		vi.setSystemTime(start + 24 * 60 * 60 * 1000 - 60_000);
		expect(redeemLoginCode(plain(a.code), freshIp()).ok).toBe(true);
		vi.setSystemTime(start + 24 * 60 * 60 * 1000 + 1);
		expect(redeemLoginCode(plain(b.code), freshIp()).ok).toBe(false);
	});

	it('a new code revokes the earlier unused one', () => {
		const first = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		const second = createLoginCode(viewerOf(cast.admin), cast.studentA)!;
		expect(redeemLoginCode(plain(first.code), freshIp()).ok).toBe(false);
		expect(redeemLoginCode(plain(second.code), freshIp()).ok).toBe(true);
	});

	it('an admin makes codes for students of their own school', () => {
		expect(createLoginCode(viewerOf(cast.admin), cast.studentOtherGroup)).toBeDefined();
		expect(createLoginCode(viewerOf(cast.otherSchoolAdmin), cast.otherSchoolStudent)).toBeDefined();
	});

	it.each([
		['a mentor, for a student of another group', 'mentor', 'studentOtherGroup'],
		['a mentor, for a student of another school', 'mentor', 'otherSchoolStudent'],
		['a mentor, for another mentor', 'mentor', 'otherMentor'],
		['an admin, for a student of another school', 'admin', 'otherSchoolStudent'],
		['an admin of another school, for our student', 'otherSchoolAdmin', 'studentA'],
		['an admin, for a coordinator', 'admin', 'coordinator'],
		['a coordinator, for a student', 'coordinator', 'studentA'],
		['a student, for a classmate', 'studentA', 'studentB'],
		['a student, for themself', 'studentA', 'studentA']
	] as const)('out of scope: %s → undefined', (_label, who, target) => {
		expect(createLoginCode(viewerOf(cast[who]), cast[target])).toBeUndefined();
		expect(getDb().select().from(table.loginCode).all()).toEqual([]);
	});

	it('no code for a deactivated student, a missing id, or a closed group', () => {
		setUser(cast.studentB, { active: false });
		expect(createLoginCode(viewerOf(cast.mentor), cast.studentB)).toBeUndefined();
		expect(createLoginCode(viewerOf(cast.mentor), 999_999)).toBeUndefined();
		getDb().update(table.group).set({ closedAt: new Date() }).where(eq(table.group.id, cast.group)).run();
		expect(createLoginCode(viewerOf(cast.mentor), cast.studentA)).toBeUndefined();
	});

	it('a code stops working when the student is deactivated', () => {
		const made = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		setUser(cast.studentA, { active: false });
		expect(redeemLoginCode(plain(made.code), freshIp()).ok).toBe(false);
	});

	it('wrong codes are throttled per address', () => {
		const ip = freshIp();
		for (let i = 0; i < IP_MAX_FAILURES; i++) expect(redeemLoginCode(`WRONG${i}`, ip).ok).toBe(false);
		const made = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		const blocked = redeemLoginCode(plain(made.code), ip);
		expect(!blocked.ok && blocked.retryAfter).toBeGreaterThan(0);
		expect(redeemLoginCode(plain(made.code), freshIp()).ok).toBe(true);
	});
});

describe('changePassword', () => {
	function signedIn(userId: number) {
		const sessions = [createSession(userId), createSession(userId), createSession(userId)];
		const v = viewerOf(userId);
		const viewer = createViewer({ ...v, roles: [...v.roles], sessionId: sessions[0].session.id });
		return { viewer, sessions };
	}

	beforeEach(() => {
		setUser(cast.studentA, { passwordHash });
	});

	it('refuses a wrong current password and changes nothing', async () => {
		const { viewer, sessions } = signedIn(cast.studentA);
		const before = userRow(cast.studentA)?.passwordHash;
		expect(
			await changePassword(viewer, { currentPassword: 'fout', newPassword: 'Nieuw-wachtwoord-2' })
		).toEqual({ ok: false, field: 'currentPassword' });
		expect(await changePassword(viewer, { newPassword: 'Nieuw-wachtwoord-2' })).toMatchObject({ ok: false });
		expect(userRow(cast.studentA)?.passwordHash).toBe(before);
		for (const s of sessions) expect(validateSessionToken(s.token)).not.toBeNull();
	});

	it('with the right current password: new password works, old does not, other sessions end', async () => {
		const { viewer, sessions } = signedIn(cast.studentA);
		const next = 'Nieuw-wachtwoord-2';
		expect(await changePassword(viewer, { currentPassword: PASSWORD, newPassword: next })).toEqual({
			ok: true
		});
		const name = userRow(cast.studentA)!.username;
		expect((await authenticate(name, next, freshIp())).ok).toBe(true);
		expect((await authenticate(name, PASSWORD, freshIp())).ok).toBe(false);
		expect(validateSessionToken(sessions[0].token)).not.toBeNull();
		expect(validateSessionToken(sessions[1].token)).toBeNull();
		expect(validateSessionToken(sessions[2].token)).toBeNull();
	});

	it('right after a login code, no current password is needed, and the flag clears', async () => {
		const made = createLoginCode(viewerOf(cast.mentor), cast.studentA)!;
		expect(redeemLoginCode(made.code.replace('-', ''), freshIp()).ok).toBe(true);
		const { viewer, sessions } = signedIn(cast.studentA);
		expect(await changePassword(viewer, { newPassword: 'Na-de-code-123' })).toEqual({ ok: true });
		expect(userRow(cast.studentA)?.mustChangePassword).toBe(false);
		expect(validateSessionToken(sessions[1].token)).toBeNull();
		expect((await authenticate(userRow(cast.studentA)!.username, 'Na-de-code-123', freshIp())).ok).toBe(true);
	});

	it('changes only the viewer’s own password', async () => {
		setUser(cast.studentB, { passwordHash });
		const { viewer } = signedIn(cast.studentA);
		await changePassword(viewer, { currentPassword: PASSWORD, newPassword: 'Nieuw-wachtwoord-2' });
		expect(userRow(cast.studentB)?.passwordHash).toBe(passwordHash);
	});
});
