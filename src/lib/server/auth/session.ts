// Sessions the way the Lucia guide builds them: token = "<id>.<secret>", only SHA-256(secret) is stored and
// compared in constant time, expiry slides while the session is used.
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { and, eq, lt, ne } from 'drizzle-orm';
import type { Cookies } from '@sveltejs/kit';
import { getDb } from '../db';
import * as table from '../db/schema';
import type { Locale, Role } from '../../roles';

export const SESSION_COOKIE = 'koers_session';
const DAY = 24 * 60 * 60 * 1000;
export const SESSION_LIFETIME = 14 * DAY;
const RENEW_WHEN_LEFT = 7 * DAY;

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

function hashSecret(secret: string): Uint8Array {
	return sha256(new TextEncoder().encode(secret));
}

export function createSession(userId: number, userAgent = ''): { token: string; session: Session } {
	// id: 120 random bits; secret: 256 random bits.
	const id = randomString(15);
	const secret = randomString(32);
	const expiresAt = new Date(Date.now() + SESSION_LIFETIME);
	getDb()
		.insert(table.session)
		.values({
			id,
			userId,
			secretHash: Buffer.from(hashSecret(secret)),
			expiresAt,
			userAgent: userAgent.slice(0, 300)
		})
		.run();
	return { token: `${id}.${secret}`, session: { id, userId, expiresAt } };
}

export function validateSessionToken(token: string): { session: Session; user: SessionUser } | null {
	const parts = token.split('.');
	if (parts.length !== 2 || !parts[0] || !parts[1] || token.length > 200) return null;
	const [id, secret] = parts;
	const db = getDb();
	const row = db
		.select({
			id: table.session.id,
			secretHash: table.session.secretHash,
			expiresAt: table.session.expiresAt,
			userId: table.user.id,
			schoolId: table.user.schoolId,
			username: table.user.username,
			givenName: table.user.givenName,
			familyNamePrefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			locale: table.user.locale,
			active: table.user.active,
			mustChangePassword: table.user.mustChangePassword
		})
		.from(table.session)
		.innerJoin(table.user, eq(table.user.id, table.session.userId))
		.where(eq(table.session.id, id))
		.get();
	if (!row) return null;
	if (!constantTimeEqual(hashSecret(secret), new Uint8Array(row.secretHash))) return null;
	const now = Date.now();
	if (now >= row.expiresAt.getTime() || !row.active) {
		invalidateSession(id);
		return null;
	}
	let expiresAt = row.expiresAt;
	if (row.expiresAt.getTime() - now < RENEW_WHEN_LEFT) {
		expiresAt = new Date(now + SESSION_LIFETIME);
		db.update(table.session).set({ expiresAt }).where(eq(table.session.id, id)).run();
	}
	const roles = db
		.select({ role: table.userRole.role })
		.from(table.userRole)
		.where(eq(table.userRole.userId, row.userId))
		.all()
		.map((r) => r.role);
	return {
		session: { id, userId: row.userId, expiresAt },
		user: {
			id: row.userId,
			schoolId: row.schoolId,
			username: row.username,
			name: [row.givenName, row.familyNamePrefix, row.familyName].filter(Boolean).join(' '),
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
