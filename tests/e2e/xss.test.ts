// Stored XSS: a corpus of payloads (xss-payloads.ts) goes into every free-text field of a separate school:
// through the real forms for each kind of field, and straight into the database for every row (so lists,
// overviews and names everywhere carry them too). Then every page is opened as the role it is for, in
// Chromium, listening for any sign that markup ran: __xss()/alert calls, dialogs, CSP violations (events
// and console), inline event handlers or javascript: links in the DOM, and page errors.
import { parse } from 'csv-parse/sync';
import { expect, test, type Page } from '@playwright/test';
import { readableRoutes, fillRoute } from '../route-tree';
import { ROLES, clientAs, paramsFor, query, roleFor, sharedWorld, signIn, type World } from './hostile';
import { FREE_TEXT, NOT_FREE_TEXT } from './hostile-columns';
import { PAYLOADS } from './xss-payloads';

// Pages that more than their own area's role opens: everyone has an account page and notifications.
const SHARED = ['/account', '/notifications', '/account/password'];

function pagesFor(world: World, who: (typeof ROLES)[number]): string[] {
	const own = readableRoutes()
		.filter((r) => r.kind === 'page' && roleFor(r.routeId) === who)
		.map((r) => fillRoute(r.routeId, paramsFor(world, r.routeId)));
	return [...new Set([...own, ...(who === 'student' ? [] : SHARED)])];
}

interface Findings {
	hits: string[];
	console: string[];
	errors: string[];
	dom: string[];
}

async function watch(page: Page, findings: Findings) {
	await page.addInitScript(() => {
		const w = window as unknown as { __xssHits: string[]; __xss: (n: unknown) => void };
		w.__xssHits = [];
		w.__xss = (n) => w.__xssHits.push(`ran ${n}`);
		const record = (m: unknown) => {
			w.__xssHits.push(`alert ${m}`);
			return false;
		};
		window.alert = record;
		window.confirm = record;
		window.prompt = () => (record('prompt'), null);
		document.addEventListener(
			'securitypolicyviolation',
			(e) =>
				w.__xssHits.push(
					`csp ${e.violatedDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`
				),
			true
		);
	});
	page.on('dialog', (d) => {
		findings.hits.push(`dialog ${d.message()}`);
		void d.dismiss();
	});
	page.on('console', (m) => {
		if (/Content.Security.Policy|Refused to/i.test(m.text())) findings.console.push(m.text());
	});
	page.on('pageerror', (e) => findings.errors.push(e.message));
}

async function inspect(page: Page, url: string, findings: Findings) {
	const res = await page.goto(url);
	expect(res?.status(), url).toBeLessThan(400);
	expect(new URL(page.url()).pathname, `${url} must not send us away`).not.toMatch(/^\/login/);
	await page.waitForLoadState('networkidle');
	const seen = await page.evaluate(() => {
		const w = window as unknown as { __xssHits: string[] };
		const handlers = [...document.querySelectorAll('*')].flatMap((el) =>
			[...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName} ${a.name}`)
		);
		const links = [...document.querySelectorAll('[href],[src],[action],[formaction],[data]')]
			.map(
				(el) =>
					el.getAttribute('href') ??
					el.getAttribute('src') ??
					el.getAttribute('action') ??
					el.getAttribute('formaction') ??
					el.getAttribute('data') ??
					''
			)
			.filter((v) => /^\s*(javascript|data:text\/html|http:\/\/evil)/i.test(v));
		return {
			hits: w.__xssHits,
			dom: [...handlers, ...links],
			shown: document.body.innerText.includes('__xss(')
		};
	});
	findings.hits.push(...seen.hits.map((h) => `${url}: ${h}`));
	findings.dom.push(...seen.dom.map((d) => `${url}: ${d}`));
	return seen.shown;
}

test.describe('stored XSS', () => {
	test.describe.configure({ mode: 'parallel' });
	let world: World;
	let fieldsPosted = 0;

	// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument to pass testInfo
	test.beforeAll(async ({}, info) => {
		test.skip(info.project.name !== 'desktop', 'desktop only: one run is enough');
		({ world, formFields: fieldsPosted } = sharedWorld('xss'));
	});

	test('every text column is either free text (gets payloads) or known not to be', () => {
		const columns = query<{ c: string }>(
			`SELECT m.name || '.' || p.name AS c FROM sqlite_master m JOIN pragma_table_info(m.name) p
			 WHERE m.type = 'table' AND lower(p.type) = 'text' ORDER BY 1`
		).map((r) => r.c);
		const known = new Set([
			...Object.entries(FREE_TEXT).flatMap(([t, cs]) => cs.map((c) => `${t}.${c}`)),
			...NOT_FREE_TEXT
		]);
		expect(columns.filter((c) => !known.has(c))).toEqual([]);
		for (const [column, rows] of Object.entries(world.seeded))
			expect(rows, `${column} has rows to carry payloads`).toBeGreaterThan(0);
	});

	test('the detectors do fire when markup is injected (so the page checks can fail)', async ({
		page,
		context,
		baseURL
	}) => {
		await signIn(context, world, 'student', baseURL!);
		const findings: Findings = { hits: [], console: [], errors: [], dom: [] };
		await watch(page, findings);
		await inspect(page, '/account', findings);
		expect(findings.hits).toEqual([]);
		await page.evaluate((html) => document.body.insertAdjacentHTML('beforeend', html), PAYLOADS.join(''));
		const readHits = () => page.evaluate(() => (window as unknown as { __xssHits: string[] }).__xssHits);
		await expect.poll(async () => (await readHits()).length).toBeGreaterThan(0);
		const hits = await readHits();
		expect(hits.every((h) => h.startsWith('csp '))).toBe(true);
	});

	test('the matrix CSV export neutralises formulas in every cell', async ({ baseURL }) => {
		const coordinator = await clientAs(world, 'coordinator', baseURL!);
		const { roundId } = world.params['/coordinator/matrix/rounds/[roundId=id]/export.csv'];
		const res = await coordinator.get(`/coordinator/matrix/rounds/${roundId}/export.csv`);
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toMatch(/^text\/csv/);
		expect(res.headers()['content-disposition']).toMatch(/^attachment;/);
		const cells = parse(await res.text(), {
			delimiter: ';',
			bom: true,
			relax_column_count: true
		}) as string[][];
		const flat = cells.flat();
		expect(flat.some((c) => c.includes('HYPERLINK'))).toBe(true);
		expect(flat.filter((c) => /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(c))).toEqual([]);
		await coordinator.dispose();
	});

	test('uploads with hostile names and contents are refused or served inert', async ({ baseURL }) => {
		const student = await clientAs(world, 'student', baseURL!);
		const refl = world.params['/student/reflections/[id=id]/attachments'].id;
		const upload = (name: string, mimeType: string, buffer: Buffer) =>
			student.post(`/student/reflections/${refl}/attachments?/upload`, {
				headers: { Origin: baseURL!, Accept: 'text/html' },
				multipart: { file: { name, mimeType, buffer } },
				maxRedirects: 0
			});
		const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>__xss(1)</script></svg>');
		for (const [name, type, bytes] of [
			['x.svg', 'image/svg+xml', svg],
			['x.jpg', 'image/jpeg', svg],
			['x.html', 'text/html', Buffer.from('<script>__xss(1)</script>')]
		] as const) {
			const res = await upload(name, type, bytes);
			expect(res.status(), name).toBe(400);
		}
		const pdf = Buffer.from('%PDF-1.4\n<html><script>__xss(1)</script></html>\ntrailer<<>>\n%%EOF\n');
		const name = `../../${'a'.repeat(79)}😀"\r\n<script>.pdf`;
		const before = query('SELECT id FROM attachment WHERE reflection_id = ?', refl).length;
		const res = await upload(name, 'text/html', pdf);
		expect(res.status()).toBeLessThan(400);
		expect(query('SELECT id FROM attachment WHERE reflection_id = ?', refl)).toHaveLength(before + 1);
		const [row] = query<{ id: number; file_name: string }>(
			'SELECT id, file_name FROM attachment WHERE reflection_id = ? ORDER BY id DESC LIMIT 1',
			refl
		);
		expect(row.file_name).not.toMatch(/[\\/\r\n"<>]/);
		const file = await student.get(`/files/${row.id}`);
		expect(file.status()).toBe(200);
		const h = file.headers();
		expect(h['content-type']).toBe('application/pdf');
		expect(h['content-disposition']).toMatch(/^attachment; filename="[^"\\/]*"; filename\*=UTF-8''/);
		expect(h['x-content-type-options']).toBe('nosniff');
		expect(h['content-security-policy']).toMatch(/sandbox/);
		await student.dispose();
	});

	for (const who of ROLES) {
		test(`no payload runs on any page ${who} opens`, async ({ page, context, baseURL }) => {
			test.setTimeout(120_000);
			await signIn(context, world, who, baseURL!);
			const findings: Findings = { hits: [], console: [], errors: [], dom: [] };
			await watch(page, findings);
			const pages = pagesFor(world, who);
			let shown = 0;
			for (const url of pages) if (await inspect(page, url, findings)) shown++;
			console.log(
				`xss ${who}: ${PAYLOADS.length} payloads, ${Object.keys(world.seeded).length} seeded columns + ${fieldsPosted} form fields, ${pages.length} pages, ${shown} showing payloads as text`
			);
			expect(findings).toEqual({ hits: [], console: [], errors: [], dom: [] });
			// The payloads really are on the pages (as text): otherwise this test would prove nothing.
			expect(shown).toBeGreaterThanOrEqual(Math.ceil(pages.length / 2));
		});
	}
});
