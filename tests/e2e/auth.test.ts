// Signing in and out, bad input, sessions, language and login codes, as a user meets them in the browser.
// Tests that change an account use their own demo students (one per project), so tests can run in parallel:
// they never touch the accounts in DEMO that other tests sign in with.
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, gotoReady, loginAs, loginThroughForm, openGroup, type DemoRole, openMenu } from './helpers';

const DB_PATH = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;
const STUDENT_PASSWORD = 'Leerling-2026';

// Demo students this file changes, by project: [desktop, phone].
const OWN = {
	language: ['julia.vanleeuwen', 'sem.kok'],
	loginCode: ['fenna.hendriks', 'milan.vandermeer'],
	passwordChange: ['zoe.dekker', 'tim.mulder'],
	deactivated: ['ruben.vanwijk', 'eva.jacobs'],
	wrongPassword: ['amira.bouzid', 'stijn.vos']
} as const;
const CODE_STUDENT_NAME: Record<string, string> = {
	'fenna.hendriks': 'Fenna Hendriks',
	'milan.vandermeer': 'Milan van der Meer'
};

function own(kind: keyof typeof OWN, project: string): string {
	return OWN[kind][project === 'phone' ? 1 : 0];
}

function sql(statement: string, ...params: unknown[]): void {
	const db = new Database(DB_PATH);
	try {
		db.pragma('busy_timeout = 5000');
		db.prepare(statement).run(...params);
	} finally {
		db.close();
	}
}

async function login(page: Page, username: string, password: string): Promise<void> {
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('main form button[type="submit"]').click();
}

async function logout(page: Page): Promise<void> {
	await openMenu(page);
	await page.locator('header form[action="/logout"] button').click();
	await expect(page).toHaveURL(/\/login$/);
}

async function sessionCookie(page: Page) {
	const cookies = await page.context().cookies();
	const cookie = cookies.find((c) => c.name === 'koers_session');
	expect(cookie, 'session cookie').toBeDefined();
	return cookie!;
}

async function freshPage(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ baseURL });
	return context.newPage();
}

const ROLE_NAV: Record<Exclude<DemoRole, 'studentMbo' | 'mentorMbo'>, string> = {
	student: 'Mijn portfolio',
	mentor: 'Mijn groepen',
	coordinator: 'School',
	admin: 'Beheer',
	parent: 'Mijn kind'
};

test.describe('each role signs in', () => {
	for (const [role, label] of Object.entries(ROLE_NAV) as [keyof typeof ROLE_NAV, string][]) {
		test(`${role} lands on ${DEMO[role].home} with its navigation`, async ({ page }) => {
			await page.goto(DEMO[role].home);
			await expect(page).toHaveURL(/\/login\?redirectTo=/);
			await loginThroughForm(page, role);
			await expect(page).toHaveURL(new RegExp(`${DEMO[role].home}$`));
			await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
			await openMenu(page);
			const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
			await expect(nav.getByRole('link', { name: label })).toHaveAttribute('aria-current', 'page');
			await expect(nav.getByRole('link', { name: 'Mijn account' })).toBeVisible();
			for (const [other, otherLabel] of Object.entries(ROLE_NAV))
				if (other !== role && otherLabel !== label)
					await expect(nav.getByRole('link', { name: otherLabel, exact: true })).toHaveCount(0);
			// The session cookie is not readable by scripts and not sent cross-site.
			const cookie = await sessionCookie(page);
			expect(cookie.httpOnly).toBe(true);
			expect(cookie.sameSite).toBe('Lax');
		});
	}

	test('the redirectTo target is honoured after login, but never another site', async ({ page }) => {
		await gotoReady(page, '/account');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
		await page.locator('input[name="username"]').fill(DEMO.coordinator.username);
		await page.locator('input[name="password"]').fill(DEMO.coordinator.password);
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/account$/);
		await logout(page);
		await gotoReady(page, '/login?redirectTo=//evil.example/x');
		await page.locator('input[name="username"]').fill(DEMO.coordinator.username);
		await page.locator('input[name="password"]').fill(DEMO.coordinator.password);
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/localhost:\d+\/coordinator$/);
	});
});

test.describe('bad input on the login form', () => {
	test('wrong password and unknown user get the same Dutch message; the name stays, the password not', async ({
		page
	}, info) => {
		const user = own('wrongPassword', info.project.name);
		const texts: string[] = [];
		for (const name of [user, `onbekend.${info.project.name}`]) {
			await login(page, name, 'Helemaal-fout-1');
			await expect(page).toHaveURL(/\/login$/);
			const alert = page.getByRole('alert');
			await expect(alert).toHaveText('Gebruikersnaam of wachtwoord klopt niet.');
			texts.push((await alert.textContent()) ?? '');
			await expect(page.locator('input[name="username"]')).toHaveValue(name);
			await expect(page.locator('input[name="password"]')).toHaveValue('');
		}
		expect(texts[0]).toBe(texts[1]);
	});

	test('empty fields: the browser asks first; without that check, the server names each field', async ({
		page
	}) => {
		await gotoReady(page, '/login');
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/login$/);
		const invalid = await page
			.locator('input[name="username"]')
			.evaluate((el: HTMLInputElement) => !el.validity.valid);
		expect(invalid).toBe(true);
		await page.locator('main form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
		await page.locator('main form button[type="submit"]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await expect(page.locator('#f-username-error')).toHaveText('Vul dit in.');
		await expect(page.locator('#f-password-error')).toHaveText('Vul dit in.');
		await expect(page.locator('input[name="username"]')).toHaveAttribute('aria-invalid', 'true');
	});

	test('10,000-character fields get a clear message, never a 500', async ({ page, request, baseURL }) => {
		const long = 'x'.repeat(10_000);
		await gotoReady(page, '/login');
		await page.locator('main form').evaluate((f: HTMLFormElement) => {
			f.noValidate = true;
			for (const input of f.querySelectorAll('input')) input.removeAttribute('maxlength');
		});
		await page.locator('input[name="username"]').fill(long);
		await page.locator('input[name="password"]').fill(long);
		await page.locator('main form button[type="submit"]').click();
		await expect(page.locator('#f-username-error')).toHaveText('Dit is te lang: maximaal 100 tekens.');
		await expect(page.locator('#f-password-error')).toHaveText('Dit is te lang: maximaal 200 tekens.');

		// The same without JavaScript, straight to the server.
		for (const path of ['/login', '/login/code']) {
			const res = await request.post(path, {
				form: { username: long, password: long, code: long },
				// As a browser without JavaScript posts it.
				headers: { Origin: baseURL!, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status(), path).toBe(400);
			expect(await res.text()).toContain('te lang');
		}
	});

	test('a wrong login code gets a clear message', async ({ page }) => {
		await gotoReady(page, '/login/code');
		await page.getByLabel('Inlogcode').fill('AAAAA-BBBBB');
		await page.getByRole('button', { name: 'Verder' }).click();
		await expect(page.locator('#f-code-error')).toContainText('Deze code klopt niet');
	});

	test('a cross-origin form post is refused with 403', async ({ request, page, baseURL }) => {
		const evil = { Origin: 'http://evil.example' };
		const res = await request.post('/login', {
			form: { username: DEMO.student.username, password: DEMO.student.password },
			headers: evil,
			maxRedirects: 0
		});
		expect(res.status()).toBe(403);
		// A signed-in victim's cookie does not help a cross-site logout either.
		await loginAs(page, 'coordinator');
		const cookie = await sessionCookie(page);
		const logoutRes = await page.request.post('/logout', { form: {}, headers: evil, maxRedirects: 0 });
		expect(logoutRes.status()).toBe(403);
		await page.goto('/coordinator');
		await expect(page).toHaveURL(/\/coordinator$/);
		expect((await sessionCookie(page)).value).toBe(cookie.value);
		expect(baseURL).toContain('localhost');
	});
});

test.describe('sessions', () => {
	test('a forged or tampered session cookie gives the login page', async ({ page, browser, baseURL }) => {
		await loginAs(page, 'student');
		const real = await sessionCookie(page);
		const [id, secret] = real.value.split('.');
		// The last two characters changed. A fixed "aa" was the real ending once in 64 logins: the last base32
		// character of 32 random bytes carries a single bit, so it is "a" half of the time.
		const tampered = secret.slice(0, -2) + (secret.endsWith('aa') ? 'bb' : 'aa');
		const forged = ['nonsense', `${id}.${tampered}`, `${'a'.repeat(24)}.${secret}`, 'x'.repeat(3000)];
		for (const value of forged) {
			const p = await freshPage(browser, baseURL);
			await p.context().addCookies([{ name: 'koers_session', value, url: baseURL! }]);
			const res = await p.goto('/student');
			expect(res?.status()).toBeLessThan(500);
			await expect(p).toHaveURL(/\/login\?redirectTo=%2Fstudent$/);
			await p.context().close();
		}
		// Guessing did not end the real session.
		await page.reload();
		await expect(page).toHaveURL(/\/student$/);
	});

	test('an expired session gives the login page', async ({ page, browser, baseURL }) => {
		await loginAs(page, 'mentor');
		const cookie = await sessionCookie(page);
		sql('UPDATE session SET expires_at = ? WHERE id = ?', Date.now() - 1000, cookie.value.split('.')[0]);
		await page.goto('/mentor');
		await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmentor$/);
		// The expired session is gone for good: the old cookie does not come back to life.
		const p = await freshPage(browser, baseURL);
		await p.context().addCookies([{ name: 'koers_session', value: cookie.value, url: baseURL! }]);
		await p.goto('/mentor');
		await expect(p).toHaveURL(/\/login/);
		await p.context().close();
	});

	test('logout ends the session: the old cookie no longer works', async ({ page, browser, baseURL }) => {
		await loginAs(page, 'student');
		const cookie = await sessionCookie(page);
		await logout(page);
		expect((await page.context().cookies()).find((c) => c.name === 'koers_session')).toBeUndefined();
		const p = await freshPage(browser, baseURL);
		await p.context().addCookies([{ name: 'koers_session', value: cookie.value, url: baseURL! }]);
		await p.goto('/student');
		await expect(p).toHaveURL(/\/login/);
		await p.context().close();
	});

	test('a deactivated account cannot log in, and its open session ends', async ({
		page,
		browser,
		baseURL
	}, info) => {
		const user = own('deactivated', info.project.name);
		await login(page, user, STUDENT_PASSWORD);
		await expect(page).toHaveURL(/\/student$/);
		sql('UPDATE user SET active = 0 WHERE username = ?', user);
		await page.reload();
		await expect(page).toHaveURL(/\/login/);
		const p = await freshPage(browser, baseURL);
		await login(p, user, STUDENT_PASSWORD);
		await expect(p.getByRole('alert')).toHaveText('Gebruikersnaam of wachtwoord klopt niet.');
		await p.context().close();
	});

	test('a password change ends the other sessions of the user', async ({ browser, baseURL }, info) => {
		const user = own('passwordChange', info.project.name);
		const a = await freshPage(browser, baseURL);
		const b = await freshPage(browser, baseURL);
		await login(a, user, STUDENT_PASSWORD);
		await login(b, user, STUDENT_PASSWORD);
		await expect(b).toHaveURL(/\/student$/);
		await gotoReady(a, '/account/password');
		await a.getByLabel('Huidig wachtwoord').fill('fout-wachtwoord');
		await a.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Een-nieuw-wachtwoord-7');
		await a.getByLabel('Herhaal het nieuwe wachtwoord').fill('Een-nieuw-wachtwoord-7');
		await a.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(a.locator('#f-currentPassword-error')).toHaveText('Je huidige wachtwoord klopt niet.');
		await a.getByLabel('Huidig wachtwoord').fill(STUDENT_PASSWORD);
		await a.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Een-nieuw-wachtwoord-7');
		await a.getByLabel('Herhaal het nieuwe wachtwoord').fill('Een-nieuw-wachtwoord-7');
		await a.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(a).toHaveURL(/\/student\?changed=password$/);
		await expect(a.getByRole('status')).toHaveText('Je wachtwoord is veranderd.');
		await b.reload();
		await expect(b).toHaveURL(/\/login/);
		await a.reload();
		await expect(a).toHaveURL(/\/student/);
		await login(b, user, 'Een-nieuw-wachtwoord-7');
		await expect(b).toHaveURL(/\/student$/);
		await a.context().close();
		await b.context().close();
	});
});

test('switching to English and back: lang, texts, and the choice kept per user', async ({
	page,
	browser,
	baseURL
}, info) => {
	const user = own('language', info.project.name);
	await login(page, user, STUDENT_PASSWORD);
	await expect(page).toHaveURL(/\/student$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await openMenu(page);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page).toHaveURL(/\/student$/);
	await openMenu(page);
	await expect(
		page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My portfolio' })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Hi /);
	await page.getByRole('button', { name: 'Log out' }).click();
	await expect(page).toHaveURL(/\/login$/);

	// Another browser without the language cookie: the account remembers English.
	const p = await freshPage(browser, baseURL);
	await gotoReady(p, '/login');
	await expect(p.locator('html')).toHaveAttribute('lang', 'nl');
	await login(p, user, STUDENT_PASSWORD);
	await expect(p).toHaveURL(/\/student$/);
	await expect(p.locator('html')).toHaveAttribute('lang', 'en');
	await openMenu(p);
	await p.getByRole('button', { name: 'Nederlands' }).click();
	await expect(p.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(p.getByRole('heading', { level: 1 })).toHaveText(/^Hoi /);
	await p.context().close();

	await login(page, user, STUDENT_PASSWORD);
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await openMenu(page);
	await expect(page.getByRole('navigation', { name: 'Hoofdmenu' })).toBeVisible();
});

test('the login page itself switches language without an account', async ({ page }) => {
	await gotoReady(page, '/login');
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
	await page.getByRole('button', { name: 'Nederlands' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen');
});

test('login code: mentor makes one, the student uses it once and sets a new password', async ({
	page,
	browser,
	baseURL
}, info) => {
	const user = own('loginCode', info.project.name);
	await loginAs(page, 'mentor');
	await openGroup(page, '3KB-A');
	await page.getByRole('button', { name: `Inlogcode maken voor ${CODE_STUDENT_NAME[user]}` }).click();
	const code = (await page.locator('.code-display').textContent())?.trim() ?? '';
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);

	const s = await freshPage(browser, baseURL);
	await s.goto('/login');
	await s.getByRole('link', { name: 'Inloggen met een code' }).click();
	await s.getByLabel('Inlogcode').fill(code.toLowerCase().replace('-', ' '));
	await s.getByRole('button', { name: 'Verder' }).click();
	await expect(s).toHaveURL(/\/account\/password$/);
	await expect(s.getByText('Kies eerst een nieuw wachtwoord.')).toBeVisible();
	await expect(s.getByLabel('Huidig wachtwoord')).toHaveCount(0);
	// Nothing else opens before the new password is set.
	await gotoReady(s, '/student');
	await expect(s).toHaveURL(/\/account\/password$/);
	await s.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Mijn-eigen-zin-2026');
	await s.getByLabel('Herhaal het nieuwe wachtwoord').fill('Mijn-eigen-zin-2026');
	await s.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(s).toHaveURL(/\/student\?changed=password$/);
	await logout(s);

	await gotoReady(s, '/login/code');
	await s.getByLabel('Inlogcode').fill(code);
	await s.getByRole('button', { name: 'Verder' }).click();
	await expect(s.locator('#f-code-error')).toContainText('Deze code klopt niet');

	await login(s, user, 'Mijn-eigen-zin-2026');
	await expect(s).toHaveURL(/\/student$/);
	await s.context().close();
});

test('what someone types before the page has loaded its scripts is kept (a slow phone)', async ({ page }) => {
	let release = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.locator('input[name="username"]').fill(DEMO.coordinator.username);
	await page.locator('input[name="password"]').fill(DEMO.coordinator.password);
	release();
	await page.waitForLoadState('networkidle');
	await expect(page.locator('input[name="username"]')).toHaveValue(DEMO.coordinator.username);
	await expect(page.locator('input[name="password"]')).toHaveValue(DEMO.coordinator.password);
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/coordinator$/);
});
