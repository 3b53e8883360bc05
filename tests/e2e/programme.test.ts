// Acceptance of issue 18: the decaan plans an activity for 3KB-A; Sanne sees it coming up and prepares;
// after the date (the decaan moves it into the past, as time would) she writes how it went in the same
// reflection; her mentor sees her as reflected; the reach figures count her and show none of her text.
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, gotoReady, loginAs, openMenu } from './helpers';

const day = (offset: number) => {
	const d = new Date(Date.now() + offset * 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(d);
};

async function asUser(browser: import('@playwright/test').Browser, who: Parameters<typeof loginAs>[1]) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, who);
	return { page, close: () => context.close() };
}

async function openActivityEdit(page: Page, title: string) {
	await gotoReady(page, '/coordinator/programme');
	await page.getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Activiteit bewerken/);
}

test('the decaan plans, Sanne prepares and reflects, her mentor and the reach figures see it', async ({
	browser
}, info) => {
	test.setTimeout(180_000);
	const title = `Gastles bakker ${info.project.name}`;
	const doel = `Ik wil weten hoe vroeg een bakker opstaat (${info.project.name}).`;

	// The decaan plans it from the coordinator's navigation.
	const coord = await asUser(browser, 'coordinator');
	let page = coord.page;
	await page.getByRole('navigation', { name: 'Decaan' }).getByRole('link', { name: 'LOB-programma' }).click();
	await page.getByRole('link', { name: 'Nieuwe activiteit' }).click();
	await page.waitForLoadState('networkidle');
	await page.getByLabel('Soort activiteit').selectOption('gastles');
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Datum', { exact: true }).fill(day(7));
	await page.getByLabel('Einddatum (bij een periode)').fill(day(6));
	await page.getByLabel('Plaats').fill('Lokaal 1.01');
	await page.getByRole('radio', { name: 'Gekozen groepen' }).check();
	await page.getByRole('checkbox', { name: /3KB-A/ }).check();
	await page.getByLabel('Voorbereidingsvraag (mag leeg)').fill('Wat wil je de bakker vragen?');
	await page.getByRole('checkbox', { name: /Welk werk past bij mij\?/ }).check();
	await page.getByRole('button', { name: 'Activiteit plannen' }).click();
	// Bad input: a message at the field, and nothing typed is lost.
	await expect(page.getByText('De einddatum ligt voor de datum.')).toBeVisible();
	await expect(page.getByLabel('Titel')).toHaveValue(title);
	await expectAccessible(page);
	await page.getByLabel('Einddatum (bij een periode)').fill('');
	await page.getByRole('button', { name: 'Activiteit plannen' }).click();
	await expect(page).toHaveURL(/\/coordinator\/programme\?year=\d+/);
	await expect(page.getByRole('link', { name: title })).toBeVisible();
	await expectAccessible(page);

	// Sanne sees it coming up on her home and prepares: the question is her prompt at the doel.
	const sanne = await asUser(browser, 'student');
	page = sanne.page;
	const card = page.locator('article', { hasText: title });
	await expect(card).toContainText('Lokaal 1.01');
	await card.getByRole('button', { name: 'Bereid je voor' }).click();
	// Nothing is stored until her first word (issue 19, item 15).
	await expect(page).toHaveURL(/\/student\/reflections\/new\/write\?activity=\d+#f-doel$/);
	await expect(page.getByText('Wat wil je de bakker vragen?')).toBeVisible();
	await expectAccessible(page);
	await page.waitForLoadState('networkidle');
	await page.locator('#f-doel').fill(doel);
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page).toHaveURL(/\/student\/reflections\/\d+\?saved=1$/);
	const reflectionUrl = `${page.url().split('?')[0]}/edit`;

	// Time passes: the activity is now in the past.
	page = coord.page;
	await openActivityEdit(page, title);
	await page.getByLabel('Datum', { exact: true }).fill(day(-1));
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page).toHaveURL(/\/coordinator\/programme\?year=\d+/);

	// "Hoe was het?" opens the same reflection.
	page = sanne.page;
	await gotoReady(page, '/student/activities');
	await expectAccessible(page);
	await page.locator('article', { hasText: title }).getByRole('button', { name: 'Hoe was het?' }).click();
	await expect(page).toHaveURL(new RegExp(`${reflectionUrl.replace(/[/.?]/g, '\\$&')}#f-resultaat$`));
	await page.waitForLoadState('networkidle');
	await expect(page.locator('#f-doel')).toHaveValue(doel);
	await page.locator('#f-resultaat').fill('Ik heb deeg gekneed.');
	await page.locator('#f-evaluatie').fill('Ik vond het leuk, want ik werk graag met mijn handen.');
	await page.locator('#f-vervolg').fill('Nu ga ik een meeloopdag bij een bakkerij regelen.');
	await page.getByRole('checkbox', { name: /Welk werk past bij mij\?/ }).check();
	await page.getByRole('button', { name: 'Opslaan en klaar' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();

	// Her mentor sees her as reflected, with a link to what she shared.
	const mentor = await asUser(browser, 'mentor');
	page = mentor.page;
	await openMenu(page);
	await page.getByRole('link', { name: 'Activiteiten' }).first().click();
	await page.getByRole('link', { name: title }).click();
	const row = page.getByRole('row', { name: /Sanne de Vries/ });
	await expect(row).toContainText('Gereflecteerd');
	await expect(row.getByRole('link', { name: /Open reflectie van Sanne de Vries/ })).toBeVisible();
	await expectAccessible(page);

	// The reach figures count her, and show no text of hers.
	page = coord.page;
	await gotoReady(page, '/coordinator/programme');
	await page.getByRole('link', { name: 'Wat bereikt het programma?' }).click();
	const reachRow = page.getByRole('row', { name: new RegExp(title) });
	await expect(reachRow.getByRole('cell').nth(2)).toHaveText(/^[1-9]\d* \(\d+%\)$/);
	await expect(reachRow.getByRole('cell').nth(3)).toHaveText(/^[1-9]\d* \(\d+%\)$/);
	const html = await page.content();
	expect(html).not.toContain('bakker opstaat');
	expect(html).not.toContain('deeg gekneed');
	await expectAccessible(page);

	for (const u of [coord, sanne, mentor]) await u.close();
});

// Issue 19, item 15: "Schrijf hierover" stores nothing until the first word.
test('backing out of "Schrijf hierover" leaves no draft; the first word makes one', async ({
	browser
}, info) => {
	test.setTimeout(120_000);
	const title = `Bedrijfsbezoek garage ${info.project.name} ${Date.now().toString(36)}`;
	const coord = await asUser(browser, 'coordinator');
	let page = coord.page;
	await gotoReady(page, '/coordinator/programme/new');
	await page.getByLabel('Soort activiteit').selectOption('bedrijfsbezoek');
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Datum', { exact: true }).fill(day(-2));
	await page.getByRole('radio', { name: 'Gekozen groepen' }).check();
	await page.getByRole('checkbox', { name: /3KB-A/ }).check();
	await page.getByRole('checkbox', { name: /Welk werk past bij mij\?/ }).check();
	await page.getByRole('button', { name: 'Activiteit plannen' }).click();
	await expect(page).toHaveURL(/\/coordinator\/programme\?year=\d+/);
	await coord.close();

	const sanne = await asUser(browser, 'student');
	page = sanne.page;
	const pick = () => page.getByRole('button', { name: `Schrijf hierover: ${title}` });
	await gotoReady(page, '/student/reflections/new');
	await pick().click();
	await expect(page).toHaveURL(/\/student\/reflections\/new\/write\?activity=\d+$/);
	await page.waitForLoadState('networkidle');
	await page.goBack();
	await gotoReady(page, `/student/reflections?q=${encodeURIComponent(title)}`);
	await expect(page.getByRole('link', { name: title })).toHaveCount(0);

	await gotoReady(page, '/student/reflections/new');
	await pick().click();
	await page.waitForLoadState('networkidle');
	await page.locator('#f-doel').fill('Ik');
	await expect(page.getByRole('status').filter({ hasText: 'Opgeslagen om' })).toBeVisible();
	await expect(page).toHaveURL(/\/student\/reflections\/\d+\/edit$/);
	await page.reload();
	await expect(page.locator('#f-doel')).toHaveValue('Ik');
	await gotoReady(page, `/student/reflections?q=${encodeURIComponent(title)}`);
	const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: title }) });
	await expect(item).toContainText('Concept');
	// A draft says who will see it once it is finished.
	await expect(item).toContainText('Als het klaar is: ook je mentor');
	await sanne.close();
});
