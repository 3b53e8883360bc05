import { expect, test } from '@playwright/test';
import { expectAccessible, loginAs, gotoReady } from './helpers';

test('the admin sets the retention period; a wrong value gets a message and keeps the input', async ({
	page
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one school setting per run');
	await loginAs(page, 'admin');
	await page.goto('/admin/school-year');
	const years = page.getByLabel('Aantal jaren na vertrek (1 tot 20)');
	const save = page.locator('form').filter({ has: years }).getByRole('button', { name: 'Opslaan' });
	await expect(years).toHaveValue('2');
	await years.evaluate((el: HTMLInputElement) => el.removeAttribute('max'));
	await years.fill('50');
	await save.click();
	await expect(page.locator('#f-years-error')).toBeVisible();
	await expect(years).toHaveValue('50');
	await years.fill('3');
	await save.click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	await page.reload();
	await expect(years).toHaveValue('3');
	await expectAccessible(page);
});

test("the admin sets the region's Werkcentrum; a wrong address keeps the input; an mbo student sees the link", async ({
	page,
	browser
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one school setting per run');
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/school-year');
	const name = page.getByLabel('Naam (mag leeg)');
	const url = page.getByLabel('Adres van de website (mag leeg)');
	const save = page.locator('form').filter({ has: url }).getByRole('button', { name: 'Opslaan' });
	await name.fill('Werkcentrum Testregio');
	await url.fill('http://werkcentrum.example');
	await save.click();
	await expect(page.getByText('Dit adres kan niet.')).toBeVisible();
	await expect(name).toHaveValue('Werkcentrum Testregio');
	await expect(url).toHaveValue('http://werkcentrum.example');
	await url.fill('https://werkcentrum.example/regio');
	await save.click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
	await expectAccessible(page);

	const student = await (await browser.newContext()).newPage();
	await loginAs(student, 'studentMbo');
	await student.goto('/student/goals');
	const link = student.getByRole('link', { name: /Werkcentrum Testregio/ });
	await expect(link).toHaveAttribute('href', 'https://werkcentrum.example/regio');
	await expect(link).toHaveAttribute('target', '_blank');
	await student.context().close();

	// Put the demo back: no regional address.
	await name.fill('');
	await url.fill('');
	await save.click();
	await expect(page.getByRole('status')).toHaveText('Opgeslagen.');
});

test('the coordinator sees aggregates per group and competency, without student texts', async ({ page }) => {
	await loginAs(page, 'coordinator');
	await expect(page.getByRole('heading', { name: 'Bereik per groep en vraag' })).toBeVisible();
	await expect(page.getByRole('row', { name: /3KB-A/ }).last()).toContainText(/\d+ van 13/);
	await expect(page.getByRole('heading', { name: 'Feedback van mentoren' })).toBeVisible();
	await expectAccessible(page);
});
