import { expect, test, type Browser, type Page } from '@playwright/test';
import { DEMO, expectAccessible, type DemoRole, gotoReady } from './helpers';

// The demo seed has this year's round "2026-2027" (open) and last year's "2025-2026" (closed).
// Screenshots for review go to the test's own output folder.
const shotPath = (name: string) => test.info().outputPath(name);

// As helpers.loginAs, with more time for the redirect: argon2 on a busy 2-core machine can take seconds.
async function loginAs(page: Page, who: DemoRole) {
	const account = DEMO[who];
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(account.username);
	await page.locator('input[name="password"]').fill(account.password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(new RegExp(`${account.home}(\\?.*)?$`), { timeout: 20_000 });
}

async function openRound(page: Page, name = '2026-2027') {
	await page.goto('/coordinator/matrix');
	await page.getByRole('link', { name, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Matrix: ${name}`);
	return page.url();
}

const cellLink = (page: Page, task: string, actor: string) =>
	page.getByRole('link', { name: new RegExp(`^${task}, ${actor.replace('/', '\\/')}:`) });

// The grid's links are relative to the round's page; the path a request or a new tab goes to.
const cellPath = async (page: Page, task: string, actor: string) =>
	new URL((await cellLink(page, task, actor).getAttribute('href')) ?? '', page.url()).pathname;

async function session(browser: Browser, who: DemoRole) {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	await loginAs(page, who);
	return { page, close: () => context.close() };
}

test.describe('desktop flows', () => {
	test.skip(({ viewport }) => (viewport?.width ?? 0) < 1000, 'the grid flows run at desktop width');
	// Long flows on a shared 2-core machine: several sign-ins, axe scans and full-page screenshots.
	test.describe.configure({ timeout: 120_000 });

	test('a coordinator fills cells, a respondent answers, the coordinator agrees and exports', async ({
		page,
		browser
	}) => {
		await loginAs(page, 'coordinator');
		const roundUrl = await openRound(page);
		await expectAccessible(page);
		await page.screenshot({ path: shotPath('matrix-grid-1280.png'), fullPage: true });

		// Fill a cell in the dialog (JavaScript on), reached by keyboard from the first cell.
		await cellLink(page, 'Loopbaangesprekken voeren', 'Bestuur').focus();
		await page.keyboard.press('ArrowDown');
		await expect(cellLink(page, 'LOB-activiteiten voorbereiden en nabespreken', 'Bestuur')).toBeFocused();
		await cellLink(page, 'Ouders betrekken', 'Teamleider').click();
		const dialog = page.getByRole('dialog');
		await expect(dialog.getByRole('heading', { name: 'Ouders betrekken – Teamleider' })).toBeVisible();
		await dialog.getByLabel('Ondersteunend').check();
		await dialog
			.getByLabel('Hoe (werkwijze, moment, hoe vaak)')
			.fill('Ouderavond in leerjaar 3 organiseren.');
		await dialog.getByLabel('2 – matig').check();
		await expectAccessible(page);
		await page.screenshot({ path: shotPath('matrix-dialog-1280.png') });
		await dialog.getByRole('button', { name: 'Opslaan' }).click();
		await expect(dialog).toBeHidden();
		await expect(cellLink(page, 'Ouders betrekken', 'Teamleider')).toHaveAccessibleName(
			/Ondersteunend, oordeel 2 van 4/
		);

		// Invite r.elamrani as a mentor.
		await page.getByRole('link', { name: 'Respondenten', exact: true }).click();
		await expect(page.getByText('Pieter de Smet', { exact: true })).toBeVisible();
		await page.getByLabel('Collega').selectOption({ label: 'Rachid el Amrani' });
		await page.getByLabel('Kolom in de matrix').selectOption({ label: "Mentor/SLB'er" });
		await page.getByRole('button', { name: 'Uitnodigen' }).click();
		await expect(page.getByText('Rachid el Amrani', { exact: true })).toBeVisible();
		await expectAccessible(page);

		// The respondent gives their own view.
		const mentor = await session(browser, 'mentorMbo');
		await mentor.page.goto('/lob-taken');
		await expect(mentor.page.getByRole('heading', { name: 'Mijn LOB-taken' })).toBeVisible();
		await expectAccessible(mentor.page);
		await mentor.page.getByRole('link', { name: 'Invullen' }).click();
		await expect(mentor.page.getByRole('heading', { level: 1 })).toHaveText('Mijn beeld: 2026-2027');
		await cellLink(mentor.page, 'Ouders betrekken', 'Ouders/verzorgers').click();
		const mine = mentor.page.getByRole('dialog');
		await mine.getByLabel('Uitvoerend').check();
		await mine.getByRole('button', { name: 'Opslaan' }).click();
		await expect(mine).toBeHidden();
		await expect(cellLink(mentor.page, 'Ouders betrekken', 'Ouders/verzorgers')).toHaveAccessibleName(
			/Uitvoerend/
		);
		await mentor.page.getByRole('button', { name: 'Ik ben klaar' }).click();
		await expect(mentor.page.getByText('Je beeld is ingestuurd.')).toBeVisible();
		await expectAccessible(mentor.page);
		await mentor.page.goto('/lob-taken');
		await mentor.page.screenshot({ path: shotPath('matrix-staff-1280.png'), fullPage: true });
		await mentor.close();

		// The coordinator sees the difference and records the agreement.
		await page.goto(`${roundUrl}/differences`);
		const row = page
			.locator('li', { has: page.getByRole('heading', { name: /Ouders betrekken/ }) })
			.filter({ hasText: 'Ouders/verzorgers' });
		await expect(row).toContainText('Uitvoerend: 1');
		await expect(row).toContainText('Geïnformeerd: 1');
		await expectAccessible(page);
		await row.getByLabel('Afspreken als').selectOption('uitvoerend');
		await row.getByRole('button', { name: 'Vastleggen' }).click();
		await expect(page.getByText('Afspraak vastgelegd.')).toBeVisible();
		await expect(page.getByRole('region', { name: 'Afgesproken in dit overleg' })).toContainText(
			'Ouders betrekken – Ouders/verzorgers: Uitvoerend'
		);

		// Export: Dutch Excel CSV with the agreed cells, and every task (also those nobody does).
		await page.goto(`${roundUrl}/print`);
		const download = page.waitForEvent('download');
		await page.getByRole('link', { name: 'Matrix per vakje (CSV)' }).click();
		const file = await (await download).path();
		const { readFile } = await import('node:fs/promises');
		const text = await readFile(file, 'utf8');
		expect(text.charCodeAt(0)).toBe(0xfeff);
		const lines = text
			.slice(1)
			.trimEnd()
			.split('\r\n')
			.map((l) => l.split(';'));
		expect(lines[0]).toEqual([
			'Soort',
			'Taak',
			'Betrokkene',
			'Rol',
			'Hoe',
			'Hoe goed (1-4)',
			'Gewenste situatie'
		]);
		expect(lines.every((l) => l.length === 7)).toBe(true);
		expect(lines).toContainEqual([
			'Begeleidende taken',
			'Ouders betrekken',
			'Teamleider',
			'Ondersteunend',
			'Ouderavond in leerjaar 3 organiseren.',
			'2',
			''
		]);
		expect(lines.find((l) => l[1] === 'Ouders betrekken' && l[2] === 'Ouders/verzorgers')?.[3]).toBe(
			'Uitvoerend'
		);
		// Every task has a row; one nobody does says so.
		expect(new Set(lines.slice(1).map((l) => l[1])).size).toBe(28);
		expect(lines.some((l) => l[3] === 'Niemand')).toBe(true);
	});

	test('the second of two coordinators editing one cell sees the change and chooses', async ({
		page,
		browser
	}) => {
		await loginAs(page, 'coordinator');
		await openRound(page);
		const href = await cellPath(page, 'Sturen op resultaten', 'Vakdocent');
		const other = await session(browser, 'coordinator');
		await page.goto(href);
		await gotoReady(other.page, href);
		await expectAccessible(page);

		await other.page.getByLabel('Uitvoerend').check();
		await other.page.getByRole('button', { name: 'Opslaan' }).click();
		await expect(other.page.getByText('Opgeslagen.')).toBeVisible();
		await other.close();

		await page.getByLabel('Ondersteunend').check();
		await page.getByLabel('Gewenste situatie').fill('Vakdocenten leveren cijfers aan.');
		await page.getByRole('button', { name: 'Opslaan' }).click();
		const alert = page.getByRole('alert');
		await expect(alert).toContainText('Iemand anders heeft dit vakje net veranderd');
		await expect(alert).toContainText('Rol: Uitvoerend');
		await expect(page.getByLabel('Gewenste situatie')).toHaveValue('Vakdocenten leveren cijfers aan.');
		await expectAccessible(page);
		await page.getByRole('button', { name: 'Mijn versie opslaan' }).click();
		await expect(page.getByText('Opgeslagen.')).toBeVisible();
		await expect(cellLink(page, 'Sturen op resultaten', 'Vakdocent')).toHaveAccessibleName(/Ondersteunend/);
	});

	test('bad input gets a clear message and loses nothing; unknown ids are missing', async ({
		page,
		baseURL
	}) => {
		await loginAs(page, 'coordinator');
		await openRound(page);
		const href = await cellPath(page, 'Ouders betrekken', 'Bestuur');
		const post = (form: Record<string, string>, url = `${href}?/save`) =>
			page.request.post(url, {
				form,
				headers: { origin: baseURL ?? '', accept: 'text/html' },
				maxRedirects: 0
			});

		const long = 'x'.repeat(50_000);
		const bad = await post({ part: 'uitvoerend', how: long, rating: '7', wish: '', version: '0' });
		const body = await bad.text();
		expect(bad.status(), body.slice(-3000)).toBe(400);
		expect(body).toContain('Kies een oordeel van 1 tot en met 4.');
		expect(body).toContain('Dit is te lang: maximaal 1000 tekens.');
		expect(body).toContain(long);

		expect(
			(
				await post(
					{ part: 'uitvoerend', how: '', rating: '', wish: '', version: '0' },
					href.replace(/\/cell\/\d+/, '/cell/999999') + '?/save'
				)
			).status()
		).toBe(404);
		expect((await page.goto('/coordinator/matrix/rounds/999999'))?.status()).toBe(404);
		expect((await page.goto('/coordinator/matrix/rounds/abc/analysis'))?.status()).toBe(404);

		// Last year's round is closed: the form says so, and a direct post changes nothing.
		const closedRound = await openRound(page, '2025-2026');
		await expect(page.getByText('Deze ronde is gesloten.').first()).toBeVisible();
		const closedHref = await cellPath(page, 'Ouders betrekken', 'Bestuur');
		const closed = await post(
			{ part: 'uitvoerend', how: '', rating: '', wish: '', version: '0' },
			`${closedHref}?/save`
		);
		expect(closed.status()).toBe(400);
		expect(await closed.text()).toContain('Deze ronde is gesloten. Er is niets opgeslagen.');
		await page.goto(closedRound);
		await expect(cellLink(page, 'Ouders betrekken', 'Bestuur')).toHaveAccessibleName(/Geen rol/);
	});

	test('analysis, comparison, actions, print and the lists read well and pass axe', async ({ page }) => {
		await loginAs(page, 'coordinator');
		const roundUrl = await openRound(page);

		await page.getByRole('link', { name: 'Analyse' }).click();
		await expect(page.getByRole('heading', { name: /Taken die niemand uitvoert \(\d+\)/ })).toBeVisible();
		await expect(
			page.getByRole('row', { name: /Decaan\/LOB-coördinator draagt het grootste deel/ })
		).toBeVisible();
		await expect(page.getByRole('img', { name: /Staafdiagram/ }).locator('canvas')).toHaveAttribute(
			'width',
			/\d+/
		);
		await page.waitForFunction(() => (document.querySelector('canvas')?.width ?? 0) > 300);
		await expectAccessible(page);
		await page.screenshot({ path: shotPath('matrix-analysis-1280.png'), fullPage: true });

		await page.getByRole('link', { name: 'Vergelijken' }).click();
		await expect(page.getByRole('heading', { name: 'Van 2025-2026 naar 2026-2027' })).toBeVisible();
		await expect(page.getByRole('heading', { name: /Gedichte gaten \([1-9]/ })).toBeVisible();
		await expect(page.getByRole('listitem').filter({ hasText: 'LOB koppelen aan vaklessen' })).toBeVisible();
		await expectAccessible(page);
		await page.screenshot({ path: shotPath('matrix-compare-1280.png'), fullPage: true });

		await page.getByRole('link', { name: 'Acties', exact: true }).click();
		await expect(page.getByText('uit de vorige ronde').first()).toBeVisible();
		await page.getByLabel('Taak').selectOption({ label: 'Ouders betrekken' });
		await page.getByLabel('Actie', { exact: true }).fill('Ouderavond over LOB plannen');
		await page.getByLabel('Naam buiten de school').fill('Mentoren leerjaar 3');
		await page.getByRole('button', { name: 'Actie toevoegen' }).click();
		await expect(page.getByText('Ouderavond over LOB plannen', { exact: true })).toBeVisible();
		await expect(page.getByText('te laat').first()).toBeVisible();
		await expectAccessible(page);

		await page.goto(`${roundUrl}/print`);
		await expect(page.getByRole('heading', { name: 'Samenvatting LOB-takenmatrix' })).toBeVisible();
		await expectAccessible(page);

		for (const path of ['/coordinator/matrix', '/coordinator/matrix/tasks', '/coordinator/matrix/actors']) {
			await page.goto(path);
			await expectAccessible(page);
		}
		await page.goto('/coordinator/matrix/tasks');
		const first = page.getByRole('listitem').filter({ hasText: 'Loopbaangesprekken voeren' });
		await first.getByRole('button', { name: 'Loopbaangesprekken voeren omlaag' }).click();
		await expect(page.getByRole('listitem').filter({ hasText: 'LOB-activiteiten' }).first()).toBeVisible();
		await expect(page.locator('ol.items').first().locator('> li').first()).toContainText(
			'LOB-activiteiten voorbereiden'
		);
	});
});

test('a student sees nothing of the matrix and a mentor cannot edit it', async ({
	page,
	browser,
	baseURL
}) => {
	await loginAs(page, 'student');
	for (const path of ['/lob-taken', '/coordinator/matrix', '/coordinator/matrix/rounds/1']) {
		expect((await page.goto(path))?.status()).toBe(404);
	}
	const mentor = await session(browser, 'mentor');
	expect((await mentor.page.goto('/coordinator/matrix'))?.status()).toBe(404);
	const post = await mentor.page.request.post('/coordinator/matrix/rounds/2/cell/1/1?/save', {
		form: { part: 'uitvoerend', how: '', rating: '', wish: '', version: '1' },
		headers: { origin: baseURL ?? '', accept: 'text/html' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(404);
	await mentor.page.goto('/lob-taken');
	await expect(mentor.page.getByRole('heading', { name: 'Mijn LOB-taken' })).toBeVisible();
	await expect(mentor.page.getByText('Loopbaangesprekken voeren').first()).toBeVisible();
	await expect(mentor.page.getByRole('link', { name: 'Matrix beheren' })).toHaveCount(0);
	await mentor.close();
});

test('on a phone the grid scrolls, and the list per task is one tap away', async ({ page }) => {
	test.skip((page.viewportSize()?.width ?? 0) > 500, 'phone layout only');
	await loginAs(page, 'coordinator');
	await openRound(page);
	const grid = page.getByRole('region', { name: 'LOB-takenmatrix' });
	await expect(grid).toBeVisible();
	// The grid scrolls inside its own box; the page itself does not get wider than the phone.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
	await expect(cellLink(page, 'Loopbaangesprekken voeren', 'Bestuur')).toBeVisible();
	await page.screenshot({ path: shotPath('matrix-grid-360.png') });
	await page.getByRole('link', { name: 'Lijst per taak' }).click();
	await expect(page).toHaveURL(/\?view=list$/);
	await expect(page.getByRole('link', { name: 'Lijst per taak' })).toHaveAttribute('aria-current', 'page');
	await expect(grid).toHaveCount(0);
	const task = page.locator('details.mx-task').filter({ hasText: 'Loopbaangesprekken voeren' });
	await task.locator('summary').click();
	await expect(task.getByRole('link', { name: "Mentor/SLB'er" })).toBeVisible();
	await expectAccessible(page);
	await task.scrollIntoViewIfNeeded();
	await page.screenshot({ path: shotPath('matrix-list-360.png') });
	await task.getByRole('link', { name: "Mentor/SLB'er" }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		"Loopbaangesprekken voeren – Mentor/SLB'er"
	);
	await expectAccessible(page);
	await page.screenshot({ path: shotPath('matrix-cell-360.png'), fullPage: true });
	// Saved from the list, the cell leads back to the list.
	await expect(page.getByRole('link', { name: /Terug naar de matrix/ }).first()).toHaveAttribute(
		'href',
		/\?view=list$/
	);
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\?view=list&saved=1#task-\d+$/);
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.locator('details.mx-task').first()).toBeVisible();

	await page.goto('/lob-taken');
	await expectAccessible(page);
	await page.screenshot({ path: shotPath('matrix-staff-360.png') });
});
