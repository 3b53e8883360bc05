// Shared by the hostile-input suites (xss, csrf, fuzz): a separate school built for the run
// (hostile-world.ts), clients signed in as its users, and the route tree with sample params.
import { execFileSync } from 'node:child_process';
import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as playwrightRequest, type APIRequestContext, type BrowserContext } from '@playwright/test';
import { endpointUrl, paramNames, type WriteEndpoint } from '../route-tree';
import type { World } from './hostile-world';

export type { World };
export const PORT = process.env.E2E_PORT ?? '4173';
export const DB_PATH = `./data/e2e-${PORT}.db`;
export type Who = 'anonymous' | keyof World['tokens'];
/** Every role of the hostile school, each signed in as its own user. */
export const ROLES = ['student', 'mentor', 'coordinator', 'admin', 'staff', 'parent'] as const;

/** A new hostile school in the e2e database; with payloads, every free-text field holds one of them. */
export function makeWorld(tag: string, payloads: string[] = []): World {
	const args = ['tsx', 'tests/e2e/hostile-world.ts', tag];
	if (payloads.length) {
		const file = join(mkdtempSync(join(tmpdir(), 'koers-payloads-')), 'payloads.json');
		writeFileSync(file, JSON.stringify(payloads));
		args.push(file);
	}
	const out = execFileSync('npx', args, {
		env: { ...process.env, DATABASE_PATH: DB_PATH, LOG_LEVEL: 'silent' },
		encoding: 'utf8'
	});
	return JSON.parse(out) as World;
}

export function sessionCookie(world: World, who: Exclude<Who, 'anonymous'>, baseURL: string) {
	return tokenCookie(world.tokens[who], baseURL);
}

/** The session cookie of a session made directly in the database (createSession). */
export function tokenCookie(token: string, baseURL: string) {
	return {
		name: 'koers_session',
		value: token,
		domain: new URL(baseURL).hostname,
		path: '/',
		httpOnly: true,
		secure: false,
		sameSite: 'Lax' as const,
		expires: -1
	};
}

export async function clientAs(world: World, who: Who, baseURL: string): Promise<APIRequestContext> {
	const cookies = who === 'anonymous' ? [] : [sessionCookie(world, who, baseURL)];
	return playwrightRequest.newContext({ baseURL, storageState: { cookies, origins: [] } });
}

export async function signIn(
	context: BrowserContext,
	world: World,
	who: Exclude<Who, 'anonymous'>,
	baseURL: string
) {
	await context.addCookies([sessionCookie(world, who, baseURL)]);
}

// Who may use a route, by its first path segment: the suites act as that user.
const AREA_ROLE: Record<string, Who> = {
	student: 'student',
	mentor: 'mentor',
	coordinator: 'coordinator',
	admin: 'admin',
	'lob-taken': 'staff',
	parent: 'parent',
	agenda: 'anonymous',
	dossier: 'anonymous',
	account: 'student',
	notifications: 'student',
	files: 'student',
	logout: 'student',
	language: 'student',
	login: 'anonymous',
	healthz: 'anonymous'
};

/** The user a route is meant for; throws for a new area, so it gets a row here. */
export function roleFor(routeId: string): Who {
	const area = routeId.split('/')[1] ?? '';
	const who = AREA_ROLE[area];
	if (!who) throw new Error(`${routeId}: no role for area "${area}" in tests/e2e/hostile.ts AREA_ROLE`);
	return who;
}

/** The sample [params] for a route; throws when a route with params has none in hostile-world.ts. */
export function paramsFor(world: World, routeId: string): Record<string, number | string> {
	const names = paramNames(routeId);
	if (!names.length) return {};
	const sample = world.params[routeId];
	if (!sample || names.some((n) => sample[n] === undefined))
		throw new Error(`${routeId}: no sample params; add them to params in tests/e2e/hostile-world.ts`);
	return sample;
}

export function urlOf(world: World, e: WriteEndpoint): string {
	return endpointUrl(e, paramsFor(world, e.routeId));
}

/** One read-only query on the e2e database (the suites look up ids and versions in their own school). */
export function query<T>(sql: string, ...args: unknown[]): T[] {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		return db.prepare(sql).all(...args) as T[];
	} finally {
		db.close();
	}
}

// The worlds of the three suites, built once per run by global-setup.ts before any test starts: a second
// process writing to the database while the server serves other tests could make the server's
// read-then-write transactions fail with SQLITE_BUSY.
export const WORLDS_FILE = `./data/hostile-worlds-${PORT}.json`;
export type WorldName = 'csrf' | 'fuzz' | 'xss';

export function sharedWorld(name: WorldName): { world: World; formFields: number } {
	let all: Record<WorldName, World> & { formFields: number };
	try {
		all = JSON.parse(readFileSync(WORLDS_FILE, 'utf8'));
	} catch {
		throw new Error(
			`${WORLDS_FILE} is missing: tests/e2e/global-setup.ts builds it (globalSetup in playwright.config.ts)`
		);
	}
	return { world: all[name], formFields: all.formFields };
}
