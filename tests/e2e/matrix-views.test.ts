import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectAccessible, gotoReady } from './helpers';

// Issue 17's acceptance: every respondent's view reaches the coordinator (an empty cell as "not answered",
// never as "geen"), agreeing never defaults to a missing answer, and a closed round keeps its lists.
// The demo seed: "2026-2027" open with respondents m.jansen, l.vandijk, p.desmet and a.bos; "2025-2026" closed.
const TASK = 'Regionale afspraken (vo–mbo–hbo)';
const ACTOR = 'Gemeente (RMC/leerplicht)';
const shot = (name: string) => `/work/shots-matrix/${name}`;

async function signIn(page: Page, username: string, password: string) {
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).not.toHaveURL(/\/login/, { timeout: 20_000 });
}

async function session(browser: Browser, username: string, password: string, width = 1280) {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	const page = await context.newPage();
	await signIn(page, username, password);
	return { page, close: () => context.close() };
}

async function openRound(page: Page, name: string) {
	await page.goto('/coordinator/matrix');
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matrix: ${name}`);
	return page.url();
}

const cellLink = (page: Page, task: string, actor: string) =>
	page.getByRole('link', {
		name: new RegExp(`^${task.replace(/[()]/g, '\\$&')}, ${actor.replace(/[()/]/g, '\\$&')}:`)
	});

/** A respondent fills one cell on its own page (the form that works without JavaScript). */
async function answer(
	page: Page,
	href: string,
	values: { part?: string; rating?: string; how?: string; wish?: string }
) {
	await gotoReady(page, href);
	if (values.part) await page.getByLabel(values.part, { exact: true }).check();
	if (values.rating) await page.getByLabel(values.rating).check();
	if (values.how) await page.getByLabel('Hoe (werkwijze, moment, hoe vaak)').fill(values.how);
	if (values.wish) await page.getByLabel('Gewenste situatie').fill(values.wish);
	await page.getByRole('button', { name: 'Opslaan' }).click();
}

test.describe('the team judgement per cell', () => {
	test.skip(({ viewport }) => (viewport?.width ?? 0) < 1000, 'desktop flow');
	test.describe.configure({ timeout: 180_000 });

	test('three respondents differ, one leaves the cell empty; the coordinator sees every view and agrees from an empty choice', async ({
		page,
		browser
	}) => {
		const coordinator = DEMO.coordinator;
		await signIn(page, coordinator.username, coordinator.password);
		const roundUrl = await openRound(page, '2026-2027');
		const href = new URL((await cellLink(page, TASK, ACTOR).getAttribute('href')) ?? '', page.url()).pathname;
		const mine = href.replace('/coordinator/matrix/', '/lob-taken/');

		// m.jansen: uitvoerend, 4, with how. p.desmet: first forgets the part (an error, nothing lost), then
		// ondersteunend, 2, with a wish. a.bos leaves the cell empty, and so does the coordinator.
		const jansen = await session(browser, DEMO.mentor.username, DEMO.mentor.password);
		await answer(jansen.page, mine, {
			part: 'Uitvoerend',
			rating: '4 – goed',
			how: 'Overleg met het RMC elk kwartaal.'
		});
		await expect(jansen.page).toHaveURL(/saved=1/);
		await jansen.close();
		const desmet = await session(browser, 'p.desmet', 'Docent-2026');
		await answer(desmet.page, mine, { rating: '2 – matig', wish: 'Vaste afspraken met de gemeente.' });
		await expect(desmet.page.getByText('Kies een rol uit de lijst.')).toBeVisible();
		await expect(desmet.page.getByLabel('2 – matig')).toBeChecked();
		await expect(desmet.page.getByLabel('Gewenste situatie')).toHaveValue('Vaste afspraken met de gemeente.');
		await desmet.page.getByLabel('Ondersteunend', { exact: true }).check();
		await desmet.page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(desmet.page).toHaveURL(/saved=1/);
		await desmet.close();

		// The grid shows the spread and marks both differences.
		await page.goto(roundUrl);
		await expect(cellLink(page, TASK, ACTOR)).toHaveAccessibleName(
			/oordelen respondenten 2–4, rollen verschillen, oordelen liggen ver uiteen/
		);
		await page
			.locator(`[id^="c-"]`)
			.filter({ has: cellLink(page, TASK, ACTOR) })
			.scrollIntoViewIfNeeded();
		await page.screenshot({ path: shot('grid-spread-1280.png') });

		// The dialog: every respondent, the empty ones as not answered.
		await cellLink(page, TASK, ACTOR).click();
		const dialog = page.getByRole('dialog');
		const views = dialog.getByRole('region', { name: 'Wat de respondenten zeggen' });
		// The four of the demo round; other suites may invite more respondents to it meanwhile.
		await expect(views.getByRole('listitem')).not.toHaveCount(0);
		await expect(views.getByRole('listitem').filter({ hasText: 'Jansen' })).toContainText(
			'Uitvoerend · 4 – goed'
		);
		await expect(views.getByRole('listitem').filter({ hasText: 'Jansen' })).toContainText(
			'Overleg met het RMC elk kwartaal.'
		);
		await expect(views.getByRole('listitem').filter({ hasText: 'de Smet' })).toContainText(
			'Ondersteunend · 2 – matig'
		);
		await expect(views.getByRole('listitem').filter({ hasText: 'de Smet' })).toContainText(
			'Vaste afspraken met de gemeente.'
		);
		await expect(views.getByRole('listitem').filter({ hasText: 'Bos' })).toContainText('Niet ingevuld');
		await expect(views).toContainText(/2 van \d+ respondenten/);
		// Nothing is pre-selected: the cell was never agreed.
		await expect(dialog.getByRole('radio', { checked: true })).toHaveCount(1);
		await expect(dialog.getByLabel('Nog geen oordeel')).toBeChecked();
		await expectAccessible(page);
		await page.screenshot({ path: shot('cell-views-dialog-1280.png') });
		await page.keyboard.press('Escape');

		// The page without JavaScript shows the same views.
		await page.goto(href);
		await expect(
			page
				.getByRole('region', { name: 'Wat de respondenten zeggen' })
				.getByRole('listitem')
				.filter({ hasText: 'Jansen' })
		).toContainText('Uitvoerend');

		// Verschillen: parts and ratings, not answered counted apart, the choice starts empty.
		await page.goto(`${roundUrl}/differences`);
		const card = page
			.locator('li', { has: page.getByRole('heading', { name: new RegExp(TASK.replace(/[()]/g, '\\$&')) }) })
			.filter({ hasText: ACTOR });
		await expect(card).toContainText('Uitvoerend: 1');
		await expect(card).toContainText('Ondersteunend: 1');
		// The views: only the parts given; the empty cells are counted apart, never as "Geen rol".
		await expect(card.locator('dd').first()).not.toContainText('Geen rol');
		await expect(card).toContainText('2, 4');
		// Not answered: a.bos and the coordinator, and any respondent other suites invited meanwhile.
		expect(Number(await card.locator('dd').nth(2).textContent())).toBeGreaterThanOrEqual(2);
		await expect(card.getByLabel('Afspreken als')).toHaveValue('');
		await expectAccessible(page);
		await page.screenshot({ path: shot('differences-1280.png'), fullPage: true });
		await card.getByRole('button', { name: 'Vastleggen' }).click();
		// The browser itself refuses an empty choice (required); nothing is agreed.
		await expect(card.getByLabel('Afspreken als')).toHaveValue('');
		await card.getByLabel('Afspreken als').selectOption('uitvoerend');
		await card.getByLabel('Hoe goed gaat het nu?').selectOption('3');
		await card.getByRole('button', { name: 'Vastleggen' }).click();
		await expect(page.getByText('Afspraak vastgelegd.')).toBeVisible();
		// The row leaves the list, and can be brought back.
		await expect(card).toHaveCount(0);
		const settled = page.getByRole('region', { name: 'Afgesproken in dit overleg' });
		await expect(settled).toContainText(`${TASK} – ${ACTOR}: Uitvoerend · 3`);
		await settled
			.getByRole('listitem')
			.filter({ hasText: TASK })
			.getByRole('button', { name: /Terugzetten in de lijst/ })
			.click();
		await expect(page.getByText('Het vakje staat weer in de lijst.')).toBeVisible();
		await expect(card.getByLabel('Afspreken als')).toHaveValue('uitvoerend');
		await page.goto(roundUrl);
		await expect(cellLink(page, TASK, ACTOR)).toHaveAccessibleName(/Uitvoerend, oordeel 3 van 4/);
	});

	test('a task renamed and an actor added after closing leave the closed round, its print and compare as they were', async ({
		page
	}) => {
		await signIn(page, DEMO.coordinator.username, DEMO.coordinator.password);
		const closedUrl = await openRound(page, '2025-2026');
		const grid = page.getByRole('region', { name: 'LOB-takenmatrix' });
		const gridBefore = await grid.innerText();
		await page.goto(`${closedUrl}/print`);
		const printBefore = await page.locator('.sheet').innerText();
		await page.goto(`${closedUrl}/compare`);
		// The other round is open (and other tests edit it): what must not move are the closed round's names.
		const compareBefore = await page.locator('main').innerText();

		const old = 'LOB-instrumenten beheren';
		const renamed = 'LOB-instrumenten en methodes beheren';
		await gotoReady(page, '/coordinator/matrix/tasks');
		const item = page.getByRole('listitem').filter({ hasText: old });
		await item.locator('summary').click();
		await item.getByLabel('Naam').fill(renamed);
		await item.getByRole('button', { name: 'Opslaan' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: renamed })).toHaveCount(1);
		await gotoReady(page, '/coordinator/matrix/actors');
		await page.locator('#new-name').fill('Praktijkschool');
		await page.getByRole('button', { name: 'Betrokkene toevoegen' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: 'Praktijkschool' })).toHaveCount(1);

		try {
			// The open round follows the lists.
			const openUrl = await openRound(page, '2026-2027');
			await expect(cellLink(page, renamed, 'Praktijkschool')).toBeVisible();
			// The closed one does not: grid, print and compare read exactly as before.
			await page.goto(closedUrl);
			await expect(grid).toBeVisible();
			expect(await grid.innerText()).toBe(gridBefore);
			await expect(cellLink(page, old, 'Bestuur')).toBeVisible();
			await page.goto(`${closedUrl}/print`);
			expect(await page.locator('.sheet').innerText()).toBe(printBefore);
			await page.goto(`${closedUrl}/compare`);
			const compareAfter = await page.locator('main').innerText();
			expect(compareAfter).not.toContain(renamed);
			expect(compareAfter).not.toContain('Praktijkschool');
			expect(compareAfter.includes(old)).toBe(compareBefore.includes(old));
			await expect(page.getByRole('heading', { name: /Nieuwe taken|Vervallen taken/ })).toHaveCount(0);
			// Comparing the open round with it: the renamed task is the same task, no new gap, no added task.
			await page.goto(`${openUrl}/compare`);
			await expect(page.getByRole('heading', { name: /Nieuwe taken/ })).toHaveCount(0);
			await expect(page.getByRole('listitem').filter({ hasText: renamed })).toHaveCount(0);
		} finally {
			// Put the demo lists back for the other tests.
			await gotoReady(page, '/coordinator/matrix/tasks');
			const back = page.getByRole('listitem').filter({ hasText: renamed });
			await back.locator('summary').click();
			await back.getByLabel('Naam').fill(old);
			await back.getByRole('button', { name: 'Opslaan' }).click();
			await expect(page.getByRole('listitem').filter({ hasText: old })).toHaveCount(1);
			await page.goto('/coordinator/matrix/actors');
			await page.getByRole('button', { name: 'Praktijkschool archiveren' }).click();
			await expect(page.getByRole('button', { name: 'Praktijkschool terugzetten' })).toBeVisible();
		}
	});

	test('closing asks first and says what it does, without JavaScript too', async ({ browser }) => {
		const context = await browser.newContext({
			javaScriptEnabled: false,
			viewport: { width: 1280, height: 900 }
		});
		const page = await context.newPage();
		await signIn(page, DEMO.coordinator.username, DEMO.coordinator.password);
		const roundUrl = await openRound(page, '2026-2027');
		await page.getByRole('link', { name: 'Ronde sluiten' }).click();
		await expect(page).toHaveURL(/confirm=close/);
		const step = page.getByRole('region', { name: 'Ronde 2026-2027 sluiten?' });
		await expect(step).toContainText('bewaart de taken en betrokkenen zoals ze nu zijn');
		await step.getByRole('link', { name: 'Annuleren' }).click();
		await expect(page).toHaveURL(roundUrl);
		await expect(page.getByText('Deze ronde is gesloten.')).toHaveCount(0);
		await context.close();
		// axe needs JavaScript in the page: the same step, checked with it.
		const withJs = await session(browser, DEMO.coordinator.username, DEMO.coordinator.password);
		await withJs.page.goto(`${roundUrl}?confirm=close`);
		await expect(withJs.page.getByRole('region', { name: 'Ronde 2026-2027 sluiten?' })).toBeVisible();
		await expectAccessible(withJs.page);
		await withJs.page.screenshot({ path: shot('close-confirm-1280.png') });
		await withJs.close();
	});
});

test('on a phone a cell shows every view without scrolling sideways', async ({ page }) => {
	test.skip((page.viewportSize()?.width ?? 0) > 500, 'phone layout only');
	await signIn(page, DEMO.coordinator.username, DEMO.coordinator.password);
	await openRound(page, '2026-2027');
	const href = await page
		.getByRole('link', { name: /^LOB koppelen aan vaklessen, Vakdocent:/ })
		.getAttribute('href');
	await page.goto(new URL(href ?? '', page.url()).pathname);
	const views = page.getByRole('region', { name: 'Wat de respondenten zeggen' });
	await expect(views.getByRole('listitem').filter({ hasText: 'de Smet' })).toContainText(
		'Alleen bij techniek'
	);
	await expect(views.getByRole('listitem').filter({ hasText: 'Niet ingevuld' }).first()).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expectAccessible(page);
	await views.scrollIntoViewIfNeeded();
	await page.screenshot({ path: shot('cell-views-360.png'), fullPage: true });
});
