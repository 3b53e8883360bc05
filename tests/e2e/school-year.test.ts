import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import { expectAccessible, loginAs, gotoReady } from './helpers';

const DB_PATH = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;

// The next year, prepared in December: its students, classes and mentors come in by import.
const NEXT_YEAR = Buffer.from(
	['Stamnummer;Roepnaam;Achternaam;Klas;Mentor', '0095001;Noor;Visser;4KB-Z;M. Jansen'].join('\n')
);

function years(): { name: string; is_current: number }[] {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		return db.prepare('SELECT name, is_current FROM school_year ORDER BY starts_on').all() as {
			name: string;
			is_current: number;
		}[];
	} finally {
		db.close();
	}
}

test.describe.configure({ mode: 'serial' });

test('a staged school year does not take effect before its start date; mentors keep their groups', async ({
	page,
	browser
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one school year per run: the demo school has only one');
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/school-year');
	await page.getByLabel('Naam', { exact: true }).fill('2098-2099');
	await page.getByLabel('Begint op').fill('2098-08-01');
	await page.getByLabel('Eindigt op').fill('2099-07-31');
	await page.getByLabel('Ik begrijp dat op de begindatum').check();
	await page.getByRole('button', { name: 'Schooljaar voorbereiden' }).click();
	await expect(page.getByRole('status')).toContainText('Schooljaar 2098-2099 is klaargezet');
	await expect(page.getByRole('row', { name: /2098-2099/ })).toContainText('Gaat in op 1 augustus 2098');
	await expect(page.getByRole('row', { name: /Huidig schooljaar/ })).not.toContainText('2098-2099');
	expect(years().find((y) => y.name === '2098-2099')?.is_current).toBe(0);
	await expectAccessible(page);

	// Starting early asks for the year's name: a wrong one changes nothing.
	await page.getByLabel('Typ de naam van het schooljaar (2098-2099) om te bevestigen').fill('2098');
	await page.getByLabel('Waarom moet het eerder ingaan?').fill('Even proberen');
	await page.getByRole('button', { name: 'Nu laten ingaan' }).click();
	await expect(page.getByText('Typ precies de naam van het schooljaar.')).toBeVisible();
	expect(years().find((y) => y.name === '2098-2099')?.is_current).toBe(0);

	// The new classes and mentors are imported into the staged year.
	await gotoReady(page, '/admin/import');
	await page.getByLabel(/Het nieuwe schooljaar 2098-2099/).check();
	await page.setInputFiles('input[name="file"]', {
		name: 'volgend-jaar.csv',
		mimeType: 'text/csv',
		buffer: NEXT_YEAR
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.getByText('Voor schooljaar 2098-2099')).toBeVisible();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Import klaar: 1 nieuw');

	// Until the start date the mentor keeps 3KB-A and does not see the new class; the coordinator agrees.
	const mentor = await browser.newPage();
	await loginAs(mentor, 'mentor');
	await expect(mentor.getByText('3KB-A').first()).toBeVisible();
	await expect(mentor.getByText('4KB-Z')).toHaveCount(0);
	await expect(mentor.getByText('Je bent nog geen mentor')).toHaveCount(0);
	await mentor.close();
	const coordinator = await browser.newPage();
	await loginAs(coordinator, 'coordinator');
	await expect(coordinator.getByText(/2026-2027|2027-2028/).first()).toBeVisible();
	await expect(coordinator.getByText('2098-2099')).toHaveCount(0);
	await expect(coordinator.getByText('4KB-Z')).toHaveCount(0);
	await coordinator.close();
});
