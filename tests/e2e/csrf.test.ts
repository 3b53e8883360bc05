// CSRF: every write endpoint in the route tree (form actions and +server.ts POST/PUT/PATCH/DELETE), posted
// to from another origin as a signed-in user of the right role, is refused with 403 and changes nothing.
// The list comes from the source (tests/route-tree.ts, the reader every suite shares), so a new action is covered without editing this.
//
// How the refusal works: SvelteKit (respond.js, before any hook) refuses a POST/PUT/PATCH/DELETE with a form
// content type (urlencoded, multipart, text/plain) whose Origin is not the app's own, a missing Origin
// included. Other content types pass Kit's check; src/lib/server/http/csrf.ts refuses those when Origin is foreign
// or Sec-Fetch-Site is anything but same-origin.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { writeEndpoints } from '../route-tree';
import { ROLES, clientAs, DB_PATH, roleFor, sharedWorld, urlOf, type Who, type World } from './hostile';

const EVIL = 'http://evil.example';

/** A hash of every row of this school, table by table: equal before and after means nothing changed. */
function fingerprint(schoolId: number): Record<string, string> {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		const tables = db
			.prepare(
				`SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) p
				 WHERE m.type = 'table' AND p.name = 'school_id' ORDER BY m.name`
			)
			.pluck()
			.all() as string[];
		const out: Record<string, string> = {};
		for (const t of tables) {
			const rows = db.prepare(`SELECT * FROM "${t}" WHERE school_id = ? ORDER BY rowid`).all(schoolId);
			out[t] = createHash('sha256').update(JSON.stringify(rows)).digest('hex').slice(0, 16);
		}
		return out;
	} finally {
		db.close();
	}
}

// Each way a hostile page could send a write: the form encodings a <form> can use, and fetch() bodies.
const VARIANTS: { name: string; headers: Record<string, string>; body: (url: string) => object }[] = [
	{ name: 'urlencoded form, foreign Origin', headers: { Origin: EVIL }, body: () => ({ form: { x: '1' } }) },
	{
		name: 'multipart form, foreign Origin',
		headers: { Origin: EVIL },
		body: () => ({ multipart: { x: '1' } })
	},
	{
		name: 'text/plain, foreign Origin',
		headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
		body: () => ({ data: 'x=1' })
	},
	{
		name: 'JSON, foreign Origin',
		headers: { Origin: EVIL, 'Content-Type': 'application/json' },
		body: () => ({ data: '{"version":1,"title":"csrf"}' })
	},
	{
		name: 'no content type, foreign Origin',
		headers: { Origin: EVIL },
		body: () => ({ data: Buffer.from('{}') })
	},
	{
		name: 'urlencoded form, no Origin, Sec-Fetch-Site cross-site',
		headers: { 'Sec-Fetch-Site': 'cross-site' },
		body: () => ({ form: { x: '1' } })
	},
	{
		name: 'JSON, no Origin, Sec-Fetch-Site same-site',
		headers: { 'Sec-Fetch-Site': 'same-site', 'Content-Type': 'application/json' },
		body: () => ({ data: '{"version":1}' })
	}
];

test.describe('cross-origin writes', () => {
	test.describe.configure({ mode: 'default' });
	let world: World;
	const clients = new Map<Who, APIRequestContext>();

	test.beforeAll(async ({ baseURL }, info) => {
		test.skip(info.project.name !== 'desktop', 'desktop only: one run is enough');
		({ world } = sharedWorld('csrf'));
		for (const who of ['anonymous', ...ROLES] as const)
			clients.set(who, await clientAs(world, who, baseURL!));
	});
	test.afterAll(async () => {
		for (const c of clients.values()) await c.dispose();
	});

	test('every action and endpoint refuses every cross-origin variant, and nothing changes', async ({
		baseURL
	}) => {
		test.setTimeout(120_000);
		const endpoints = writeEndpoints();
		expect(endpoints.length).toBeGreaterThanOrEqual(70);
		const before = fingerprint(world.schoolId);
		let posted = 0;
		for (const e of endpoints) {
			const client = clients.get(roleFor(e.routeId))!;
			const url = urlOf(world, e);
			for (const v of VARIANTS) {
				const res = await client.fetch(url, {
					method: e.method,
					headers: { Accept: 'text/html', ...v.headers },
					maxRedirects: 0,
					...v.body(url)
				});
				expect(res.status(), `${e.method} ${url} (${v.name})`).toBe(403);
				posted++;
			}
		}
		expect(fingerprint(world.schoolId)).toEqual(before);
		// Still signed in: the cross-origin sign-out did nothing either.
		const me = await clients.get('student')!.get('/account', { maxRedirects: 0 });
		expect(me.status()).toBe(200);
		test
			.info()
			.annotations.push({ type: 'csrf', description: `${endpoints.length} endpoints, ${posted} posts` });
		console.log(
			`csrf: ${endpoints.length} write endpoints × ${VARIANTS.length} variants = ${posted} posts refused`
		);
		expect(baseURL).toBeTruthy();
	});

	test('the same requests from the app origin do get through (so the check above can fail)', async ({
		baseURL
	}) => {
		const student = clients.get('student')!;
		const id = world.params['/student/reflections/[id=id]/autosave'].id;
		const json = await student.post(`/student/reflections/${id}/autosave`, {
			headers: { Origin: baseURL!, 'Content-Type': 'application/json', 'Sec-Fetch-Site': 'same-origin' },
			data: '{"version":-1}'
		});
		expect(json.status()).toBe(400);
		const form = await student.post('/notifications?/readAll', {
			headers: { Origin: baseURL!, Accept: 'text/html' },
			form: {},
			maxRedirects: 0
		});
		expect(form.status()).toBeLessThan(400);
	});
});
