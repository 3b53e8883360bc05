// axe-core on every page for every role that can open it, at both widths (the two projects), plus the
// keyboard paths everyone needs: the skip link and the login form.
// With SHOTS_DIR set, each scanned page is also saved as a full-page screenshot to look at.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, gotoReady, loginAs, type DemoRole, openMenu } from './helpers';

// Full-page screenshots are slow on a busy machine.
if (process.env.SHOTS_DIR) test.describe.configure({ timeout: 120_000 });

async function scan(page: Page, name: string, project: string): Promise<void> {
	await expectAccessible(page);
	if (process.env.SHOTS_DIR) {
		const width = project === 'phone' ? 360 : 1280;
		await page.screenshot({
			path: `${process.env.SHOTS_DIR}/foundation-${name}-${width}.png`,
			fullPage: true
		});
	}
}

// Pages per role; extend when a route is added. Each entry: [url, screenshot name].
const SIGNED_IN_PAGES: Record<Exclude<DemoRole, 'studentMbo' | 'mentorMbo'>, [string, string][]> = {
	student: [
		['/student', 'student-home'],
		['/account', 'account'],
		['/account/password', 'password'],
		['/student/privacy', 'student-privacy']
	],
	mentor: [
		['/mentor', 'mentor-home'],
		['/account', 'account-mentor']
	],
	coordinator: [
		['/coordinator', 'coordinator-home'],
		['/account', 'account-coordinator']
	],
	admin: [
		['/admin', 'admin-home'],
		['/account', 'account-admin'],
		['/admin/school-year', 'admin-school-year'],
		['/admin/audit', 'admin-audit'],
		['/admin/import', 'admin-import'],
		['/admin/retention', 'admin-retention']
	],
	parent: [
		['/parent', 'parent-home'],
		['/account', 'account-parent']
	]
};

test.describe('axe-core', () => {
	test('public pages: login (also with errors), login with a code, not found', async ({ page }, info) => {
		await gotoReady(page, '/login');
		await scan(page, 'login', info.project.name);
		await page.locator('input[name="username"]').fill('iemand');
		await page.locator('input[name="password"]').fill('fout-wachtwoord');
		await page.locator('main form button[type="submit"]').click();
		await expect(page.getByRole('alert')).toBeVisible();
		await scan(page, 'login-error', info.project.name);
		await page.locator('main form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
		await page.locator('input[name="username"]').fill('');
		await page.locator('main form button[type="submit"]').click();
		await expect(page.locator('#f-username-error')).toBeVisible();
		await scan(page, 'login-field-errors', info.project.name);
		await gotoReady(page, '/login/code');
		await scan(page, 'login-code', info.project.name);
		await gotoReady(page, '/login/parent');
		await scan(page, 'login-parent', info.project.name);
		await page.goto('/bestaat-niet');
		await scan(page, 'not-found', info.project.name);
	});

	for (const [role, pages] of Object.entries(SIGNED_IN_PAGES) as [DemoRole, [string, string][]][]) {
		test(`${role} pages`, async ({ page }, info) => {
			await loginAs(page, role);
			for (const [url, name] of pages) {
				// loginAs has just opened the role's home.
				if (new URL(page.url()).pathname !== url) await page.goto(url);
				await expect(page).toHaveURL(new RegExp(`${url}$`));
				await scan(page, name, info.project.name);
			}
		});
	}

	test('mentor page showing a login code, and the password form with errors', async ({ page }, info) => {
		await loginAs(page, 'mentor');
		await page
			.getByRole('button', { name: /^Inlogcode maken voor / })
			.first()
			.click();
		await expect(page.locator('.code-display')).toBeVisible();
		await scan(page, 'mentor-code', info.project.name);
		await gotoReady(page, '/account/password');
		await page.getByLabel('Huidig wachtwoord').fill('x');
		await page.getByLabel('Nieuw wachtwoord', { exact: true }).fill('kort');
		await page.locator('main form').evaluate((f: HTMLFormElement) => (f.noValidate = true));
		await page.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(page.locator('#f-newPassword-error')).toBeVisible();
		await scan(page, 'password-errors', info.project.name);
	});

	test('in English: the coordinator home', async ({ page }, info) => {
		await gotoReady(page, '/login');
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await scan(page, 'login-en', info.project.name);
		await page.locator('input[name="username"]').fill('l.vandijk');
		await page.locator('input[name="password"]').fill('Decaan-2026');
		await page.locator('main form button[type="submit"]').click();
		await expect(page).toHaveURL(/\/coordinator$/);
		// The coordinator's saved choice is Dutch; switch on the page itself, then back for other tests.
		await openMenu(page);
		await page.getByRole('button', { name: 'English' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await scan(page, 'coordinator-home-en', info.project.name);
		await openMenu(page);
		await page.getByRole('button', { name: 'Nederlands' }).click();
		await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	});
});

test.describe('keyboard', () => {
	test('the skip link is the first stop and moves focus to the content', async ({ page }) => {
		await loginAs(page, 'student');
		await page.keyboard.press('Tab');
		const skip = page.getByRole('link', { name: 'Naar de inhoud' });
		await expect(skip).toBeFocused();
		await expect(skip).toBeInViewport();
		await page.keyboard.press('Enter');
		await expect(page.locator('main#main')).toBeFocused();
	});

	test('the login form works with the keyboard only', async ({ page }) => {
		await gotoReady(page, '/login');
		await page.keyboard.press('Tab');
		await expect(page.getByRole('link', { name: 'Naar de inhoud' })).toBeFocused();
		// With single sign-on configured (as in these tests) its button comes first.
		const sso = page.locator('a.sso');
		if (await sso.count()) {
			await page.keyboard.press('Tab');
			await expect(sso).toBeFocused();
		}
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Gebruikersnaam')).toBeFocused();
		await page.keyboard.type('l.vandijk');
		await page.keyboard.press('Tab');
		await expect(page.getByLabel('Wachtwoord')).toBeFocused();
		await page.keyboard.type('Decaan-2026');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/coordinator$/);
	});
});
