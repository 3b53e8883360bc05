// A student invites a parent: a one-time code (valid 7 days, used once, only its hash stored). The parent
// registers with it, or, already a parent here, links another child. Wrong codes count against the same
// per-address limit as login codes.
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import { parentInvitation, parentLink } from '../db/schema-parents';
import { can, canOn } from '../access';
import type { Viewer } from '../auth/viewer';
import { hashPassword } from '../auth/password';
import { ipLimiter } from '../auth/rate-limit';
import { formatCode } from '../auth/accounts';
import { logger } from '../ops/logger';

export const INVITATION_LIFETIME = 7 * 24 * 60 * 60 * 1000;
/** Two parents is the usual case; room for step-parents and carers, not for handing out codes freely. */
export const MAX_PARENTS = 4;
export const MAX_OPEN_INVITATIONS = 3;

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

function newCode(): string {
	// 12 symbols of 32: 60 bits, enough for a code that lives a week behind a per-address limit.
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	return Array.from(bytes, (b) => CODE_ALPHABET[b & 31]).join('');
}

export function hashInvitationCode(code: string): string {
	return encodeHexLowerCase(sha256(new TextEncoder().encode(code.replace(/[\s-]/g, '').toUpperCase())));
}

export type InvitationResult =
	{ ok: true; code: string; expiresAt: Date } | { ok: false; reason: 'too_many_parents' | 'too_many_open' };

/** A new invitation from the student themself; undefined for anyone else. */
export function createInvitation(viewer: Viewer, now = new Date()): InvitationResult | undefined {
	if (!canOn(viewer, 'parent.link.manage', 'self')) return undefined;
	const db = getDb();
	return db.transaction((tx) => {
		const linked = tx
			.select({ n: count() })
			.from(parentLink)
			.where(and(eq(parentLink.studentId, viewer.userId), isNull(parentLink.revokedAt)))
			.get()!.n;
		if (linked >= MAX_PARENTS) return { ok: false, reason: 'too_many_parents' } as const;
		const open = tx
			.select({ n: count() })
			.from(parentInvitation)
			.where(
				and(
					eq(parentInvitation.studentId, viewer.userId),
					isNull(parentInvitation.usedAt),
					gt(parentInvitation.expiresAt, now)
				)
			)
			.get()!.n;
		if (open >= MAX_OPEN_INVITATIONS) return { ok: false, reason: 'too_many_open' } as const;
		const code = newCode();
		const expiresAt = new Date(now.getTime() + INVITATION_LIFETIME);
		tx.insert(parentInvitation)
			.values({
				schoolId: viewer.schoolId,
				studentId: viewer.userId,
				codeHash: hashInvitationCode(code),
				expiresAt
			})
			.run();
		return { ok: true, code: formatCode(code), expiresAt } as const;
	});
}

/** The student's invitations that can still be used (no codes: those were shown once). */
export function listOpenInvitations(viewer: Viewer, now = new Date()): { id: number; expiresAt: Date }[] {
	if (!canOn(viewer, 'parent.link.manage', 'self')) return [];
	return getDb()
		.select({ id: parentInvitation.id, expiresAt: parentInvitation.expiresAt })
		.from(parentInvitation)
		.where(
			and(
				eq(parentInvitation.studentId, viewer.userId),
				eq(parentInvitation.schoolId, viewer.schoolId),
				isNull(parentInvitation.usedAt),
				gt(parentInvitation.expiresAt, now)
			)
		)
		.all();
}

/** The student withdraws an unused invitation. */
export function cancelInvitation(viewer: Viewer, id: number): boolean {
	if (!canOn(viewer, 'parent.link.manage', 'self')) return false;
	const res = getDb()
		.update(parentInvitation)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(parentInvitation.id, id),
				eq(parentInvitation.studentId, viewer.userId),
				isNull(parentInvitation.usedAt)
			)
		)
		.run();
	return res.changes > 0;
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** A usable invitation: unknown, used, expired, of a student who left or of another school = undefined. */
function findInvitation(tx: Tx, code: string, now: Date, schoolId?: number) {
	return tx
		.select({
			id: parentInvitation.id,
			studentId: parentInvitation.studentId,
			schoolId: parentInvitation.schoolId
		})
		.from(parentInvitation)
		.innerJoin(core.user, eq(core.user.id, parentInvitation.studentId))
		.where(
			and(
				eq(parentInvitation.codeHash, hashInvitationCode(code)),
				isNull(parentInvitation.usedAt),
				gt(parentInvitation.expiresAt, now),
				eq(core.user.active, true),
				schoolId === undefined ? undefined : eq(parentInvitation.schoolId, schoolId)
			)
		)
		.get();
}

function useAndLink(
	tx: Tx,
	inv: { id: number; studentId: number; schoolId: number },
	parentId: number,
	now: Date
) {
	tx.update(parentInvitation)
		.set({ usedAt: now, usedBy: parentId })
		.where(eq(parentInvitation.id, inv.id))
		.run();
	tx.insert(parentLink)
		.values({ schoolId: inv.schoolId, studentId: inv.studentId, parentId, createdBy: inv.studentId })
		.onConflictDoNothing()
		.run();
}

export type RedeemResult =
	| { ok: true; userId: number }
	| { ok: false; reason: 'code' | 'throttled' | 'username'; retryAfter?: number };

function throttled(ip: string): RedeemResult | undefined {
	const key = `ip:${ip}`;
	if (ipLimiter.check(key)) return undefined;
	return { ok: false, reason: 'throttled', retryAfter: ipLimiter.retryAfter(key) };
}

export interface Registration {
	code: string;
	givenName: string;
	familyName: string;
	username: string;
	password: string;
}

/** A new parent account from an invitation: only the parent role, no e-mail (so SSO and imports never match it). */
export async function registerParent(
	input: Registration,
	ip: string,
	now = new Date()
): Promise<RedeemResult> {
	const limited = throttled(ip);
	if (limited) return limited;
	const db = getDb();
	// Wrong codes are answered before hashing: guessing must not cost the server an argon2 run each time.
	if (!findInvitation(db as unknown as Tx, input.code, now)) return wrongCode(ip);
	const passwordHash = await hashPassword(input.password);
	const result = db.transaction((tx): RedeemResult => {
		const inv = findInvitation(tx, input.code, now);
		if (!inv) return { ok: false, reason: 'code' };
		// A taken name is reported only to a holder of a valid code, and the code stays usable.
		const taken = tx
			.select({ id: core.user.id })
			.from(core.user)
			.where(eq(core.user.username, input.username))
			.get();
		if (taken) return { ok: false, reason: 'username' };
		const userId = tx
			.insert(core.user)
			.values({
				schoolId: inv.schoolId,
				username: input.username,
				givenName: input.givenName,
				familyName: input.familyName,
				passwordHash
			})
			.returning({ id: core.user.id })
			.get().id;
		tx.insert(core.userRole).values({ userId, schoolId: inv.schoolId, role: 'parent' }).run();
		useAndLink(tx, inv, userId, now);
		return { ok: true, userId };
	});
	return !result.ok && result.reason === 'code' ? wrongCode(ip) : result;
}

function wrongCode(ip: string): RedeemResult {
	ipLimiter.hit(`ip:${ip}`);
	logger.info({ event: 'parent_code_failed' }, 'parent invitation code failed');
	return { ok: false, reason: 'code' };
}

/** A signed-in parent links another child; an invitation of another school is refused like a wrong code. */
export function linkChild(viewer: Viewer, code: string, ip: string, now = new Date()): RedeemResult {
	if (!can(viewer, 'parent.home')) return { ok: false, reason: 'code' };
	const limited = throttled(ip);
	if (limited) return limited;
	const db = getDb();
	const result = db.transaction((tx): RedeemResult => {
		const inv = findInvitation(tx, code, now, viewer.schoolId);
		if (!inv) return { ok: false, reason: 'code' };
		useAndLink(tx, inv, viewer.userId, now);
		return { ok: true, userId: viewer.userId };
	});
	return result.ok ? result : wrongCode(ip);
}
