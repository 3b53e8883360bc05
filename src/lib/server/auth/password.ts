import { hash, hashSync, verify } from '@node-rs/argon2';

// argon2id with at least the OWASP minimum (19 MiB, 2 passes, 1 lane); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

/** For the demo seed's synchronous extensions (inside one SQLite transaction); never on a request. */
export function hashPasswordSync(password: string): string {
	return hashSync(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await verify(passwordHash, password);
	} catch {
		return false;
	}
}

// Verifying against this when the account does not exist makes a wrong user name cost as much time as a
// wrong password, so timing does not tell which accounts exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
	dummyHash ??= hashPassword('koers-timing-equaliser');
	return dummyHash;
}
