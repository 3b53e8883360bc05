import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, gotoReady } from './helpers';

// The provider is tests/oidc/provider.js, started by playwright.config.ts; its development login screen
// takes any password.
async function ssoLogin(page: Page, account: string): Promise<void> {
	// A fresh browser session: cookies on localhost are shared between the app's and the provider's ports.
	await page.context().clearCookies();
	await gotoReady(page, '/login');
	const appPort = new URL(page.url()).port;
	await page.getByRole('link', { name: 'Inloggen met Entree' }).click();
	await page.locator('input[name="login"]').fill(account);
	await page.locator('input[name="password"]').fill('any');
	await page.locator('button[type="submit"]').click();
	// The provider asks for consent the first time an account meets the client.
	await page.waitForURL((url) => url.port === appPort || url.pathname.includes('/interaction/'));
	if (new URL(page.url()).port !== appPort) {
		await page.locator('button[type="submit"]').click();
		await page.waitForURL((url) => url.port === appPort);
	}
}

test('a student logs in through the school identity provider and gets a student account', async ({
	page
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one SSO round per account: accounts are created once');
	await page.goto('/login');
	await expectAccessible(page);
	await ssoLogin(page, 'entree-leerling');
	await expect(page).toHaveURL(/\/student$/);
	await expect(page.getByText('Noor Hoekstra')).toBeVisible();
	// Logging in again finds the same account.
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await ssoLogin(page, 'entree-leerling');
	await expect(page).toHaveURL(/\/student$/);
});

test('an employee is linked on e-mail or becomes a staff member', async ({ page }, info) => {
	test.skip(info.project.name !== 'desktop', 'one SSO round per account');
	await ssoLogin(page, 'entree-docent');
	await expect(page).toHaveURL(/\/lob-taken$|\/account$/);
	await page.goto('/account');
	await expect(page.getByText('Pieter Smits').first()).toBeVisible();
	await expect(page.getByText('Medewerker')).toBeVisible();
});

test('an unknown school and a missing affiliation get a clear message', async ({ page }, info) => {
	test.skip(info.project.name !== 'phone', 'the phone project checks the refusals');
	await ssoLogin(page, 'andere-school');
	await expect(page).toHaveURL(/\/login\?sso=unknown_school/);
	await expect(page.getByRole('alert')).toContainText('Je school gebruikt Koers nog niet');
	await ssoLogin(page, 'zonder-rol');
	await expect(page.getByRole('alert')).toContainText('leerling of medewerker');
	await expectAccessible(page);
});
