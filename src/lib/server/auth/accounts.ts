// Signing in, login codes and the user's own account settings.
import { sha256 } from '@oslojs/crypto/sha2';
import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import { dummyPasswordHash, hashPassword, verifyPassword } from './password';
import { accountLimiter, ipLimiter } from './rate-limit';
import { invalidateUserSessions } from './session';
import { studentScope } from '../access';
import type { Viewer } from './viewer';
import type { Locale } from '../../roles';
import { logger } from '../ops/logger';
import { recordAudit } from '../privacy/audit';
import { fullName } from '$lib/names';

export type LoginResult = { ok: true; userId: number; locale: Locale } | { ok: false; retryAfter: number };

export async function authenticate(username: string, password: string, ip: string): Promise<LoginResult> {
	const name = username.trim().toLowerCase();
	const accountKey = `account:${name}`;
	const ipKey = `ip:${ip}`;
	if (!accountLimiter.check(accountKey) || !ipLimiter.check(ipKey)) {
		return {
			ok: false,
			retryAfter: Math.max(accountLimiter.retryAfter(accountKey), ipLimiter.retryAfter(ipKey))
		};
	}
	const row = getDb()
		.select({
			id: table.user.id,
			passwordHash: table.user.passwordHash,
			active: table.user.active,
			locale: table.user.locale
		})
		.from(table.user)
		.where(eq(table.user.username, name))
		.get();
	// Always verify one hash, so an unknown name costs the same time as a wrong password.
	const hash = row?.passwordHash ?? (await dummyPasswordHash());
	const valid = (await verifyPassword(hash, password)) && !!row?.passwordHash && row.active;
	if (!row || !valid) {
		accountLimiter.hit(accountKey);
		ipLimiter.hit(ipKey);
		logger.info({ event: 'login_failed' }, 'login failed');
		return { ok: false, retryAfter: 0 };
	}
	accountLimiter.reset(accountKey);
	return { ok: true, userId: row.id, locale: row.locale };
}

// Codes read aloud or typed from a note: no 0/O or 1/I to confuse.
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const CODE_LIFETIME = 24 * 60 * 60 * 1000;

function hashCode(code: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(code)));
}

function newCode(): string {
	const bytes = crypto.getRandomValues(new Uint8Array(10));
	// 32 symbols: each byte's low 5 bits are uniform; 10 symbols give 50 bits.
	return Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('');
}

export function formatCode(code: string): string {
	return code.replace(/(.{5})(?=.)/g, '$1-');
}

/**
 * A one-time login code for a student the viewer may make one for; undefined when the student is not in
 * the viewer's scope (which the caller turns into a 404). Earlier unused codes stop working.
 */
export function createLoginCode(
	viewer: Viewer,
	studentId: number,
	op: 'student.loginCode.create' | 'mentee.loginCode.create' = 'student.loginCode.create'
): { code: string; expiresAt: Date; studentName: string } | undefined {
	const db = getDb();
	return db.transaction((tx) => {
		const student = tx
			.select({
				id: table.user.id,
				givenName: table.user.givenName,
				familyNamePrefix: table.user.familyNamePrefix,
				familyName: table.user.familyName
			})
			.from(table.user)
			.where(
				and(
					eq(table.user.id, studentId),
					eq(table.user.schoolId, viewer.schoolId),
					eq(table.user.active, true),
					studentScope(viewer, op, table.user.id)
				)
			)
			.get();
		if (!student) return undefined;
		return { ...issueLoginCode(tx, viewer, studentId), studentName: fullName(student) };
	});
}

/**
 * A new one-time code for a user the caller has checked is in the viewer's scope (a student above, a parent
 * the school links in parents/school-links.ts), inside the caller's transaction. Earlier unused codes stop working.
 */
export function issueLoginCode(
	tx: Pick<Db, 'insert' | 'update'>,
	viewer: Viewer,
	userId: number
): { code: string; expiresAt: Date } {
	tx.update(table.loginCode)
		.set({ usedAt: new Date() })
		.where(and(eq(table.loginCode.userId, userId), isNull(table.loginCode.usedAt)))
		.run();
	const code = newCode();
	const expiresAt = new Date(Date.now() + CODE_LIFETIME);
	tx.insert(table.loginCode)
		.values({
			schoolId: viewer.schoolId,
			userId,
			codeHash: hashCode(code),
			createdBy: viewer.userId,
			expiresAt
		})
		.run();
	recordAudit(viewer, { action: 'loginCode.create', subjectId: userId });
	return { code: formatCode(code), expiresAt };
}

/** Uses a code once. The student must then choose a new password before anything else. */
export function redeemLoginCode(code: string, ip: string): LoginResult {
	const ipKey = `ip:${ip}`;
	if (!ipLimiter.check(ipKey)) return { ok: false, retryAfter: ipLimiter.retryAfter(ipKey) };
	const db = getDb();
	const result = db.transaction((tx) => {
		const row = tx
			.select({ id: table.loginCode.id, userId: table.loginCode.userId, locale: table.user.locale })
			.from(table.loginCode)
			.innerJoin(table.user, eq(table.user.id, table.loginCode.userId))
			.where(
				and(
					eq(table.loginCode.codeHash, hashCode(code)),
					isNull(table.loginCode.usedAt),
					gt(table.loginCode.expiresAt, new Date()),
					eq(table.user.active, true)
				)
			)
			.get();
		if (!row) return undefined;
		tx.update(table.loginCode).set({ usedAt: new Date() }).where(eq(table.loginCode.id, row.id)).run();
		tx.update(table.user).set({ mustChangePassword: true }).where(eq(table.user.id, row.userId)).run();
		return row;
	});
	if (!result) {
		ipLimiter.hit(ipKey);
		return { ok: false, retryAfter: 0 };
	}
	return { ok: true, userId: result.userId, locale: result.locale };
}

export function getAccount(viewer: Viewer) {
	return getDb()
		.select({
			username: table.user.username,
			givenName: table.user.givenName,
			familyNamePrefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			locale: table.user.locale,
			mustChangePassword: table.user.mustChangePassword,
			hasPassword: table.user.passwordHash
		})
		.from(table.user)
		.where(eq(table.user.id, viewer.userId))
		.get();
}

export type PasswordChange = { ok: true } | { ok: false; field: 'currentPassword' };

/**
 * Sets a new password and ends every other session of the user. The current password is asked for, except
 * right after a login code (the code proved who it is).
 */
export async function changePassword(
	viewer: Viewer,
	input: { currentPassword?: string; newPassword: string }
): Promise<PasswordChange> {
	const db = getDb();
	const row = db
		.select({ passwordHash: table.user.passwordHash, mustChange: table.user.mustChangePassword })
		.from(table.user)
		.where(eq(table.user.id, viewer.userId))
		.get();
	if (!row) return { ok: false, field: 'currentPassword' };
	if (!row.mustChange) {
		const ok = !!row.passwordHash && (await verifyPassword(row.passwordHash, input.currentPassword ?? ''));
		if (!ok) return { ok: false, field: 'currentPassword' };
	}
	const passwordHash = await hashPassword(input.newPassword);
	db.update(table.user)
		.set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
		.where(eq(table.user.id, viewer.userId))
		.run();
	invalidateUserSessions(viewer.userId, viewer.sessionId);
	return { ok: true };
}

export function setLocale(viewer: Viewer, locale: Locale): void {
	getDb().update(table.user).set({ locale }).where(eq(table.user.id, viewer.userId)).run();
}
