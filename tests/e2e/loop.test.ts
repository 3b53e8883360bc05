// Issue 19: the conversation loop ("Niet helemaal") and the mentor's "Heeft aandacht nodig".
import { expect, test, type Page } from '@playwright/test';
import { expectAccessible, gotoReady, loginAs, openGroup, type DemoRole } from './helpers';

test.describe.configure({ timeout: 120_000 });

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const unique = (text: string) => `${text} ${Date.now().toString(36)}`;

async function switchTo(page: Page, who: DemoRole) {
	await page.context().clearCookies();
	await loginAs(page, who);
}

async function shot(page: Page, name: string) {
	const project = test.info().project.name;
	await page.screenshot({ path: test.info().outputPath(`loop-${name}-${project}.png`), fullPage: true });
}

test('"Niet helemaal": the mentor sees the reply and answers; confirmed only when the student agrees', async ({
	page
}) => {
	const summary = unique('We spraken over je BPV in de zorg.');
	const better = unique('We spraken over je BPV en over de opleiding verpleegkunde.');
	const reply = unique('Niet helemaal: ik wil ook verpleegkunde bekijken.');
	const answer = unique('Goed dat je het zegt. Ik heb het aangepast.');

	// The mentor plans a conversation for today and records it.
	await loginAs(page, 'mentorMbo');
	await gotoReady(page, '/mentor/conversations');
	await page.getByLabel('Met wie').selectOption({ label: 'Bakker, Daan' });
	await page.getByLabel('Datum').fill(today());
	await page.getByLabel('Tijd').fill('10:30');
	await page.getByRole('button', { name: 'Plannen' }).click();
	await expect(page).toHaveURL(/\/mentor\/conversations\/\d+$/);
	const mentorPath = new URL(page.url()).pathname;
	const id = mentorPath.split('/').pop();
	await expect(page.getByText(/om 10:30/)).toBeVisible();
	await page.waitForLoadState('networkidle');
	await page.getByLabel(/^Samenvatting/).fill(summary);
	await page.getByRole('button', { name: 'Verslag opslaan' }).click();
	await expect(page.getByText('Verslag opgeslagen.', { exact: false })).toBeVisible();
	await expect(page.getByText('nog niet bevestigd door de leerling')).toBeVisible();

	// The student says it is not quite right, with a reply.
	await switchTo(page, 'studentMbo');
	await page.goto('/notifications');
	await expect(
		page.getByText('Je mentor heeft het verslag van jullie gesprek', { exact: false }).first()
	).toBeVisible();
	await gotoReady(page, `/student/conversations/${id}`);
	await expect(page.getByText(summary)).toBeVisible();
	await expectAccessible(page);
	await page.getByText('Niet helemaal', { exact: true }).click();
	// Sent empty: a message at the field.
	await page.getByRole('button', { name: 'Stuur naar je mentor' }).click();
	await expect(page.getByText('Schrijf eerst wat er niet klopt.')).toBeVisible();
	await page.getByLabel('Wat klopt er niet?', { exact: false }).fill(reply);
	await page.getByRole('button', { name: 'Stuur naar je mentor' }).click();
	await expect(page.getByText('Verstuurd. Je mentor leest het en reageert.')).toBeVisible();
	await expect(page.getByText(reply)).toBeVisible();
	await expect(page.getByText('Je hebt dit bevestigd.')).toHaveCount(0);
	await shot(page, 'student-disagrees');

	// The mentor hears it, sees the reply and answers with a corrected summary.
	await switchTo(page, 'mentorMbo');
	await page.goto('/notifications');
	await expect(
		page.getByText('Daan Bakker vindt het verslag van het gesprek', { exact: false }).first()
	).toBeVisible();
	await gotoReady(page, mentorPath);
	await expect(page.getByText(reply)).toBeVisible();
	await expect(page.getByText('de leerling vindt het niet helemaal kloppen')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Je antwoord aan de leerling').fill(answer);
	await page.getByLabel(/^Samenvatting \(pas hem aan/).fill(better);
	await page.getByRole('button', { name: 'Antwoord versturen' }).click();
	await expect(
		page.getByText('Verstuurd. De leerling kan het verslag nu bevestigen', { exact: false })
	).toBeVisible();
	await expect(page.getByText('nog niet bevestigd door de leerling')).toBeVisible();
	await shot(page, 'mentor-answered');

	// The student reads the answer and agrees: only now is it confirmed.
	await switchTo(page, 'studentMbo');
	await gotoReady(page, `/student/conversations/${id}`);
	await expect(page.getByText(better)).toBeVisible();
	await expect(page.getByText(answer)).toBeVisible();
	await expect(page.getByText('Je mentor heeft gereageerd. Klopt het verslag nu?')).toBeVisible();
	await page.getByRole('button', { name: 'Ja, dit klopt' }).click();
	await expect(page.getByText('Je hebt dit bevestigd.').first()).toBeVisible();
	await expect(page.getByText('Niet helemaal', { exact: true })).toHaveCount(0);

	await switchTo(page, 'mentorMbo');
	await page.goto(mentorPath);
	await expect(page.getByText('bevestigd door leerling')).toBeVisible();
	await page.goto('/notifications');
	await expect(
		page.getByText('Daan Bakker vindt het verslag van het gesprek', { exact: false }).first()
	).toBeVisible();
});

test('"Heeft aandacht nodig" names the reason per row and shows only students with one', async ({ page }) => {
	await loginAs(page, 'mentor');
	await openGroup(page, '3KB-A');
	const table = page.locator('table.overview');
	const rows = table.locator('tbody tr');
	const all = await rows.count();
	expect(all).toBeGreaterThan(5);
	// Never written, never talked: both reasons, in words.
	const sem = rows.filter({ hasText: 'Kok, Sem' });
	await expect(sem).toContainText('nog niets geschreven');
	await expect(sem).toContainText('nog geen gesprek dit jaar');
	// Self-ratings are part of the overview.
	await expect(rows.filter({ hasText: 'Vries, Sanne de' })).toContainText('zelf 3');

	// Quiet counted from a year: students who wrote and talked this year have no reason and are left out.
	await page.getByLabel('Toon').selectOption('attention');
	await page.getByLabel('Niets geschreven in (weken)').fill('52');
	await page.getByRole('button', { name: 'Toepassen' }).click();
	await expect(page).toHaveURL(/filter=attention/);
	const flagged = await rows.count();
	expect(flagged).toBeGreaterThan(0);
	expect(flagged).toBeLessThan(all);
	await expect(rows.filter({ hasText: 'Kok, Sem' })).toHaveCount(1);
	await expect(rows.filter({ hasText: 'Berg, Lotte van den' })).toHaveCount(0);
	for (let n = 0; n < flagged; n++) await expect(rows.nth(n).locator('td.reasons li').first()).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'attention');
});
