// Who may open what: a role × URL matrix and a role × direct-POST matrix, over plain HTTP as a browser
// without JavaScript would send it. To cover a new page or action, add one row to PAGES or POSTS.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, loginAs } from './helpers';

const DB_PATH = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;

const WHO = ['anonymous', 'student', 'mentor', 'coordinator', 'admin'] as const;
type Who = (typeof WHO)[number];

/** 'ok' = 200 on that URL; 'login' = sent to the login page; a status; '→/x' = sent on to /x. */
type Outcome = 'ok' | 'login' | 200 | 400 | 404 | `→${string}`;
const all = (o: Outcome): Record<Exclude<Who, 'anonymous'>, Outcome> => ({
	student: o,
	mentor: o,
	coordinator: o,
	admin: o
});
const allowedFor = (who: Exclude<Who, 'anonymous'>): Record<Exclude<Who, 'anonymous'>, Outcome> => ({
	...all(404),
	[who]: 'ok'
});

const PAGES: Record<string, Record<Who, Outcome>> = {
	'/': {
		anonymous: 'login',
		student: '→/student',
		mentor: '→/mentor',
		coordinator: '→/coordinator',
		admin: '→/admin'
	},
	'/student': { anonymous: 'login', ...allowedFor('student') },
	'/mentor': { anonymous: 'login', ...allowedFor('mentor') },
	'/coordinator': { anonymous: 'login', ...allowedFor('coordinator') },
	'/admin': { anonymous: 'login', ...allowedFor('admin') },
	'/account': { anonymous: 'login', ...all('ok') },
	'/account/password': { anonymous: 'login', ...all('ok') },
	'/logout': {
		anonymous: 'login',
		student: '→/student',
		mentor: '→/mentor',
		coordinator: '→/coordinator',
		admin: '→/admin'
	},
	'/login': {
		anonymous: 'ok',
		student: '→/student',
		mentor: '→/mentor',
		coordinator: '→/coordinator',
		admin: '→/admin'
	},
	'/login/code': { anonymous: 'ok', ...all('ok') },
	'/healthz': { anonymous: 'ok', ...all('ok') },
	'/no-such-page': { anonymous: 404, ...all(404) }
};

// Direct POSTs to actions. Bodies are chosen so that nothing changes for real (no password is changed,
// no one is signed out); studentId names a demo student by user name and is replaced by their id.
interface Post {
	form: Record<string, string>;
	expect: Record<Who, Outcome>;
}
const POSTS: Record<string, Post[]> = {
	'/mentor?/loginCode': [
		{
			form: { studentId: DEMO.student.username },
			expect: { anonymous: 'login', student: 404, mentor: 200, coordinator: 404, admin: 404 }
		},
		// A student of another group (r.elamrani's), and an id that does not exist: the same 404.
		{
			form: { studentId: DEMO.studentMbo.username },
			expect: { anonymous: 'login', student: 404, mentor: 404, coordinator: 404, admin: 404 }
		},
		{
			form: { studentId: '999999' },
			expect: { anonymous: 'login', student: 404, mentor: 404, coordinator: 404, admin: 404 }
		},
		{
			form: { studentId: 'abc' },
			expect: { anonymous: 'login', student: 404, mentor: 400, coordinator: 404, admin: 404 }
		}
	],
	'/account/password': [
		{
			form: {
				currentPassword: 'niet-het-goede',
				newPassword: 'Iets-nieuws-12',
				repeatPassword: 'Iets-anders-12'
			},
			expect: { anonymous: 'login', ...all(400) }
		}
	],
	// An unknown language is ignored: back to the start page, which then sends everyone on.
	'/language': [{ form: { locale: 'xx' }, expect: { anonymous: '→/', ...all('→/') } }],
	// A signed-in user re-renders the login page after the failed action, whose load sends them home.
	'/login': [{ form: { username: '', password: '' }, expect: { anonymous: 400, ...all('→/') } }],
	'/login/code': [{ form: { code: '' }, expect: { anonymous: 400, ...all(400) } }]
};
// Signing out is checked for anonymous only here (auth.test.ts checks it for a signed-in user).
const ANONYMOUS_ONLY_POSTS: Record<string, Outcome> = { '/logout': 'login' };

const ACCOUNT: Record<Exclude<Who, 'anonymous'>, keyof typeof DEMO> = {
	student: 'student',
	mentor: 'mentor',
	coordinator: 'coordinator',
	admin: 'admin'
};

function userIds(names: string[]): Record<string, number> {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		const rows = db
			.prepare(`SELECT id, username FROM user WHERE username IN (${names.map(() => '?').join(',')})`)
			.all(...names) as { id: number; username: string }[];
		return Object.fromEntries(rows.map((r) => [r.username, r.id]));
	} finally {
		db.close();
	}
}

async function clientFor(who: Who, baseURL: string): Promise<APIRequestContext> {
	const client = await playwrightRequest.newContext({ baseURL });
	if (who !== 'anonymous') {
		const { username, password } = DEMO[ACCOUNT[who]];
		const res = await client.post('/login', {
			form: { username, password },
			headers: { Origin: baseURL, Accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status(), `login as ${who}`).toBe(303);
	}
	return client;
}

function expectOutcome(
	label: string,
	res: { status(): number; url(): string; headers(): Record<string, string> },
	want: Outcome,
	requested: string
) {
	const status = res.status();
	const location = res.headers()['location'] ?? '';
	const finalPath = new URL(res.url()).pathname;
	if (want === 'login') {
		const target = status === 303 ? location : finalPath;
		expect(target, label).toMatch(/^\/login(\?|$)/);
	} else if (want === 'ok') {
		expect([status, finalPath], label).toEqual([200, requested.split('?')[0]]);
	} else if (typeof want === 'string') {
		expect(status === 303 ? location : finalPath, label).toBe(want.slice(1));
	} else {
		expect(status, label).toBe(want);
	}
}

for (const who of WHO) {
	test.describe(`as ${who}`, () => {
		let client: APIRequestContext;
		test.beforeAll(async ({ baseURL }) => {
			client = await clientFor(who, baseURL!);
		});
		test.afterAll(async () => {
			await client.dispose();
		});

		test('every page answers as the matrix says', async () => {
			for (const [url, row] of Object.entries(PAGES)) {
				const res = await client.get(url, { headers: { Accept: 'text/html' } });
				expect(res.status(), `${who} GET ${url}`).toBeLessThan(500);
				expectOutcome(`${who} GET ${url}`, res, row[who], url);
			}
		});

		test('every action answers as the matrix says when posted directly', async ({ baseURL }) => {
			const ids = userIds([DEMO.student.username, DEMO.studentMbo.username]);
			for (const [url, cases] of Object.entries(POSTS)) {
				for (const c of cases) {
					const form = Object.fromEntries(
						Object.entries(c.form).map(([k, v]) => [k, k === 'studentId' && ids[v] ? String(ids[v]) : v])
					);
					const res = await client.post(url, {
						form,
						headers: { Origin: baseURL!, Accept: 'text/html' },
						maxRedirects: 0
					});
					const label = `${who} POST ${url} ${JSON.stringify(form)}`;
					expect(res.status(), label).toBeLessThan(500);
					expectOutcome(label, res, c.expect[who], url);
				}
			}
			if (who === 'anonymous') {
				for (const [url, want] of Object.entries(ANONYMOUS_ONLY_POSTS)) {
					const res = await client.post(url, {
						form: {},
						headers: { Origin: baseURL!, Accept: 'text/html' },
						maxRedirects: 0
					});
					expectOutcome(`anonymous POST ${url}`, res, want, url);
				}
			}
		});
	});
}

test('a student who opens a staff page sees the plain "does not exist" page', async ({ page }) => {
	await loginAs(page, 'student');
	for (const url of ['/mentor', '/coordinator', '/admin']) {
		const res = await page.goto(url);
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	}
});

test('a mentor of another group cannot make a code for a student: the same 404 as a missing one', async ({
	page,
	baseURL
}) => {
	await loginAs(page, 'mentorMbo');
	const ids = userIds([DEMO.student.username]);
	for (const studentId of [String(ids[DEMO.student.username]), '999999']) {
		const res = await page.request.post('/mentor?/loginCode', {
			form: { studentId },
			headers: { Origin: baseURL!, Accept: 'text/html' },
			maxRedirects: 0
		});
		expect(res.status()).toBe(404);
		expect(await res.text()).not.toContain('code-display');
	}
});
