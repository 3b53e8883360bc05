import { expect, test } from '@playwright/test';
import { gotoReady, loginAs, openMenu } from './helpers';

test('a file out of scope is the app’s own not-found page in the reader’s language, with a way back', async ({
	page
}) => {
	await loginAs(page, 'student');
	const response = await page.goto('/files/999999');
	expect(response?.status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	await expect(page.getByRole('link', { name: 'Naar de startpagina' })).toHaveAttribute('href', '/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

// A demo student no other test signs in as: their language becomes English here.
const ENGLISH_STUDENT = 'emma.vandam';

test('an English user gets every 404 in English, from pages and endpoints alike, with a way back', async ({
	page,
	baseURL
}) => {
	const res = await page.request.post('/login', {
		form: { username: ENGLISH_STUDENT, password: 'Leerling-2026' },
		headers: { Origin: baseURL!, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status()).toBe(303);
	await gotoReady(page, '/student');
	await openMenu(page);
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	// An unknown page, a file out of scope, an endpoint the guard refuses, another role's export.
	for (const url of [
		'/bestaat-niet',
		'/files/999999',
		'/admin/users/1/export',
		'/coordinator/programme/export.csv'
	]) {
		const response = await page.goto(url);
		expect(response?.status(), url).toBe(404);
		await expect(page.locator('html'), url).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('heading', { level: 1 }), url).toHaveText('This page does not exist');
		await expect(page.getByRole('link', { name: 'Go to the start page' }), url).toHaveAttribute('href', '/');
	}
	await page.screenshot({ path: test.info().outputPath('endpoint-404-en.png') });
});
