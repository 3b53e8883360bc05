import { expect, test, type Page } from '@playwright/test';
import { DEMO, expectAccessible, loginAs, gotoReady } from './helpers';

// Each test writes its own reflection, so tests running in parallel never share one.
// Generous limits: this suite runs on a shared 2-core machine next to other builds.
test.describe.configure({ timeout: 60_000 });

let n = 0;
function unique(prefix: string): string {
	return `${prefix} ${Date.now().toString(36)}${++n}`;
}

async function shot(page: Page, name: string) {
	const project = test.info().project.name;
	await page.screenshot({
		path: test.info().outputPath(`reflections-${name}-${project}.png`),
		fullPage: true
	});
}

async function newOwnReflection(page: Page, title: string): Promise<string> {
	await gotoReady(page, '/student/reflections/new');
	await page.getByLabel('Wat voor activiteit was het?').selectOption('stage');
	await page.getByLabel('Wanneer was het?').fill('2026-11-20');
	await page.getByLabel('Waar was het?').fill('Garage Van Dam');
	await page.getByLabel('Titel').fill(title);
	await page.getByRole('button', { name: 'Begin met schrijven' }).click();
	// Nothing is stored before the first word; its autosave makes the reflection and its address.
	await expect(page).toHaveURL(/\/student\/reflections\/new\/write\?type=stage&/);
	await page.getByLabel('Wat vond je ervan? En waarom?').fill('Ik vond het leuk.');
	await expect(page).toHaveURL(/\/student\/reflections\/\d+\/edit$/);
	await saved(page);
	return page.url().replace(/\/edit$/, '');
}

const doel = (page: Page) => page.getByLabel('Wat wilde je weten?');
const vervolg = (page: Page) => page.getByLabel('Wat ga je nu doen?');
const saved = (page: Page) =>
	expect(page.getByRole('status').filter({ hasText: 'Opgeslagen om' })).toBeVisible();

async function login(page: Page, who: keyof typeof DEMO) {
	await page.getByLabel('Gebruikersnaam').fill(DEMO[who].username);
	await page.getByLabel('Wachtwoord').fill(DEMO[who].password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

test('the list, filters and search work, and every page passes axe', async ({ page }) => {
	await loginAs(page, 'student');
	await page.goto('/student/reflections');
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn reflecties' })).toBeVisible();
	// Other suites add reflections for Sanne meanwhile, so a seeded one may be on a later page.
	await expect(
		page
			.getByText('Pagina 1 van', { exact: false })
			.or(page.getByRole('link', { name: 'Mijn bijbaan bij de Jumbo' }))
			.first()
	).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'list');

	await page.getByText('Zoeken en filteren').click();
	await page.getByLabel('Zoek in je tekst').fill('bloed');
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page).toHaveURL(/q=bloed/);
	await expect(page.getByRole('link', { name: 'Gastles verpleegkundige' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Beroepenmarkt' })).toHaveCount(0);
	await page.getByLabel('Soort activiteit').selectOption('bijbaan');
	await page.getByLabel('Zoek in je tekst').fill('');
	await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Mijn bijbaan bij de Jumbo' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Gastles verpleegkundige' })).toHaveCount(0);

	await page.getByRole('link', { name: 'Alles tonen' }).click();
	await expect(page).toHaveURL(/\/student\/reflections$/);
	await page.goto('/student/reflections?q=kapsalon');
	await page.getByRole('link', { name: 'Meeloopdag bij Kapsalon Knipwerk' }).click();
	await expect(page.getByText('Jij en je mentor kunnen dit zien.')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Bewijs toevoegen' })).toHaveAttribute(
		'href',
		/\/attachments$/
	);
	await expect(page.getByRole('button', { name: 'Maak hier een doel van' })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'view');

	await page.getByRole('link', { name: 'Eerdere versies' }).click();
	await page.getByRole('link', { name: 'Bekijk versie 1' }).click();
	await expect(page.getByText('Ik wilde weten hoe een dag in een kapsalon is.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Zet deze versie terug' })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'versions');

	await page.goto('/student/reflections/new');
	await expect(page.getByRole('button', { name: /Schrijf hierover: Beroepenmarkt Regio/ })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'new');
});

test('text survives a reload: autosave, and a local copy of what was not saved yet', async ({ page }) => {
	await loginAs(page, 'student');
	const url = await newOwnReflection(page, unique('Stage garage'));
	// The helping questions fit a stage, not an open day.
	await expect(page.getByText('Wat wilde je zien of leren op deze werkplek?')).toBeVisible();
	await expect(page.getByText('Je volgende stap ontbreekt nog.')).toBeVisible();
	await page.getByLabel(/Welk werk past bij mij\?/).check();
	await doel(page).fill('Ik wilde weten hoe je een band wisselt.');
	await saved(page);
	await expectAccessible(page);
	await shot(page, 'edit');

	await page.reload();
	await expect(doel(page)).toHaveValue('Ik wilde weten hoe je een band wisselt.');
	await expect(page.getByLabel(/Welk werk past bij mij\?/)).toBeChecked();

	// Reload before the autosave had a chance: the browser still has the text and offers it back.
	await vervolg(page).fill('Nu ga ik vragen of ik daar stage mag lopen.');
	await page.reload();
	await expect(vervolg(page)).toHaveValue('');
	await page.getByRole('button', { name: 'Zet die tekst terug' }).click();
	await expect(vervolg(page)).toHaveValue('Nu ga ik vragen of ik daar stage mag lopen.');
	await saved(page);
	await page.goto(url);
	await expect(page.getByText('Nu ga ik vragen of ik daar stage mag lopen.')).toBeVisible();

	// A draft is for the student only; with two parts empty it cannot be Klaar (issue 19); deleting takes a
	// second tap.
	await expect(page.getByText('Dit is nog een concept.')).toBeVisible();
	await page.getByRole('button', { name: 'Zet op klaar' }).click();
	await expect(page.getByRole('alert')).toContainText('Wat je deed ontbreekt nog.');
	await expect(page.getByText('Dit is nog een concept.')).toBeVisible();
	await page.getByText('Verwijderen', { exact: true }).click();
	await page.getByRole('button', { name: 'Ja, verwijder' }).click();
	await expect(page).toHaveURL(/\/student\/reflections\?deleted=1$/);
	await expect(page.getByText('Je reflectie is verwijderd.')).toBeVisible();
	expect((await page.goto(url))?.status()).toBe(404);
});

test('after the session expired while writing, the text is still there after logging in again', async ({
	page,
	context
}) => {
	await loginAs(page, 'student');
	const url = await newOwnReflection(page, unique('Sessie'));
	await doel(page).fill('Eerste zin, al opgeslagen.');
	await saved(page);
	await context.clearCookies();
	await vervolg(page).fill('Deze zin typte ik na het uitloggen.');
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
	// The header says so too, instead of still showing the student.
	await expect(page.locator('header')).toContainText(/uitgelogd/i);
	await expect(page.locator('header')).not.toContainText('Sanne de Vries');
	// One tap: the field loses focus and saves, the link stays where it was.
	await vervolg(page).focus();
	await page.getByRole('link', { name: 'Opnieuw inloggen' }).click();
	await login(page, 'student');
	await expect(page).toHaveURL(`${url}/edit`);
	await page.getByRole('button', { name: 'Zet die tekst terug' }).click();
	await expect(vervolg(page)).toHaveValue('Deze zin typte ik na het uitloggen.');
	await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
	await expect(page).toHaveURL(`${url}?saved=1`);
	await expect(page.getByText('Deze zin typte ik na het uitloggen.')).toBeVisible();
	await expect(page.getByText('Eerste zin, al opgeslagen.')).toBeVisible();
});

test('two tabs: the later save shows both versions, and the student chooses', async ({ page, context }) => {
	await loginAs(page, 'student');
	const url = await newOwnReflection(page, unique('Twee tabs'));
	const other = await context.newPage();
	await other.goto(`${url}/edit`);
	await doel(page).fill('Tekst uit tab een.');
	await saved(page);
	await doel(other).fill('Tekst uit tab twee.');
	const conflict = other.getByRole('region', { name: 'Er zijn twee versies' });
	await expect(conflict).toBeVisible();
	await expect(conflict.getByText('Tekst uit tab een.')).toBeVisible();
	await expect(conflict.getByText('Tekst uit tab twee.')).toBeVisible();
	await expectAccessible(other);
	await shot(other, 'conflict');
	await other.getByRole('link', { name: 'Neem de opgeslagen tekst' }).click();
	await expect(conflict).toHaveCount(0);
	await expect(doel(other)).toHaveValue('Tekst uit tab een.');

	// Tab two saves on; tab one is now behind, and keeping its text is a deliberate choice.
	await doel(other).fill('Tab twee schrijft verder.');
	await saved(other);
	await doel(page).fill('Tab een, tweede poging.');
	await page.getByRole('button', { name: 'Houd mijn tekst' }).click();
	await saved(page);
	await page.goto(url);
	await expect(page.getByText('Tab een, tweede poging.')).toBeVisible();
});

test("another student's reflection is a 404 on every page and on the save endpoint", async ({ page }) => {
	await loginAs(page, 'student');
	await page.goto('/student/reflections?q=Knipwerk');
	const href = await page
		.getByRole('link', { name: 'Meeloopdag bij Kapsalon Knipwerk' })
		.getAttribute('href');
	await page.goto('/logout');
	await page.context().clearCookies();
	await loginAs(page, 'studentMbo');
	for (const path of ['', '/edit', '/versions']) {
		const res = await page.goto(`${href}${path}`);
		expect(res?.status()).toBe(404);
	}
	const res = await page.request.post(`${href}/autosave`, {
		data: {
			version: 1,
			title: 'x',
			doel: 'x',
			resultaat: '',
			evaluatie: '',
			vervolg: '',
			visibility: 'mentor',
			competencies: []
		}
	});
	expect(res.status()).toBe(404);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('limits keep the text, saving works, and a conflict shows both texts', async ({ page, context }) => {
		await loginAs(page, 'student');
		await page.goto('/student/reflections/new');
		await page.getByLabel('Wat voor activiteit was het?').selectOption('open_dag');
		await page.getByLabel('Wanneer was het?').fill('3000-01-01');
		const title = unique('Open dag zonder JS');
		await page.getByLabel('Titel').fill(title);
		await page.getByRole('button', { name: 'Begin met schrijven' }).click();
		await expect(page.getByText('Deze datum kan niet.')).toBeVisible();
		await expect(page.getByLabel('Titel')).toHaveValue(title);
		await page.getByLabel('Wanneer was het?').fill('2026-11-25');
		await page.getByRole('button', { name: 'Begin met schrijven' }).click();
		await expect(page).toHaveURL(/\/new\/write\?/);
		// An open day asks about the course, not about a workplace.
		await expect(page.getByText('Wat wilde je weten over deze opleiding?')).toBeVisible();
		// Nothing typed, nothing stored.
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByText('Je hebt nog niets geschreven.')).toBeVisible();

		await doel(page).fill('Ik wilde de lokalen zien.');
		await page.getByLabel('Titel').fill('x'.repeat(130));
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByText('Dit is te lang: maximaal 120 tekens.')).toBeVisible();
		await expect(doel(page)).toHaveValue('Ik wilde de lokalen zien.');
		await page.getByLabel('Titel').fill(title);
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(page.getByText('Opgeslagen.')).toBeVisible();
		await expect(page.getByText('Ik wilde de lokalen zien.')).toBeVisible();
		const edit = page.url().replace(/\?saved=1$/, '/edit');

		const other = await context.newPage();
		await other.goto(edit);
		await page.goto(edit);
		await doel(other).fill('Versie van het andere apparaat.');
		await other.getByRole('button', { name: 'Opslaan', exact: true }).click();
		await expect(other.getByText('Opgeslagen.')).toBeVisible();
		await doel(page).fill('Mijn versie op deze telefoon.');
		await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
		const conflict = page.getByRole('region', { name: 'Er zijn twee versies' });
		await expect(conflict.getByText('Versie van het andere apparaat.')).toBeVisible();
		await expect(conflict.getByText('Mijn versie op deze telefoon.')).toBeVisible();
		await page.getByRole('button', { name: 'Houd mijn tekst' }).click();
		await expect(page.getByText('Opgeslagen.')).toBeVisible();
		await expect(page.getByText('Mijn versie op deze telefoon.')).toBeVisible();
	});
});
