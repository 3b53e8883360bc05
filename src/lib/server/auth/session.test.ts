import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sha256 } from '@oslojs/crypto/sha2';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeSchool, makeUser } from '../testing';
import type { Cookies } from '@sveltejs/kit';
import {
	createSession,
	deleteExpiredSessions,
	endUserSession,
	invalidateSession,
	invalidateUserSessions,
	LAST_SEEN_STEP,
	listUserSessions,
	SESSION_COOKIE,
	SESSION_LIFETIME,
	setSessionCookie,
	startSession,
	validateSessionToken
} from './session';

/** Just enough of SvelteKit's Cookies to see what a handler sets. */
function fakeCookies(initial: Record<string, string> = {}) {
	const jar = new Map(Object.entries(initial));
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		get: (name: string) => jar.get(name),
		set: (name: string, value: string, options: Record<string, unknown>) => {
			jar.set(name, value);
			set.push({ name, value, options });
		},
		delete: (name: string) => {
			jar.delete(name);
		}
	} as unknown as Cookies;
	return { cookies, jar, set };
}

const DAY = 24 * 60 * 60 * 1000;

function sessionRow(id: string) {
	return getDb().select().from(table.session).where(eq(table.session.id, id)).get();
}

function setExpiry(id: string, expiresAt: Date) {
	getDb().update(table.session).set({ expiresAt }).where(eq(table.session.id, id)).run();
}

describe('sessions', () => {
	let userId: number;
	beforeEach(() => {
		createTestDb();
		const s = makeSchool();
		userId = makeUser(s.schoolId, ['mentor', 'coordinator']);
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('a token is "<id>.<secret>": a ≥120-bit random id and a separate 256-bit secret', () => {
		const { token, session } = createSession(userId);
		const [id, secret] = token.split('.');
		expect(id).toBe(session.id);
		// base32: 5 bits a character.
		expect(id).toMatch(/^[a-z2-7]+$/);
		expect(id.length * 5).toBeGreaterThanOrEqual(120);
		expect(secret).toMatch(/^[a-z2-7]+$/);
		expect(secret.length * 5).toBeGreaterThanOrEqual(256);
		expect(secret).not.toContain(id);
	});

	it('tokens do not repeat', () => {
		const tokens = new Set(Array.from({ length: 200 }, () => createSession(userId).token));
		const ids = new Set([...tokens].map((t) => t.split('.')[0]));
		expect(tokens.size).toBe(200);
		expect(ids.size).toBe(200);
	});

	it('stores only a SHA-256 of the secret, never the token or secret itself', () => {
		const { token, session } = createSession(userId, 'Firefox');
		const secret = token.split('.')[1];
		const row = sessionRow(session.id);
		expect(row).toBeDefined();
		expect(new Uint8Array(row!.secretHash)).toEqual(sha256(new TextEncoder().encode(secret)));
		const stored = JSON.stringify(getDb().select().from(table.session).all());
		expect(stored).not.toContain(secret);
		expect(row!.expiresAt.getTime()).toBeCloseTo(Date.now() + SESSION_LIFETIME, -4);
	});

	it('validates a good token and returns the user with all roles', () => {
		const { token } = createSession(userId);
		const result = validateSessionToken(token);
		expect(result?.user.id).toBe(userId);
		expect([...(result?.user.roles ?? [])].sort()).toEqual(['coordinator', 'mentor']);
	});

	it('rejects a tampered secret, a wrong id and malformed tokens', () => {
		const { token } = createSession(userId);
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		expect(validateSessionToken(`${id}.${flipped}`)).toBeNull();
		expect(validateSessionToken(`${id}x.${secret}`)).toBeNull();
		for (const bad of ['', '.', id, `${id}.`, `.${secret}`, `${id}.${secret}.x`, `${id}.${'a'.repeat(500)}`])
			expect(validateSessionToken(bad)).toBeNull();
		// A failed guess does not end the real session.
		expect(validateSessionToken(token)).not.toBeNull();
	});

	it('rejects and deletes an expired session', () => {
		const { token, session } = createSession(userId);
		setExpiry(session.id, new Date(Date.now() - 1000));
		expect(validateSessionToken(token)).toBeNull();
		expect(sessionRow(session.id)).toBeUndefined();
	});

	it('slides the expiry when less than half the lifetime is left, not before', () => {
		const { token, session } = createSession(userId);
		const soon = new Date(Date.now() + 3 * DAY);
		setExpiry(session.id, soon);
		const renewed = validateSessionToken(token);
		expect(renewed?.session.expiresAt.getTime()).toBeGreaterThan(Date.now() + SESSION_LIFETIME - 60_000);
		expect(sessionRow(session.id)?.expiresAt.getTime()).toBe(renewed?.session.expiresAt.getTime());

		const later = new Date(Date.now() + 10 * DAY);
		setExpiry(session.id, later);
		expect(validateSessionToken(token)?.session.expiresAt.getTime()).toBe(later.getTime());
		expect(sessionRow(session.id)?.expiresAt.getTime()).toBe(later.getTime());
	});

	it('a session used every week never expires; an unused one does after 14 days', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		const start = Date.now();
		const { token } = createSession(userId);
		for (let week = 1; week <= 6; week++) {
			vi.setSystemTime(start + week * 8 * DAY);
			expect(validateSessionToken(token), `week ${week}`).not.toBeNull();
		}
		vi.setSystemTime(start + 6 * 8 * DAY + SESSION_LIFETIME + 1000);
		expect(validateSessionToken(token)).toBeNull();
	});

	it('rejects and deletes the session of a deactivated user', () => {
		const { token, session } = createSession(userId);
		getDb().update(table.user).set({ active: false }).where(eq(table.user.id, userId)).run();
		expect(validateSessionToken(token)).toBeNull();
		expect(sessionRow(session.id)).toBeUndefined();
	});

	it('invalidateSession ends one session', () => {
		const a = createSession(userId);
		const b = createSession(userId);
		invalidateSession(a.session.id);
		expect(validateSessionToken(a.token)).toBeNull();
		expect(validateSessionToken(b.token)).not.toBeNull();
	});

	it('invalidateUserSessions ends all other sessions of the user and keeps the current one', () => {
		const other = makeUser(makeSchool().schoolId, ['student']);
		const current = createSession(userId);
		const phone = createSession(userId);
		const laptop = createSession(userId);
		const someoneElse = createSession(other);
		invalidateUserSessions(userId, current.session.id);
		expect(validateSessionToken(current.token)).not.toBeNull();
		expect(validateSessionToken(phone.token)).toBeNull();
		expect(validateSessionToken(laptop.token)).toBeNull();
		expect(validateSessionToken(someoneElse.token)).not.toBeNull();
		invalidateUserSessions(userId);
		expect(validateSessionToken(current.token)).toBeNull();
	});

	it('deleteExpiredSessions removes only expired rows', () => {
		const old = createSession(userId);
		const live = createSession(userId);
		setExpiry(old.session.id, new Date(Date.now() - 1));
		deleteExpiredSessions();
		expect(sessionRow(old.session.id)).toBeUndefined();
		expect(sessionRow(live.session.id)).toBeDefined();
	});

	describe('no session fixation', () => {
		it('login issues a new token; the session the browser came with ends', () => {
			const before = createSession(userId);
			const { cookies, jar } = fakeCookies({ [SESSION_COOKIE]: before.token });
			const after = startSession(cookies, userId, {
				userAgent: 'Firefox',
				secure: false,
				replaces: before.session.id
			});
			expect(after.token).not.toBe(before.token);
			expect(after.session.id).not.toBe(before.session.id);
			expect(jar.get(SESSION_COOKIE)).toBe(after.token);
			expect(validateSessionToken(before.token)).toBeNull();
			expect(validateSessionToken(after.token)?.user.id).toBe(userId);
		});

		it('a cookie an attacker planted is ignored: never promoted, never used to end someone else', () => {
			const victim = createSession(userId);
			// The attacker knows (or guesses) an id but not its secret; the hook did not validate it, so the
			// login handler passes no session to replace.
			const planted = `${victim.session.id}.${'a'.repeat(52)}`;
			expect(validateSessionToken(planted)).toBeNull();
			const { cookies, jar } = fakeCookies({ [SESSION_COOKIE]: planted });
			const started = startSession(cookies, userId, { userAgent: '', secure: false, replaces: null });
			expect(jar.get(SESSION_COOKIE)).toBe(started.token);
			expect(started.token).not.toBe(planted);
			expect(validateSessionToken(victim.token)).not.toBeNull();
			expect(validateSessionToken(planted)).toBeNull();
		});
	});

	describe('cookie flags', () => {
		it('HttpOnly, SameSite=Lax, Path=/, expiring with the session; Secure on https', () => {
			const { cookies, set } = fakeCookies();
			const expiresAt = new Date(Date.now() + SESSION_LIFETIME);
			setSessionCookie(cookies, 'a.b', expiresAt, true);
			setSessionCookie(cookies, 'a.b', expiresAt, false);
			expect(set.map((c) => c.options)).toEqual([
				{ path: '/', httpOnly: true, sameSite: 'lax', secure: true, expires: expiresAt },
				{ path: '/', httpOnly: true, sameSite: 'lax', secure: false, expires: expiresAt }
			]);
		});
	});

	describe('the list of one’s sessions', () => {
		it('lists the live sessions of the user, the current one first and marked', () => {
			const other = makeUser(makeSchool().schoolId, ['student']);
			const phone = createSession(userId, 'Safari iPhone');
			const laptop = createSession(userId, 'Firefox Linux');
			const expired = createSession(userId);
			setExpiry(expired.session.id, new Date(Date.now() - 1));
			createSession(other);
			const list = listUserSessions(userId, laptop.session.id);
			expect(list.map((s) => [s.id, s.current])).toEqual([
				[laptop.session.id, true],
				[phone.session.id, false]
			]);
			expect(list[0].userAgent).toBe('Firefox Linux');
		});

		it('a user ends one of their own sessions, never someone else’s', () => {
			const other = makeUser(makeSchool().schoolId, ['student']);
			const mine = createSession(userId);
			const theirs = createSession(other);
			expect(endUserSession(userId, theirs.session.id)).toBe(false);
			expect(validateSessionToken(theirs.token)).not.toBeNull();
			expect(endUserSession(userId, mine.session.id)).toBe(true);
			expect(validateSessionToken(mine.token)).toBeNull();
			expect(endUserSession(userId, mine.session.id)).toBe(false);
		});

		it('"last used" follows use in steps, not on every request', () => {
			vi.useFakeTimers({ toFake: ['Date'] });
			const start = Date.now();
			const { token, session } = createSession(userId);
			expect(sessionRow(session.id)?.lastSeenAt?.getTime()).toBe(start);
			vi.setSystemTime(start + LAST_SEEN_STEP - 1000);
			validateSessionToken(token);
			expect(sessionRow(session.id)?.lastSeenAt?.getTime()).toBe(start);
			vi.setSystemTime(start + LAST_SEEN_STEP + 1000);
			validateSessionToken(token);
			expect(sessionRow(session.id)?.lastSeenAt?.getTime()).toBe(start + LAST_SEEN_STEP + 1000);
		});
	});
});
