import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible } from './helpers';

// Issue 17: the trend over all rounds of the school, not two. The demo seed: "2025-2026" closed,
// "2026-2027" open (four tasks nobody did last year, two this year).
const shot = (name: string) => test.info().outputPath(name);

async function signIn(page: Page) {
	await page.goto('/login');
	await page.locator('input[name="username"]').fill(DEMO.coordinator.username);
	await page.locator('input[name="password"]').fill(DEMO.coordinator.password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

const wholeRow = (page: Page, round: string) =>
	page
		.getByRole('region', { name: 'De hele matrix per ronde' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: round, exact: true }) });

test('the coordinator closes the demo round, opens a new one and sees the trend over all rounds', async ({
	page
}) => {
	test.skip((page.viewportSize()?.width ?? 0) < 1000, 'the flow runs once, at desktop width');
	test.setTimeout(120_000);
	await signIn(page);
	await page.goto('/coordinator/matrix');
	await page.getByRole('link', { name: '2026-2027', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix: 2026-2027');
	const openUrl = page.url();
	let newUrl: string | undefined;
	try {
		await page.getByRole('link', { name: 'Ronde sluiten' }).click();
		await page.getByRole('button', { name: 'Ja, ronde sluiten' }).click();
		await expect(page.getByText('De ronde is gesloten.')).toBeVisible();
		await page.goto('/coordinator/matrix');
		await page.getByLabel('Naam van de ronde').fill('2027-2028 trend');
		await page.getByRole('button', { name: 'Ronde starten' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix: 2027-2028 trend');
		newUrl = page.url();

		await page.goto(`${newUrl}/compare`);
		await page.getByRole('link', { name: 'Trend over alle rondes bekijken' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trend over alle rondes');
		// Three rounds, oldest first, each with its own gaps and ratings.
		const rounds = page.getByRole('region', { name: 'De hele matrix per ronde' }).getByRole('rowheader');
		await expect(rounds).toHaveText(['2025-2026', '2026-2027', '2027-2028 trend']);
		await expect(wholeRow(page, '2025-2026').getByRole('cell').nth(2)).toHaveText('4');
		await expect(wholeRow(page, '2026-2027').getByRole('cell').nth(2)).toHaveText('2');
		await expect(wholeRow(page, '2027-2028 trend').getByRole('cell').nth(2)).toHaveText('2');
		await expect(wholeRow(page, '2025-2026').getByRole('cell').nth(3)).toContainText('oordelen');
		await expect(page.getByRole('img', { name: /Lijndiagram van het gemiddelde oordeel/ })).toBeVisible();

		// Per task, a column per round; a task nobody did last year has an owner since.
		const perTask = page.getByRole('region', { name: 'Per taak' });
		await expect(perTask.getByRole('columnheader')).toHaveText([
			'Taak',
			'2025-2026',
			'2026-2027',
			'2027-2028 trend'
		]);
		const row = perTask.getByRole('row').filter({
			has: page.getByRole('rowheader', { name: 'Doorstroom- en uitvalcijfers volgen en terugkoppelen' })
		});
		await expect(row.getByRole('cell').nth(0)).toContainText('Niemand doet het');
		await expect(row.getByRole('cell').nth(1)).toContainText('Eigenaar: Decaan/LOB-coördinator');
		await expectAccessible(page);
		await page.screenshot({ path: shot('trend-1280.png'), fullPage: true });

		const csv = await page.request.get('/coordinator/matrix/trend.csv');
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text).toContain('Doorstroom- en uitvalcijfers volgen en terugkoppelen;2027-2028 trend');
	} finally {
		// Put the demo back for the other tests: the new round goes (nobody answered it), 2026-2027 reopens.
		if (newUrl) {
			await page.goto(`${newUrl}?confirm=delete`);
			await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
			await expect(page.getByText('De ronde is verwijderd.')).toBeVisible();
		}
		await page.goto(openUrl);
		const reopen = page.getByRole('button', { name: 'Ronde heropenen' });
		if (await reopen.isVisible()) await reopen.click();
		await expect(page.getByRole('link', { name: 'Ronde sluiten' })).toBeVisible();
	}
});

test('on a phone the trend scrolls inside its own box with the task names in view', async ({ page }) => {
	test.skip((page.viewportSize()?.width ?? 0) > 500, 'phone layout only');
	await signIn(page);
	await page.goto('/coordinator/matrix/trend');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trend over alle rondes');
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	const perTask = page.getByRole('region', { name: 'Per taak' });
	const task = perTask.getByRole('rowheader', { name: 'Loopbaangesprekken voeren' });
	const before = await task.boundingBox();
	await perTask.locator('.table-wrap').evaluate((el) => el.scrollBy({ left: 400 }));
	expect((await task.boundingBox())?.x).toBe(before?.x);
	await expectAccessible(page);
	await page.screenshot({ path: shot('trend-360.png'), fullPage: true });
});
