// An unknown user name must cost the same work as a wrong password: authenticate() verifies one argon2 hash
// in every case (a dummy one when there is no account or no password), so the answer's timing does not tell
// which accounts exist. Timing itself is not asserted (too noisy); the code path is.
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeUser } from '../testing';
import * as password from './password';
import { authenticate } from './accounts';

vi.mock('./password', async (importOriginal) => {
	const real = await importOriginal<typeof import('./password')>();
	return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});

const verify = vi.mocked(password.verifyPassword);
let n = 0;
const ip = () => `10.9.${Math.floor(++n / 250)}.${n % 250}`;
let hash: string;
let dummy: string;

beforeAll(async () => {
	hash = await password.hashPassword('Juist-wachtwoord-1');
	dummy = await password.dummyPasswordHash();
});

describe('one password hash verified for every failed login', () => {
	let schoolId: number;
	beforeEach(() => {
		createTestDb();
		schoolId = makeCast().schoolA.schoolId;
		verify.mockClear();
	});

	it('a wrong password verifies the account’s own hash', async () => {
		makeUser(schoolId, ['student'], { username: 'echt', passwordHash: hash });
		await authenticate('echt', 'fout', ip());
		expect(verify.mock.calls.map((c) => c[0])).toEqual([hash]);
	});

	it('an unknown name verifies the dummy hash, once', async () => {
		await authenticate('bestaat.niet', 'fout', ip());
		expect(verify.mock.calls.map((c) => c[0])).toEqual([dummy]);
	});

	it('an account without a password (SSO only) verifies the dummy hash, once', async () => {
		makeUser(schoolId, ['student'], { username: 'sso.only' });
		await authenticate('sso.only', '', ip());
		expect(verify.mock.calls.map((c) => c[0])).toEqual([dummy]);
	});

	it('a deactivated account verifies its hash like an active one, and fails the same way', async () => {
		const id = makeUser(schoolId, ['student'], { username: 'uit', passwordHash: hash });
		getDb().update(table.user).set({ active: false }).where(eq(table.user.id, id)).run();
		expect(await authenticate('uit', 'Juist-wachtwoord-1', ip())).toEqual({ ok: false, retryAfter: 0 });
		expect(verify).toHaveBeenCalledTimes(1);
	});
});
