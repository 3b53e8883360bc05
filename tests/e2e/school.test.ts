import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers';

test('the admin sets the retention period; a wrong value gets a message and keeps the input', async ({
	page
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one school setting per run');
	await loginAs(page, 'admin');
	await page.goto('/admin/school-year');
	const years = page.getByLabel('Aantal jaren na vertrek (1 tot 20)');
	await expect(years).toHaveValue('2');
	await years.evaluate((el: HTMLInputElement) => el.removeAttribute('max'));
	await years.fill('50');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.locator('#f-years-error')).toBeVisible();
	await expect(years).toHaveValue('50');
	await years.fill('3');
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	await page.reload();
	await expect(years).toHaveValue('3');
	await expectAccessible(page);
});

test('the coordinator sees aggregates per group and competency, without student texts', async ({ page }) => {
	await loginAs(page, 'coordinator');
	await expect(page.getByRole('heading', { name: 'Bereik per groep en vraag' })).toBeVisible();
	await expect(page.getByRole('row', { name: /3KB-A/ }).last()).toContainText(/\d+ van 13/);
	await expect(page.getByRole('heading', { name: 'Feedback van mentoren' })).toBeVisible();
	await expectAccessible(page);
});
