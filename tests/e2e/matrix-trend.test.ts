import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs } from './helpers';

// Issue 17: the trend over all rounds of the school, not two. The demo seed: "2025-2026" closed, "2026-2027"
// open (four tasks nobody did last year, two this year). Read only: other matrix suites edit the open round
// meanwhile; a third round, an added and a removed task are covered by src/lib/server/matrix/trend.test.ts.
const shot = (name: string) => test.info().outputPath(name);

const wholeRow = (page: Page, round: string) =>
	page
		.getByRole('region', { name: 'De hele matrix per ronde' })
		.getByRole('row')
		.filter({ has: page.getByRole('rowheader', { name: round, exact: true }) });

test('the coordinator reads the trend over all rounds, from the compare page, with its CSV', async ({
	page
}) => {
	test.skip((page.viewportSize()?.width ?? 0) < 1000, 'the flow runs once, at desktop width');
	await loginAs(page, 'coordinator');
	await page.goto('/coordinator/matrix');
	await page.getByRole('link', { name: '2026-2027', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Matrix: 2026-2027');
	await page.goto(`${page.url()}/compare`);
	await page.getByRole('link', { name: 'Trend over alle rondes bekijken' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trend over alle rondes');
	// Every round, oldest first, each with its own gaps and ratings.
	const rounds = page.getByRole('region', { name: 'De hele matrix per ronde' }).getByRole('rowheader');
	await expect(rounds).toHaveText(['2025-2026', '2026-2027']);
	await expect(wholeRow(page, '2025-2026').getByRole('cell').nth(2)).toHaveText('4');
	await expect(wholeRow(page, '2025-2026').getByRole('cell').nth(3)).toContainText('oordelen');
	await expect(page.getByRole('img', { name: /Lijndiagram van het gemiddelde oordeel/ })).toBeVisible();

	// Per task, a column per round; a task nobody did last year has an owner since.
	const perTask = page.getByRole('region', { name: 'Per taak' });
	await expect(perTask.getByRole('columnheader')).toHaveText(['Taak', '2025-2026', '2026-2027']);
	const row = perTask.getByRole('row').filter({
		has: page.getByRole('rowheader', { name: 'Doorstroom- en uitvalcijfers volgen en terugkoppelen' })
	});
	await expect(row.getByRole('cell').nth(0)).toContainText('Niemand doet het');
	await expect(row.getByRole('cell').nth(1)).toContainText('Eigenaar: Decaan/LOB-coördinator');
	await expectAccessible(page);
	await page.screenshot({ path: shot('trend-1280.png'), fullPage: true });

	const csv = await page.request.get('/coordinator/matrix/trend.csv');
	expect(csv.status()).toBe(200);
	expect(await csv.text()).toContain('Doorstroom- en uitvalcijfers volgen en terugkoppelen;2026-2027');
});

test('on a phone the trend scrolls inside its own box with the task names in view', async ({ page }) => {
	test.skip((page.viewportSize()?.width ?? 0) > 500, 'phone layout only');
	await loginAs(page, 'coordinator');
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
