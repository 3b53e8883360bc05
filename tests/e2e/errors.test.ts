import { expect, test } from '@playwright/test';
import { loginAs } from './helpers';

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
