// Issue 19, the loopbaandossier: Klaar needs the four C2 parts and a competency (item 2); the school's
// requirements, the student's progress and the mentor's sign-off (item 3); a read-only share link for the
// next school (item 5). Each project signs in as its own student where tests change shared state.
import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import { DB_PATH } from './hostile';
import { DEMO, expectAccessible, gotoReady, loginAs } from './helpers';

test.describe.configure({ timeout: 90_000 });

// Desktop works with Sanne, the phone with a classmate, so the two projects never share a sign-off.
const studentOf = (info: TestInfo) =>
	info.project.name === 'desktop'
		? { username: 'sanne.devries', name: 'Sanne de Vries' }
		: { username: 'aya.elidrissi', name: 'Aya El Idrissi' };

async function login(page: Page, username: string, password: string, home: string) {
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(new RegExp(`${home}(\\?.*)?$`));
}

async function shot(page: Page, info: TestInfo, name: string) {
	await page.screenshot({
		path: info.outputPath(`dossier-${name}-${info.project.name}.png`),
		fullPage: true
	});
}

function db<T>(work: (d: Database.Database) => T): T {
	const d = new Database(DB_PATH);
	d.pragma('busy_timeout = 5000');
	try {
		return work(d);
	} finally {
		d.close();
	}
}

/** A finished reflection in the student's dossier, straight into the e2e database (test setup only). */
function dossierReflection(username: string, title: string, competency: string): number {
	return db((d) => {
		const me = d.prepare('select id, school_id as schoolId from user where username = ?').get(username) as {
			id: number;
			schoolId: number;
		};
		const id = Number(
			d
				.prepare(
					`insert into reflection (school_id, student_id, activity_type, title, doel, resultaat, evaluatie, vervolg,
					 visibility, finished_at, activity_date) values (?, ?, 'open_dag', ?, 'Ik wilde de school zien.',
					 'Ik zag de lokalen.', 'Het paste bij mij.', 'Ik meld me aan.', 'dossier', ?, '2026-11-20')`
				)
				.run(me.schoolId, me.id, title, Date.now()).lastInsertRowid
		);
		d.prepare(
			'insert into reflection_competency (reflection_id, school_id, competency) values (?, ?, ?)'
		).run(id, me.schoolId, competency);
		return id;
	});
}

test.describe('Klaar needs the four parts and a competency', () => {
	for (const js of [true, false]) {
		test(`refused with parts missing, the text kept (${js ? 'with' : 'without'} JavaScript)`, async ({
			browser
		}, info) => {
			const context = await browser.newContext({ javaScriptEnabled: js });
			const page = await context.newPage();
			try {
				await loginAs(page, 'student');
				await gotoReady(page, '/student/reflections/new');
				await page.getByLabel('Wat voor activiteit was het?').selectOption('open_dag');
				const title = `Open dag ${info.project.name} ${js ? 'js' : 'nojs'} ${Date.now().toString(36)}`;
				await page.getByLabel('Titel').fill(title);
				await page.getByRole('button', { name: 'Begin met schrijven' }).click();
				// Nothing is stored yet: the editor of a new reflection (issue 19, item 15).
				await expect(page).toHaveURL(/\/student\/reflections\/new\/write\?/);
				if (js) await page.waitForLoadState('networkidle');
				const doel = 'Ik wilde weten of techniek iets voor mij is.';
				await page.getByLabel('Wat wilde je weten?').fill(doel);
				await page.getByRole('button', { name: 'Opslaan en klaar' }).click();

				await expect(page.getByRole('alert')).toContainText('Nog niet klaar');
				// The first save made the reflection; without JavaScript the answer is the page posted to.
				await expect(page).toHaveURL(js ? /\/reflections\/\d+\/edit$/ : /\/new\/write\?.*\/save$/);
				// At the fields, in student language.
				await expect(page.locator('#f-resultaat-error')).toHaveText('Wat je deed ontbreekt nog.');
				await expect(page.locator('#f-vervolg-error')).toHaveText('Je volgende stap ontbreekt nog.');
				await expect(page.locator('#f-competencies-error')).toHaveText(
					'Kies nog een vraag waar dit bij past.'
				);
				await expect(page.getByLabel('Wat wilde je weten?')).toHaveValue(doel);
				// axe runs as a script in the page: only where scripts run.
				if (js) await expectAccessible(page);
				await shot(page, info, `klaar-refused-${js ? 'js' : 'nojs'}`);

				// Saved as a draft: after a reload the text is there, and the reflection is still a draft.
				await gotoReady(page, `/student/reflections?q=${encodeURIComponent(title)}`);
				await page.getByRole('link', { name: title }).click();
				await expect(page.getByText(doel)).toBeVisible();
				await expect(page.getByText('Dit is nog een concept.')).toBeVisible();
			} finally {
				await context.close();
			}
		});
	}
});

async function mentorPage(browser: Browser) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await loginAs(page, 'mentor');
	return { context, page };
}

test('the decaan sets requirements, the student sees progress, the mentor signs off', async ({
	page,
	browser
}, info) => {
	const who = studentOf(info);
	const studentId = db(
		(d) => (d.prepare('select id from user where username = ?').get(who.username) as { id: number }).id
	);

	// The decaan's requirements for vmbo-kb 3, and the counts per group.
	const coord = await browser.newContext();
	const c = await coord.newPage();
	await loginAs(c, 'coordinator');
	await expect(c.getByRole('link', { name: 'Loopbaandossier: eisen en afronding' })).toBeVisible();
	// Filled only after hydration (see gotoReady): on a busy machine typing earlier can be undone.
	await gotoReady(c, '/coordinator/dossier');
	const kb3 = c.locator('form', { has: c.getByRole('heading', { name: 'vmbo-kb 3' }) });
	await kb3.getByLabel('Reflecties per loopbaanvraag (klaar)').fill('1');
	await kb3.getByLabel('Gehouden loopbaangesprekken').fill('2');
	await kb3.getByRole('button', { name: /Opslaan/ }).click();
	await expect(c.getByText('De eisen voor vmbo-kb 3 zijn opgeslagen.')).toBeVisible();
	await expect(c.getByRole('row', { name: /3KB-A/ })).toBeVisible();
	await expectAccessible(c);
	await shot(c, info, 'coordinator');

	// The mentor: "nog niet, omdat …" first.
	const mentor = await mentorPage(browser);
	const m = mentor.page;
	await gotoReady(m, `/mentor/students/${studentId}`);
	await m.getByRole('link', { name: 'Dossier en afronding' }).click();
	await expect(m.getByRole('heading', { level: 1, name: `Dossier van ${who.name}` })).toBeVisible();
	await expect(m.getByRole('list', { name: /Wat je school vraagt/ })).toBeVisible();
	await m.getByLabel('Nog niet, omdat …').check();
	await m.getByLabel('Wat moet er nog gebeuren?').fill('');
	await m.getByRole('button', { name: 'Opslaan' }).click();
	await expect(m.locator('#f-reason-error')).toHaveText('Schrijf waarom nog niet.');
	const reason = `Plan je tweede gesprek (${info.project.name}).`;
	await m.getByLabel('Wat moet er nog gebeuren?').fill(reason);
	await m.getByRole('button', { name: 'Opslaan' }).click();
	await expect(m.getByRole('status')).toContainText('Opgeslagen');
	await expectAccessible(m);
	await shot(m, info, 'mentor-signoff');

	// The student sees progress and the reason on the home screen.
	await login(page, who.username, DEMO.student.password, '/student');
	const card = page.locator('section', {
		has: page.getByRole('heading', { name: 'Je dossier van dit jaar' })
	});
	await expect(card).toContainText('Dit vraagt je school voor vmbo-kb 3.');
	await expect(card.getByRole('listitem').filter({ hasText: 'Gesprekken met je mentor' })).toContainText(
		/van 2/
	);
	await expect(card).toContainText(reason);
	await expectAccessible(page);
	await shot(page, info, 'home-progress');

	// Then "afgerond": name and date, on the home screen and in the dossier and its print.
	await m.getByLabel('Afgerond', { exact: true }).check();
	await m.getByRole('button', { name: 'Opslaan' }).click();
	await expect(m.getByText(/Afgerond op .+ door Marieke Jansen\./)).toBeVisible();
	await gotoReady(page, '/student');
	await expect(card).toContainText(/Afgerond op .+ door Marieke Jansen\./);
	await gotoReady(page, '/student/dossier');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('heading', { name: 'Afronding' })).toBeVisible();
	await expect(page.getByText(/Afgerond op .+ door Marieke Jansen\./)).toBeVisible();
	await page.emulateMedia({ media: 'screen' });
	for (const ctx of [coord, mentor.context]) await ctx.close();
});

test('a share link shows only the chosen part, is counted, and stops when revoked or expired', async ({
	page,
	browser
}, info) => {
	const who = studentOf(info);
	const stamp = `${info.project.name} ${Date.now().toString(36)}`;
	const inPart = `Open dag ROC (${stamp})`;
	const outside = `Netwerkavond (${stamp})`;
	dossierReflection(who.username, inPart, 'werkexploratie');
	dossierReflection(who.username, outside, 'netwerken');

	await login(page, who.username, DEMO.student.password, '/student');
	await gotoReady(page, '/student/dossier');
	await page.getByRole('link', { name: 'Deel je dossier met je nieuwe school' }).click();
	await page.getByLabel('Alleen: Welk werk past bij mij?').check();
	await page.getByLabel('Voor wie is de link?').fill(`Intake ${stamp}`);
	const inTwoWeeks = new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10);
	await page.getByLabel('Tot en met welke dag werkt de link?').fill(inTwoWeeks);
	await page.getByRole('button', { name: 'Maak de link' }).click();
	const link = await page.getByLabel('Je link', { exact: true }).inputValue();
	expect(link).toMatch(/\/dossier\/[a-z2-7]{32}$/);
	await expectAccessible(page);
	await shot(page, info, 'share');

	// Someone without an account opens it: only the chosen part, nothing to change.
	const outsider = await browser.newContext();
	const o = await outsider.newPage();
	const res = await o.goto(link);
	expect(res?.status()).toBe(200);
	await expect(o.getByRole('heading', { level: 1, name: `Loopbaandossier van ${who.name}` })).toBeVisible();
	await expect(o.getByRole('heading', { name: inPart })).toBeVisible();
	await expect(o.getByText(outside)).toHaveCount(0);
	await expect(o.locator('form, input, textarea, select, button')).toHaveCount(0);
	expect(res?.headers()['x-robots-tag']).toBe('noindex');
	await expectAccessible(o);
	await shot(o, info, 'share-public');
	await o.reload();

	// "Wie keek mee?": someone with the link, twice, and what they saw.
	await gotoReady(page, '/student/privacy');
	const views = page.locator('li', { hasText: `Intake ${stamp}` });
	await expect(views).toContainText('Iemand met je link, 2 keer');
	await expect(views).toContainText('zag: Alleen: Welk werk past bij mij?');

	// Revoked: gone at once.
	await gotoReady(page, '/student/dossier/share');
	const item = page.locator('li', { hasText: `Intake ${stamp}` });
	await item.getByRole('button', { name: /Stop deze link/ }).click();
	await expect(page.getByText('De link werkt niet meer.')).toBeVisible();
	expect((await o.goto(link))?.status()).toBe(404);

	// Expired: a second link whose last day has passed answers 404 too.
	await page.getByLabel('Mijn hele dossier').check();
	await page.getByLabel('Voor wie is de link?').fill(`Later ${stamp}`);
	await page.getByLabel('Tot en met welke dag werkt de link?').fill(inTwoWeeks);
	await page.getByRole('button', { name: 'Maak de link' }).click();
	const second = await page.getByLabel('Je link', { exact: true }).inputValue();
	expect((await o.goto(second))?.status()).toBe(200);
	db((d) =>
		d.prepare(`update dossier_share set expires_on = '2020-01-01' where recipient = ?`).run(`Later ${stamp}`)
	);
	expect((await o.goto(second))?.status()).toBe(404);
	await outsider.close();
});
