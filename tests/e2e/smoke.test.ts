import { expect, test } from '@playwright/test';
import { gotoReady } from './helpers';

test('a student logs in and lands on their portfolio home', async ({ page }) => {
	await gotoReady(page, '/');
	await expect(page).toHaveURL(/\/login/);
	await page.getByLabel('Gebruikersnaam').fill('sanne.devries');
	await page.getByLabel('Wachtwoord').fill('Leerling-2026');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/student$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hoi Sanne!');
});
