// A formal access request (inzage): the admin downloads a student's ZIP, and its index.html reads well
// from disk, offline, with the account, the groups and the mentors in it.
import { expect, test } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import yauzl from 'yauzl';
import { loginAs } from './helpers';

/** Every file of the ZIP into dir (the names were checked by the app that wrote it; yauzl refuses "..") */
function unzip(zipPath: string, dir: string): Promise<string[]> {
	return new Promise((resolve, reject) => {
		yauzl.open(zipPath, { lazyEntries: true }, (err, zip) => {
			if (err) return reject(err);
			const names: string[] = [];
			zip.on('entry', (entry: yauzl.Entry) => {
				if (entry.fileName.endsWith('/')) return zip.readEntry();
				zip.openReadStream(entry, (e, stream) => {
					if (e) return reject(e);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						const target = join(dir, entry.fileName);
						mkdirSync(dirname(target), { recursive: true });
						writeFileSync(target, Buffer.concat(chunks));
						names.push(entry.fileName);
						zip.readEntry();
					});
				});
			});
			zip.on('end', () => resolve(names));
			zip.on('error', reject);
			zip.readEntry();
		});
	});
}

test('the admin downloads a student’s data; index.html opens offline with account, groups and mentors', async ({
	page,
	browser
}) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/users?q=sanne');
	await page.getByRole('link', { name: 'Vries, Sanne de' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download alle gegevens (ZIP)' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^koers-gegevens-\d+-\d{4}-\d{2}-\d{2}\.zip$/);
	const zipPath = test.info().outputPath('inzage.zip');
	await download.saveAs(zipPath);
	const dir = test.info().outputPath('inzage');
	const names = await unzip(zipPath, dir);
	expect(names).toEqual(expect.arrayContaining(['index.html', 'portfolio.json', 'mijn-gegevens.json']));

	// From disk, with no network at all: what a school hands over on a USB stick.
	const context = await browser.newContext({ offline: true, viewport: { width: 1280, height: 900 } });
	const local = await context.newPage();
	await local.goto(pathToFileURL(join(dir, 'index.html')).href);
	await expect(local.getByRole('heading', { level: 1 })).toHaveText('Portfolio van Sanne de Vries');
	const account = local.locator('section', { has: local.getByRole('heading', { name: 'Je account' }) });
	await expect(account).toContainText('sanne.devries');
	await expect(account).toContainText('Leerling');
	const groups = local.locator('section', { has: local.getByRole('heading', { name: 'Je groepen' }) });
	await expect(groups.getByRole('rowheader', { name: /^3KB-A/ })).toBeVisible();
	const mentors = local.locator('section', { has: local.getByRole('heading', { name: 'Je mentoren' }) });
	await expect(mentors.getByRole('row', { name: /Marieke Jansen.*3KB-A/ })).toBeVisible();
	// The admin's download is itself in the trail, as a sentence.
	await expect(local.getByRole('heading', { name: 'Wie iets met je gegevens deed' })).toBeVisible();
	expect(await local.locator('body').innerText()).not.toMatch(/\S {2}\S/);
	await local.screenshot({ path: test.info().outputPath('inzage-index-1280.png'), fullPage: true });
	await context.close();
});
