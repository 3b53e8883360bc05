// Doorstroom and the right of access, as a student and an admin meet them: Sanne downloads her portfolio
// at Demo College, reads it in with her account at Vakcollege Rijnmond (the second demo school), and the
// admin downloads a student's data on an access request. The phone project does it without JavaScript.
import { expect, test, type Browser, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, expectAccessible, gotoReady, loginAs } from './helpers';
import { openSafeZip } from '../../src/lib/server/portfolio/zip-reader';

const DB_PATH = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;
// Students at the second school this file changes, by project: [desktop, phone].
const NEW_STUDENT = ['s.devries', 'i.amrani'];

function userId(username: string): number {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		return (db.prepare('select id from user where username = ?').get(username) as { id: number }).id;
	} finally {
		db.close();
	}
}

async function shot(page: Page, name: string, project: string) {
	if (!process.env.SHOTS_DIR) return;
	const width = project === 'phone' ? 360 : 1280;
	await page.screenshot({ path: `${process.env.SHOTS_DIR}/transfer-${name}-${width}.png`, fullPage: true });
}

async function signIn(
	browser: Browser,
	username: string,
	password: string,
	options: { js: boolean; viewport: { width: number; height: number } | null }
): Promise<Page> {
	const context = await browser.newContext({ javaScriptEnabled: options.js, viewport: options.viewport });
	const page = await context.newPage();
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(username);
	await page.locator('input[name="password"]').fill(password);
	await page.locator('main form button[type="submit"]').click();
	await expect(page).toHaveURL(/\/student/);
	return page;
}

test('a student brings their portfolio from the previous school', async ({ page, browser }, info) => {
	const js = info.project.name !== 'phone';
	await loginAs(page, 'student');
	const download = await page.request.get('/student/dossier/export');
	expect(download.status()).toBe(200);
	const zip = await download.body();

	const student = await signIn(browser, NEW_STUDENT[js ? 0 : 1], DEMO.student.password, {
		js,
		viewport: info.project.use.viewport ?? null
	});
	// axe runs scripts in the page, so it scans only where JavaScript is on (the other pages are the same).
	const scan = async () => {
		if (js) await expectAccessible(student);
	};
	await student.goto('/student/dossier');
	await student.getByRole('link', { name: 'Portfolio van je vorige school inlezen' }).click();
	await expect(student).toHaveURL(/\/student\/transfer$/);
	await expect(student.getByRole('heading', { level: 1 })).toHaveText('Portfolio van je vorige school');
	await scan();
	await shot(student, 'empty', info.project.name);

	// Not a ZIP: a clear message at the field, the choice kept, nothing read in.
	await student.locator('input[type="file"]').setInputFiles({
		name: 'portfolio.zip',
		mimeType: 'application/zip',
		buffer: Buffer.from('dit is geen zip')
	});
	await student.getByLabel('Zoals het op mijn vorige school was.').check();
	await student.getByRole('button', { name: 'Portfolio inlezen' }).click();
	await expect(student.locator('#file-error')).toHaveText(/Dit is geen ZIP-bestand/);
	await expect(student.getByLabel('Zoals het op mijn vorige school was.')).toBeChecked();
	await expect(student.getByText('Je hebt nog geen portfolio ingelezen.')).toBeVisible();
	await scan();
	await shot(student, 'error', info.project.name);

	await student.locator('input[type="file"]').setInputFiles({
		name: 'koers-portfolio.zip',
		mimeType: 'application/zip',
		buffer: zip
	});
	await student.getByLabel('Alleen ik. Ik kies later zelf wat mijn nieuwe mentor mag zien.').check();
	await student.getByRole('button', { name: 'Portfolio inlezen' }).click();
	await expect(student.getByRole('status')).toContainText(
		'Gelukt! Je portfolio van Demo College Koers staat nu in Koers.'
	);
	await expect(student.getByRole('heading', { name: 'Van Demo College Koers' })).toBeVisible();
	await scan();
	await shot(student, 'done', info.project.name);

	// The same file twice is refused; nothing doubles.
	await student
		.locator('input[type="file"]')
		.setInputFiles({ name: 'k.zip', mimeType: 'application/zip', buffer: zip });
	await student.getByRole('button', { name: 'Portfolio inlezen' }).click();
	await expect(student.locator('#file-error')).toHaveText(
		'Dit bestand heb je al ingelezen. Je ziet het hieronder.'
	);
	await expect(student.getByRole('heading', { name: 'Van Demo College Koers' })).toHaveCount(1);

	// The reflections are there, marked, and private for now.
	await student.goto('/student/reflections');
	await expect(student.locator('.badge', { hasText: 'Vorige school' }).first()).toBeVisible();
	// Other tests add reflections to Sanne, so which titles fill the first page varies: take the first one.
	const fromOldSchool = student.locator('li', {
		has: student.locator('.badge', { hasText: 'Vorige school' })
	});
	await shot(student, 'reflections', info.project.name);
	await fromOldSchool.first().locator('a.title').click();
	await expect(student.getByText('Van je vorige school: Demo College Koers')).toBeVisible();

	// Undo needs the tick first, then takes everything away again.
	await student.goto('/student/transfer');
	await student.getByRole('button', { name: /^Weghalen/ }).click();
	await expect(student.getByRole('alert')).toHaveText('Zet eerst een vinkje als je het zeker weet.');
	await student.getByLabel(/Ja, haal alles van dit bestand weer weg/).check();
	await student.getByRole('button', { name: /^Weghalen/ }).click();
	await expect(student.getByRole('status')).toHaveText('Alles van dat bestand is weer weg.');
	await student.goto('/student/reflections');
	await expect(student.locator('.badge', { hasText: 'Vorige school' })).toHaveCount(0);
	await student.context().close();
});

test('the admin downloads everything about a student on an access request', async ({ page }, info) => {
	test.skip(info.project.name === 'phone', 'a download: once is enough');
	const sanne = userId(DEMO.student.username);
	await loginAs(page, 'admin');
	await gotoReady(page, `/admin/users/${sanne}`);
	await expect(page.getByRole('heading', { name: 'Inzageverzoek' })).toBeVisible();
	const [file] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download alle gegevens (ZIP)' }).click()
	]);
	const bytes = await (await import('node:fs/promises')).readFile((await file.path())!);
	const zip = await openSafeZip(bytes, {
		maxEntries: 1000,
		maxEntryBytes: 20e6,
		maxTotalBytes: 100e6,
		maxRatio: 100
	});
	expect(zip.names).toEqual(expect.arrayContaining(['portfolio.json', 'mijn-gegevens.json']));
	const portfolio = JSON.parse((await zip.read('portfolio.json'))!.toString());
	expect(portfolio.student.name).toBe('Sanne de Vries');
	// The formal request holds the mentor's working note, which Sanne's own download leaves out.
	expect((await zip.read('mijn-gegevens.json'))!.toString()).toContain(
		'Sanne twijfelt tussen zorg en handel'
	);
	zip.close();

	// The download is in the audit trail, and another school's admin cannot get it.
	await gotoReady(page, '/admin/audit');
	await expect(page.locator('main')).toContainText('Sanne de Vries');
	const other = await page.context().browser()!.newContext();
	const otherPage = await other.newPage();
	await otherPage.goto('/login');
	await otherPage.locator('input[name="username"]').fill('beheer.rijnmond');
	await otherPage.locator('input[name="password"]').fill(DEMO.admin.password);
	await otherPage.locator('main form button[type="submit"]').click();
	await expect(otherPage).toHaveURL(/\/admin/);
	expect((await otherPage.request.get(`/admin/users/${sanne}/export`)).status()).toBe(404);
	await other.close();
});
