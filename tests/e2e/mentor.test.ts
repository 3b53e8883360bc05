import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, loginAs, openGroup, type DemoRole, gotoReady } from './helpers';

let n = 0;
const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}${++n}`;

async function shot(page: Page, name: string) {
	const project = test.info().project.name;
	await page.screenshot({ path: test.info().outputPath(`mentor-${name}-${project}.png`), fullPage: true });
}

// Each flow signs in four or five times; on a loaded 2-core machine that can pass the default 30 s.
test.describe.configure({ timeout: 90_000 });

async function switchTo(page: Page, who: DemoRole) {
	await page.context().clearCookies();
	await loginAs(page, who);
}

test('overview, feedback queue, comment and the student reply; another mentor gets 404', async ({ page }) => {
	await loginAs(page, 'mentor');
	await expect(page.getByRole('heading', { level: 1, name: 'Groepsoverzicht' })).toBeVisible();
	// Other suites may give this mentor a second group (the staff import): then the picker chooses.
	await openGroup(page, '3KB-A');
	await expect(page.getByRole('row', { name: /Vries, Sanne de/ })).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'overview');

	// The GET filter works without JavaScript too: it is a plain form.
	await page.getByLabel('Toon').selectOption('waiting');
	await page.getByRole('button', { name: 'Toepassen' }).click();
	await expect(page).toHaveURL(/filter=waiting/);
	await expect(page.getByRole('row', { name: /Vries, Sanne de/ })).toBeVisible();

	await page.getByRole('link', { name: 'Feedback', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1, name: /Feedback geven/ })).toBeVisible();
	await expectAccessible(page);
	await page
		.getByRole('link', { name: /Lezen en reageren/ })
		.first()
		.click();
	await expect(page.getByRole('heading', { level: 2, name: 'Reacties' })).toBeVisible();
	await expectAccessible(page);

	// Empty and too long: a message at the field, the text kept.
	await page.getByRole('button', { name: 'Versturen' }).last().click();
	await expect(page.getByText('Schrijf eerst iets.')).toBeVisible();
	const long = 'a'.repeat(20_000);
	await page.getByLabel('Je reactie').fill(long);
	await page.getByRole('button', { name: 'Versturen' }).last().click();
	await expect(page.getByText('Dit is te lang. Maximaal 4000 tekens.')).toBeVisible();
	await expect(page.getByLabel('Je reactie')).toHaveValue(long);

	// A starter goes into the text box.
	await page.getByRole('button', { name: /\?$/ }).first().click();
	await expect(page.getByLabel('Je reactie')).toHaveValue(/\?$/);
	const question = unique('Wat zegt dit over jou?');
	await page.getByLabel('Je reactie').fill(question);
	await page.getByRole('button', { name: 'Versturen' }).last().click();
	await expect(page.getByText('Je reactie is verstuurd.')).toBeVisible();
	await expect(page.getByText(question)).toBeVisible();
	const reflectionUrl = page.url();

	// Sanne's own reflection: comment as the mentor from her student page.
	await page.goto('/mentor');
	await openGroup(page, '3KB-A');
	await page.getByRole('link', { name: 'Vries, Sanne de' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Sanne de Vries' })).toBeVisible();
	await expectAccessible(page);
	await page.locator('.timeline a').first().click();
	const feedback = unique('Wat vond je het leukst?');
	await page.getByLabel('Je reactie').fill(feedback);
	await page.getByRole('button', { name: 'Versturen' }).last().click();
	await expect(page.getByText(feedback)).toBeVisible();
	await shot(page, 'reflection-thread');
	const rid = page.url().split('/').pop();

	await switchTo(page, 'student');
	await expect(page.getByRole('link', { name: /Meldingen/ })).toContainText(/\d/);
	await page.goto('/notifications');
	await expectAccessible(page);
	await page.locator(`a[href="/student/reflections/${rid}#thread-h"]`).first().click();
	await expect(page).toHaveURL(/\/student\/reflections\/\d+/);
	await expect(page.getByText(feedback)).toBeVisible();
	const answer = unique('Het werken met mensen.');
	const root = page.locator('.root', { hasText: feedback });
	await root.getByText('Reageer hierop').click();
	await root.getByLabel('Jouw antwoord').fill(answer);
	await root.getByRole('button', { name: 'Versturen' }).click();
	await expect(page.getByText(answer)).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'student-thread');
	await page.goto('/notifications');
	await page.getByRole('button', { name: 'Alles gelezen' }).click();
	await expect(page.getByText('Gemarkeerd als gelezen.')).toBeVisible();

	// The mentor of another group: the same URL is a 404.
	await switchTo(page, 'mentorMbo');
	const response = await page.goto(reflectionUrl);
	expect(response?.status()).toBe(404);
});

test('plan and record a conversation; the student adds a point, confirms, sees the agreements', async ({
	page
}) => {
	const day = test.info().project.name === 'phone' ? '2027-02-02' : '2027-02-01';
	const agreementTitle = unique('Open dag bezoeken');
	await loginAs(page, 'mentor');
	await gotoReady(page, '/mentor/conversations');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Plannen' }).click();
	await expect(page.getByText('Vul dit in.').or(page.locator('.field-error')).first()).toBeVisible();
	await page.getByLabel('Met wie').selectOption({ label: 'Vries, Sanne de' });
	await page.getByLabel('Datum').fill(day);
	await page.getByRole('button', { name: 'Plannen' }).click();
	await expect(page).toHaveURL(/\/mentor\/conversations\/\d+$/);
	const conversationPath = new URL(page.url()).pathname;
	const id = conversationPath.split('/').pop();
	await expect(page.getByText('voorstel van Koers').first()).toBeVisible();
	await expectAccessible(page);

	await switchTo(page, 'student');
	await page.goto('/student/conversations');
	await expectAccessible(page);
	await gotoReady(page, `/student/conversations/${id}`);
	const point = unique('Mijn stage');
	await page.getByLabel('Jouw punt').fill(point);
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByText(point)).toBeVisible();
	await expectAccessible(page);

	await switchTo(page, 'mentor');
	await gotoReady(page, conversationPath);
	await expect(page.getByText(point)).toBeVisible();
	await page.getByLabel(/^Samenvatting/).fill('We spraken over de stage en de open dag.');
	await page.getByLabel('Afspraak 1', { exact: true }).fill(agreementTitle);
	await page.getByRole('button', { name: 'Verslag opslaan' }).click();
	await expect(page.getByText('Kies een datum voor deze afspraak.')).toBeVisible();
	await expect(page.getByLabel('Afspraak 1', { exact: true })).toHaveValue(agreementTitle);
	await page.getByLabel('Uiterlijk (afspraak 1)').fill('2027-03-01');
	await expect(page.getByText('Kies bij welke competentie deze afspraak hoort.')).toBeVisible();
	await page.getByLabel('Competentie (afspraak 1)').selectOption('werkexploratie');
	await page.getByLabel(/^Werknotitie/).fill('Let op motivatie.');
	await page.getByRole('button', { name: 'Verslag opslaan' }).click();
	await expect(page.getByText('Verslag opgeslagen.', { exact: false })).toBeVisible();
	await expect(page.getByText(agreementTitle)).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'conversation');

	await switchTo(page, 'student');
	await page.goto(`/student/conversations/${id}`);
	await expect(page.getByText('We spraken over de stage en de open dag.')).toBeVisible();
	await expect(page.getByText(agreementTitle)).toBeVisible();
	await expect(page.getByText('Let op motivatie.')).toHaveCount(0);
	await page.getByRole('button', { name: 'Ja, dit klopt' }).click();
	await expect(page.getByText('Je hebt dit bevestigd.').first()).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'student-conversation');

	// The agreement is one of the student's goals, made by the mentor.
	await switchTo(page, 'mentor');
	await page.goto('/mentor');
	await openGroup(page, '3KB-A');
	await page.getByRole('link', { name: 'Vries, Sanne de' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: agreementTitle })).toContainText('afspraak');

	await switchTo(page, 'mentorMbo');
	expect((await page.goto(conversationPath))?.status()).toBe(404);
});

test('role × URL: mentor pages are 404 for students and coordinators, student pages for mentors', async ({
	page
}) => {
	const mentorOnly = [
		'/mentor/feedback',
		'/mentor/conversations',
		'/mentor/conversations/1',
		'/mentor/students/1'
	];
	expect((await page.request.get('/notifications', { maxRedirects: 0 })).status()).toBe(303);
	for (const who of ['student', 'coordinator'] as const) {
		await switchTo(page, who);
		for (const url of mentorOnly) expect((await page.request.get(url)).status(), `${who} ${url}`).toBe(404);
	}
	await switchTo(page, 'mentor');
	for (const url of ['/student/conversations', '/student/conversations/1'])
		expect((await page.request.get(url)).status(), url).toBe(404);
	// Actions too: a mentor cannot confirm a student's summary, a student cannot plan.
	const origin = new URL(page.url()).origin;
	const confirm = await page.request.post('/student/conversations/1?/confirm', {
		form: {},
		headers: { origin }
	});
	expect(confirm.status()).toBe(404);
	await switchTo(page, 'student');
	const plan = await page.request.post('/mentor/conversations?/plan', {
		form: { target: 'student:1', plannedAt: '2027-01-01' },
		headers: { origin }
	});
	expect(plan.status()).toBe(404);
});
