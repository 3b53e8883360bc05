// Sessions and login (issue #8, item 2), over real HTTP: the Set-Cookie a browser gets, a fresh token on every
// login, the password change renewing the token, the list of one's own sessions on /account, and throttling
// that answers the same for an account that exists and one that does not. The unit tests (session.test.ts,
// accounts.test.ts, login-timing.test.ts, rate-limit.test.ts) cover expiry, sliding renewal and the limits.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { expectAccessible, gotoReady } from './helpers';

const PASSWORD = 'Leerling-2026';
// Demo students only this file signs in with, by project: [desktop, phone].
const OWN = {
	list: ['noa.smit', 'finn.deboer'],
	renew: ['lars.peters', 'iris.willems'],
	fixation: ['kevin.nguyen', 'bram.dejong'],
	throttled: ['yara.koster', 'fatima.ouali']
} as const;
const own = (kind: keyof typeof OWN, project: string) => OWN[kind][project === 'phone' ? 1 : 0];

const IPHONE =
	'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

async function login(
	baseURL: string,
	username: string,
	password = PASSWORD,
	extra: { userAgent?: string; cookie?: string } = {}
): Promise<{ client: APIRequestContext; status: number; setCookie: string; token: string; body: string }> {
	const client = await playwrightRequest.newContext({ baseURL, userAgent: extra.userAgent });
	const res = await client.post('/login', {
		form: { username, password },
		headers: {
			Origin: baseURL,
			Accept: 'text/html',
			...(extra.cookie ? { Cookie: `koers_session=${extra.cookie}` } : {})
		},
		maxRedirects: 0
	});
	const setCookie = res
		.headersArray()
		.filter((h) => h.name.toLowerCase() === 'set-cookie' && h.value.startsWith('koers_session='))
		.map((h) => h.value)
		.join('\n');
	const token = /^koers_session=([^;]*)/.exec(setCookie)?.[1] ?? '';
	return {
		client,
		status: res.status(),
		setCookie,
		token,
		body: res.status() === 303 ? '' : await res.text()
	};
}

/** Does this token still sign someone in? */
async function works(baseURL: string, token: string): Promise<boolean> {
	const client = await playwrightRequest.newContext({ baseURL });
	const res = await client.get('/account', {
		headers: { Cookie: `koers_session=${token}` },
		maxRedirects: 0
	});
	await client.dispose();
	return res.status() === 200;
}

test('the session cookie: HttpOnly, SameSite=Lax, Path=/, 14 days, not Secure on plain http', async ({
	baseURL
}, info) => {
	const { client, status, setCookie } = await login(baseURL!, own('fixation', info.project.name));
	expect(status).toBe(303);
	const attrs = setCookie.split(';').map((p) => p.trim().toLowerCase());
	expect(attrs).toContain('httponly');
	expect(attrs).toContain('samesite=lax');
	expect(attrs).toContain('path=/');
	// Secure is set when the app runs behind https (ORIGIN=https://…; see session.test.ts); the e2e server is http.
	expect(attrs).not.toContain('secure');
	const expires = Date.parse(attrs.find((a) => a.startsWith('expires='))!.slice('expires='.length));
	expect(Math.abs(expires - (Date.now() + 14 * 24 * 3600 * 1000))).toBeLessThan(10 * 60 * 1000);
	await client.dispose();
});

test('no session fixation: a planted cookie is never promoted; logging in again ends the old token', async ({
	baseURL
}, info) => {
	const username = own('fixation', info.project.name);
	const planted = `${'a'.repeat(24)}.${'b'.repeat(52)}`;
	const first = await login(baseURL!, username, PASSWORD, { cookie: planted });
	expect(first.status).toBe(303);
	expect(first.token).not.toBe(planted);
	expect(first.token).toMatch(/^[a-z2-7]+\.[a-z2-7]+$/);
	expect(await works(baseURL!, planted)).toBe(false);
	expect(await works(baseURL!, first.token)).toBe(true);
	// The same browser signs in again (a shared school computer, the next student): a new token, and the one
	// it came with is over.
	const second = await login(baseURL!, username, PASSWORD, { cookie: first.token });
	expect(second.token).not.toBe(first.token);
	expect(await works(baseURL!, first.token)).toBe(false);
	expect(await works(baseURL!, second.token)).toBe(true);
	await first.client.dispose();
	await second.client.dispose();
});

test('a password change ends the other sessions and renews the current token', async ({
	page,
	baseURL
}, info) => {
	const username = own('renew', info.project.name);
	const other = await login(baseURL!, username);
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/student/);
	const before = (await page.context().cookies()).find((c) => c.name === 'koers_session')!.value;
	await gotoReady(page, '/account/password');
	await page.locator('input[name="currentPassword"]').fill(PASSWORD);
	await page.locator('input[name="newPassword"]').fill('Nieuw-wachtwoord-2026');
	await page.locator('input[name="repeatPassword"]').fill('Nieuw-wachtwoord-2026');
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/changed=password/);
	const after = (await page.context().cookies()).find((c) => c.name === 'koers_session')!.value;
	expect(after).not.toBe(before);
	expect(await works(baseURL!, before)).toBe(false);
	expect(await works(baseURL!, other.token)).toBe(false);
	expect(await works(baseURL!, after)).toBe(true);
	await other.client.dispose();
});

test('a student sees where they are signed in and signs other devices out, without JavaScript', async ({
	browser,
	baseURL
}, info) => {
	const username = own('list', info.project.name);
	const phone = await login(baseURL!, username, PASSWORD, { userAgent: IPHONE });
	const tablet = await login(baseURL!, username);
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
	const page = await context.newPage();
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(PASSWORD);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/student/);

	await page.goto('/account');
	const list = page.getByRole('region', { name: 'Waar je bent ingelogd' }).getByRole('listitem');
	await expect(list).toHaveCount(3);
	await expect(list.first()).toContainText('Dit apparaat');
	await expect(page.getByText('Safari op iOS')).toBeVisible();

	// axe needs scripts: the same list, seen from the tablet's session in a normal browser.
	const withScripts = await browser.newContext({ baseURL });
	await withScripts.addCookies([{ name: 'koers_session', value: tablet.token, url: baseURL! }]);
	const check = await withScripts.newPage();
	await gotoReady(check, '/account');
	await expect(check.getByText('Safari op iOS')).toBeVisible();
	await expectAccessible(check);
	await withScripts.close();

	// One device: the phone.
	await page.getByRole('button', { name: 'Safari op iOS afmelden' }).click();
	await expect(page.getByRole('status')).toHaveText('Dat apparaat is afgemeld.');
	await expect(list).toHaveCount(2);
	expect(await works(baseURL!, phone.token)).toBe(false);
	expect(await works(baseURL!, tablet.token)).toBe(true);

	// All the others.
	await page.getByRole('button', { name: 'Meld alle andere apparaten af' }).click();
	await expect(page.getByRole('status')).toHaveText('Alle andere apparaten zijn afgemeld.');
	await expect(list).toHaveCount(1);
	await expect(page.getByText('Je bent alleen op dit apparaat ingelogd.')).toBeVisible();
	expect(await works(baseURL!, tablet.token)).toBe(false);
	// This device still works.
	await page.goto('/student');
	await expect(page).toHaveURL(/\/student$/);
	await context.close();
	await phone.client.dispose();
	await tablet.client.dispose();
});

test('throttling answers the same for an account that exists and one that does not', async ({
	baseURL
}, info) => {
	const real = own('throttled', info.project.name);
	const ghost = `niemand.${info.project.name}`;
	const answers: Record<string, { status: number; message: string }[]> = { [real]: [], [ghost]: [] };
	for (const name of [real, ghost]) {
		for (let i = 0; i < 6; i++) {
			const r = await login(baseURL!, name, 'Fout-wachtwoord-1');
			const message = /<p[^>]*class="notice error"[^>]*>([^<]*)</.exec(r.body)?.[1]?.trim() ?? '';
			answers[name].push({ status: r.status, message });
			await r.client.dispose();
		}
	}
	// Five failures, then the account is held for 15 minutes, whether or not it exists.
	expect(answers[real].map((a) => a.status)).toEqual([400, 400, 400, 400, 400, 400]);
	expect(answers[real][0].message).toBe('Gebruikersnaam of wachtwoord klopt niet.');
	expect(answers[real][5].message).toMatch(/^Te vaak geprobeerd\. Wacht 15 minuten/);
	expect(answers[ghost]).toEqual(answers[real]);
	// Even the right password is refused while the account is held.
	const blocked = await login(baseURL!, real);
	expect(blocked.status).toBe(400);
	await blocked.client.dispose();
});
