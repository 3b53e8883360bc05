// Sessions the way the Lucia guide builds them: token = "<id>.<secret>", only SHA-256(secret) is stored and
// compared in constant time, expiry slides while the session is used.
import { createHash } from 'node:crypto';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, gt, lt, ne, sql } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { getDb, type Db } from '../db';
import { prepared } from '../db/prepared';
import * as table from '../db/schema';
import type { Locale, Role } from '../../roles';
import { fullName } from '$lib/names';

export const SESSION_COOKIE = 'koers_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 14 * DAY;
const RENEW_WHEN_LEFT = 7 * DAY;
// "Last used" is for a person reading the list of their devices; writing it on every request would turn
// every page view into a database write, so it moves in steps of a few minutes.
export const LAST_SEEN_STEP = 5 * 60 * 1000;

export interface SessionUser {
	id: number;
	schoolId: number;
	username: string;
	name: string;
	locale: Locale;
	roles: Role[];
	mustChangePassword: boolean;
}

export interface Session {
	id: string;
	userId: number;
	expiresAt: Date;
}

function randomString(bytes: number): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

// node:crypto's native SHA-256 (the same digest as @oslojs/crypto's): every signed-in request hashes one.
function hashSecret(secret: string): Uint8Array {
	return createHash('sha256').update(secret).digest();
}

export function createSession(userId: number, userAgent = ''): { token: string; session: Session } {
	// id: 120 random bits; secret: 256 random bits.
	const id = randomString(15);
	const secret = randomString(32);
	const now = Date.now();
	const expiresAt = new Date(now + SESSION_LIFETIME);
	getDb()
		.insert(table.session)
		.values({
			id,
			userId,
			secretHash: Buffer.from(hashSecret(secret)),
			createdAt: new Date(now),
			expiresAt,
			lastSeenAt: new Date(now),
			userAgent: userAgent.slice(0, 300)
		})
		.run();
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

// The session, its user and the user's roles in one statement, prepared once: every request runs it.
const sessionQuery = (db: Db) =>
	db
		.select({
			id: table.session.id,
			secretHash: table.session.secretHash,
			expiresAt: table.session.expiresAt,
			lastSeenAt: table.session.lastSeenAt,
			userId: table.user.id,
			schoolId: table.user.schoolId,
			username: table.user.username,
			givenName: table.user.givenName,
			familyNamePrefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			locale: table.user.locale,
			active: table.user.active,
			mustChangePassword: table.user.mustChangePassword,
			roles: sql<
				string | null
			>`(select group_concat(${table.userRole.role}) from ${table.userRole} where ${table.userRole.userId} = ${table.user.id})`
		})
		.from(table.session)
		.innerJoin(table.user, eq(table.user.id, table.session.userId))
		.where(eq(table.session.id, sql.placeholder('id')))
		.prepare();

export function validateSessionToken(token: string): { session: Session; user: SessionUser } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
	const [id, secret] = parts;
	const db = getDb();
	const row = prepared(db, 'session.validate', sessionQuery).get({ id });
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	const now = Date.now();
	if (now >= row.expiresAt.getTime() || !row.active) {
		invalidateSession(id);
		return null;
	}
	let expiresAt = row.expiresAt;
	const renew = row.expiresAt.getTime() - now < RENEW_WHEN_LEFT;
	if (renew) expiresAt = new Date(now + SESSION_LIFETIME);
	if (renew || !row.lastSeenAt || now - row.lastSeenAt.getTime() >= LAST_SEEN_STEP) {
		db.update(table.session)
			.set({ expiresAt, lastSeenAt: new Date(now) })
			.where(eq(table.session.id, id))
			.run();
	}
	const roles = row.roles ? (row.roles.split(',') as Role[]) : [];
	return {
		session: { id, userId: row.userId, expiresAt },
		user: {
			id: row.userId,
			schoolId: row.schoolId,
			username: row.username,
			name: fullName(row),
			locale: row.locale,
			roles,
			mustChangePassword: row.mustChangePassword
		}
	};
}

export function invalidateSession(sessionId: string): void {
	getDb().delete(table.session).where(eq(table.session.id, sessionId)).run();
}

export function invalidateUserSessions(userId: number, exceptSessionId?: string): void {
	const mine = eq(table.session.userId, userId);
	getDb()
		.delete(table.session)
		.where(exceptSessionId ? and(mine, ne(table.session.id, exceptSessionId)) : mine)
		.run();
}

/**
 * Signs a user in on this browser: a brand-new token every time, never the one the request came with (no
 * session fixation). `replaces` is the validated session the request came with (locals.session); it ends,
 * so a token planted before login, or the one in use before a password change, is worth nothing after.
 */
export function startSession(
	cookies: Cookies,
	userId: number,
	options: { userAgent: string; secure: boolean; replaces?: string | null }
): { token: string; session: Session } {
	// Only a session the hook validated (id and secret) is ended: a cookie naming someone else's session id
	// must not end that session.
	if (options.replaces) invalidateSession(options.replaces);
	const started = createSession(userId, options.userAgent);
	setSessionCookie(cookies, started.token, started.session.expiresAt, options.secure);
	return started;
}

export interface DeviceSession {
	id: string;
	createdAt: Date;
	lastSeenAt: Date;
	expiresAt: Date;
	userAgent: string;
	current: boolean;
}

/** The user's sessions that still work, the current one first, then the most recently used. */
export function listUserSessions(userId: number, currentId: string): DeviceSession[] {
	const rows = getDb()
		.select({
			id: table.session.id,
			createdAt: table.session.createdAt,
			lastSeenAt: table.session.lastSeenAt,
			expiresAt: table.session.expiresAt,
			userAgent: table.session.userAgent
		})
		.from(table.session)
		.where(and(eq(table.session.userId, userId), gt(table.session.expiresAt, new Date())))
		.all();
	return rows
		.map((r) => ({ ...r, lastSeenAt: r.lastSeenAt ?? r.createdAt, current: r.id === currentId }))
		.sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.getTime() - a.lastSeenAt.getTime());
}

/** Ends one of the user's own sessions; false when the id is not theirs (or no longer exists). */
export function endUserSession(userId: number, sessionId: string): boolean {
	return (
		getDb()
			.delete(table.session)
			.where(and(eq(table.session.id, sessionId), eq(table.session.userId, userId)))
			.run().changes > 0
	);
}

export function deleteExpiredSessions(): void {
	getDb().delete(table.session).where(lt(table.session.expiresAt, new Date())).run();
}

export function setSessionCookie(cookies: Cookies, token: string, expiresAt: Date, secure: boolean): void {
	cookies.set(SESSION_COOKIE, token, {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure,
		expires: expiresAt
	});
}

export function deleteSessionCookie(cookies: Cookies, secure: boolean): void {
	cookies.delete(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure });
}
