// The revocation suite's schools (revocation-world.ts), built once per run by global-setup.ts before any
// test starts, like the hostile suites' worlds and for the same reason: a second process writing to the
// database while the server serves other tests could make the server's transactions fail with SQLITE_BUSY.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { DB_PATH, PORT } from './hostile';
import type { RevocationWorld } from './revocation-world';

export type { RevocationWorld };
export const REVOCATION_CASES = [
	'reflectionPrivate',
	'mentorRemoved',
	'studentMoved',
	'groupClosed',
	'yearRolledOver',
	'parentRevoked',
	'shareRevoked'
] as const;
export type RevocationCase = (typeof REVOCATION_CASES)[number];

const FILE = `./data/revocation-worlds-${PORT}.json`;

export function buildRevocationWorlds(tag: string): void {
	const out = execFileSync('npx', ['tsx', 'tests/e2e/revocation-world.ts', tag, ...REVOCATION_CASES], {
		env: {
			...process.env,
			DATABASE_PATH: DB_PATH,
			UPLOADS_PATH: `./data/e2e-uploads-${PORT}`,
			LOG_LEVEL: 'silent'
		},
		encoding: 'utf8'
	});
	writeFileSync(FILE, out);
}

export function revocationWorld(name: RevocationCase): RevocationWorld {
	let all: Record<RevocationCase, RevocationWorld>;
	try {
		all = JSON.parse(readFileSync(FILE, 'utf8'));
	} catch {
		throw new Error(
			`${FILE} is missing: tests/e2e/global-setup.ts builds it (globalSetup in playwright.config.ts)`
		);
	}
	return all[name];
}
