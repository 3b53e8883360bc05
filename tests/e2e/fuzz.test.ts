// Random forms at every action: every write endpoint in the route tree gets fast-check-generated bodies
// (random and real field names, hostile strings, huge values, duplicate keys, random files) from a user of
// the right role, in the hostile school. The answer may be 400, 403, 404, 409, 415, a redirect or 200;
// never a 5xx. The seed is fixed and printed, so a failure reproduces.
import fc from 'fast-check';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { writeEndpoints, type WriteEndpoint } from '../route-tree';
import { ROLES, clientAs, roleFor, sharedWorld, urlOf, type Who, type World } from './hostile';
import * as schemas from './schema-keys';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);

const hostile = fc.oneof(
	{ weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
	{ weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
	{ weight: 2, arbitrary: fc.integer({ min: -5, max: 2 ** 31 }).map(String) },
	{
		weight: 2,
		arbitrary: fc.constantFrom(
			'',
			'-1',
			'0',
			'1e400',
			'NaN',
			'9007199254740993',
			'__proto__',
			'constructor',
			'true',
			'null',
			'[]',
			'{}',
			'2026-02-30',
			'9999-12-31',
			'open',
			'student:1',
			'group:999999',
			"' OR 1=1 --",
			'<script>alert(1)</script>',
			'\u0000',
			'\uFFFF',
			'\u202E',
			'../../etc/passwd'
		)
	}
);
// At most one huge value per form: several only make the run slow (the body limits are tested elsewhere).
const huge = fc.constantFrom('x'.repeat(100_000), 'é'.repeat(20_000), '9'.repeat(5000));
const fieldName = fc.oneof(fc.constantFrom(...schemas.FIELD_NAMES), fc.string({ maxLength: 12 }));
// A list of pairs, not an object: the same key may come twice, as checkboxes do.
const pairs = fc
	.tuple(fc.array(fc.tuple(fieldName, hostile), { maxLength: 12 }), fc.option(fc.tuple(fieldName, huge)))
	.map(([list, big]) => (big ? [...list, big] : list));
const upload = fc.record({
	name: fc.oneof(
		fc.string({ maxLength: 40 }),
		fc.constantFrom('../../x.jpg', 'a\u0000.png', 'x'.repeat(500))
	),
	bytes: fc.oneof(
		fc.uint8Array({ maxLength: 2048 }),
		fc.constantFrom(
			new TextEncoder().encode('%PDF-1.4\n<script>alert(1)</script>'),
			new TextEncoder().encode('Voornaam;Achternaam\n=cmd;x\n'),
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
		)
	)
});

async function send(
	client: APIRequestContext,
	e: WriteEndpoint,
	url: string,
	form: [string, string][],
	file: { name: string; bytes: Uint8Array },
	origin: string,
	mode: number
) {
	const headers = { Origin: origin, Accept: mode === 2 ? 'application/json' : 'text/html' };
	if (e.action === undefined) {
		// A +server.ts endpoint (autosave): its body is JSON.
		const body = JSON.stringify(Object.fromEntries(form));
		return client.fetch(url, {
			method: e.method,
			headers: { ...headers, 'Content-Type': 'application/json' },
			data: body,
			maxRedirects: 0
		});
	}
	if (mode === 1 || e.action === 'upload') {
		const data = new FormData();
		for (const [k, v] of form) data.append(k, v);
		data.append('file', new Blob([new Uint8Array(file.bytes)]), file.name);
		return client.fetch(url, { method: e.method, headers, multipart: data, maxRedirects: 0 });
	}
	const body = new URLSearchParams(form).toString();
	return client.fetch(url, {
		method: e.method,
		headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
		data: body,
		maxRedirects: 0
	});
}

// Signing out and signing in change who the client is; they go last, so the rest run signed in.
const LAST = new Set(['/logout', '/login', '/login/code', '/language']);

test.describe('random forms at every action', () => {
	test.describe.configure({ mode: 'default' });
	let world: World;
	const clients = new Map<Who, APIRequestContext>();

	test.beforeAll(async ({ baseURL }, info) => {
		test.skip(info.project.name !== 'desktop', 'desktop only: one run is enough');
		({ world } = sharedWorld('fuzz'));
		for (const who of ['anonymous', ...ROLES] as const)
			clients.set(who, await clientAs(world, who, baseURL!));
	});
	test.afterAll(async () => {
		for (const c of clients.values()) await c.dispose();
	});

	test('no action answers 5xx', async ({ baseURL }) => {
		test.setTimeout(300_000);
		const endpoints = writeEndpoints().sort(
			(a, b) => Number(LAST.has(a.routeId)) - Number(LAST.has(b.routeId))
		);
		console.log(`fuzz: seed ${SEED}, ${RUNS} runs × ${endpoints.length} endpoints`);
		const statuses = new Map<number, number>();
		for (const e of endpoints) {
			const client = clients.get(roleFor(e.routeId))!;
			const url = urlOf(world, e);
			await fc.assert(
				fc.asyncProperty(pairs, upload, fc.integer({ min: 0, max: 2 }), async (form, file, mode) => {
					const res = await send(client, e, url, form, file, baseURL!, mode);
					statuses.set(res.status(), (statuses.get(res.status()) ?? 0) + 1);
					expect(res.status(), `${e.method} ${url}`).toBeLessThan(500);
				}),
				{ seed: SEED, numRuns: RUNS }
			);
		}
		console.log(`fuzz: statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
	});
});
