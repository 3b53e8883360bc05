import { expect, test } from '@playwright/test';
import Database from 'better-sqlite3';
import iconv from 'iconv-lite';
import { expectAccessible, loginAs, gotoReady } from './helpers';

const DB_PATH = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;

// Like a Magister export: `;`, Windows-1252 (which has no ş: Ayşe is in the UTF-8 file below), leading
// zeros, particles, a mentor column.
const MAGISTER = iconv.encode(
	[
		'Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Profiel;Mentor',
		'0070001;Zoë;van der;Linden;2KB-C;vmbo-kb 2;M. Jansen',
		'0070002;Siebe;de;Groot;2KB-C;vmbo-kb 2;M. Jansen',
		'0070003;Ayla;;Kaya;2KB-C;vmbo-kb 2;M. Jansen'
	].join('\r\n'),
	'win1252'
);

// Like a Somtoday export: `,`, UTF-8, other headers; it moves two students to a new group.
const SOMTODAY = Buffer.from(
	[
		'leerlingnummer,roepnaam,voorvoegsel,achternaam,stamgroep,leerjaar',
		'0070001,Zoë,van der,Linden,3KB-C,3',
		'0070002,Siebe,de,Groot,3KB-C,3',
		'0070003,Ayşe,,Kaya,2KB-C,2'
	].join('\n')
);

test.describe.configure({ mode: 'serial' });

function leftCount(): number {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		return (db.prepare('SELECT count(*) n FROM user WHERE left_at IS NOT NULL').get() as { n: number }).n;
	} finally {
		db.close();
	}
}

// Saved on a Mac: read as Windows-1252 it would say "…mer ‚elik" and "Zo‘ Bakker".
const MAC_ROMAN = iconv.encode(
	['Stamnummer;Roepnaam;Achternaam;Klas', '0090001;Ömer;Çelik;1A', '0090002;Zoë;Bakker;1A'].join('\r\n'),
	'macintosh'
);

test('an admin imports a Magister and then a Somtoday export and sees the groups', async ({ page }, info) => {
	test.skip(info.project.name !== 'desktop', 'one import run is enough; the phone view is checked below');
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/import');
	await expectAccessible(page);
	await page.setInputFiles('input[name="file"]', {
		name: 'magister.csv',
		mimeType: 'text/csv',
		buffer: MAGISTER
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('magister.csv');
	await expect(page.getByText('3 regels · scheidingsteken ; · tekenset windows-1252')).toBeVisible();
	// Recognised columns, a preview with the accents and zeros intact, and the demo students not in the file.
	await expect(page.locator('#map-familyNamePrefix')).toHaveValue('2');
	await expect(page.getByRole('cell', { name: 'Zoë van der Linden' })).toBeVisible();
	await expect(page.getByRole('cell', { name: '0070001' })).toBeVisible();
	// A partial file with the box untouched: the rest of the school is not marked as left.
	await expect(
		page.getByLabel('Leerlingen die niet in dit bestand staan, zijn van school af')
	).not.toBeChecked();
	await expect(page.getByText('worden gemarkeerd als van school af')).toHaveCount(0);
	await expectAccessible(page);
	const leftBefore = leftCount();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Import klaar: 3 nieuw');
	await expect(page.getByRole('status')).toContainText('0 van school af');
	expect(leftCount()).toBe(leftBefore);

	await gotoReady(page, '/admin/import');
	await page.setInputFiles('input[name="file"]', {
		name: 'somtoday.csv',
		mimeType: 'text/csv',
		buffer: SOMTODAY
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.locator('.counts li').filter({ hasText: 'Andere groep' })).toContainText('2');
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('2 naar een andere groep');
});

test('a broken file gets a clear message and nothing is imported', async ({ page }) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/import');
	const rows = [
		'Stamnummer;Roepnaam;Achternaam;Klas',
		'0080001;Kim;Bos;1A',
		'0080001;Kai;Bos;1A',
		';Lou;Ros;1A'
	];
	await page.setInputFiles('input[name="file"]', {
		name: 'dubbel.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(rows.join('\n'))
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.getByText('3 regels hebben een probleem')).toBeVisible();
	await expect(page.getByText('leerlingnummer staat ook op regel 3')).toBeVisible();
	await expect(page.getByText('Leerlingnummer ontbreekt')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
	await expectAccessible(page);

	await gotoReady(page, '/admin/import');
	await page.setInputFiles('input[name="file"]', {
		name: 'leeg.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Stamnummer;Roepnaam\n')
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.locator('.field-error')).toHaveText(
		'Het bestand heeft een kopregel, maar geen regels met gegevens.'
	);
});

test('a Mac Roman file cannot be applied until the admin picks the encoding the names read right in', async ({
	page
}, info) => {
	test.skip(info.project.name !== 'desktop', 'one import run is enough');
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/import');
	await page.setInputFiles('input[name="file"]', {
		name: 'mac.csv',
		mimeType: 'text/csv',
		buffer: MAC_ROMAN
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.getByRole('heading', { name: 'Staan de namen goed?' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toHaveCount(0);
	const win = page.getByRole('list', { name: 'Voorbeelden van namen in Windows-1252' });
	const mac = page.getByRole('list', { name: 'Voorbeelden van namen in Mac Roman' });
	await expect(win).toContainText('…mer ‚elik');
	await expect(win).toContainText('Zo‘ Bakker');
	await expect(mac).toContainText('Ömer Çelik');
	await expect(mac).toContainText('Zoë Bakker');
	await expectAccessible(page);
	// A POST without the choice is still refused.
	const refused = await page.request.post(`${page.url()}?/apply`, {
		form: {},
		headers: { origin: new URL(page.url()).origin }
	});
	expect(await refused.text()).toContain('Kies eerst de tekenset');
	await page.getByRole('radio', { name: /Mac Roman/ }).check();
	await page.getByRole('button', { name: 'Deze tekenset gebruiken' }).click();
	await expect(page.getByRole('status')).toContainText('opnieuw gelezen');
	await expect(page.getByRole('cell', { name: 'Ömer Çelik' })).toBeVisible();
	await expect(page.getByText('2 regels · scheidingsteken ; · tekenset macintosh')).toBeVisible();
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByRole('status')).toContainText('Import klaar: 2 nieuw');
});

test('students and mentors cannot reach the import', async ({ page }) => {
	await loginAs(page, 'mentor');
	const response = await page.goto('/admin/import');
	expect(response?.status()).toBe(404);
});

// A Magister "medewerkers" export: the e-mail address is the key; the job title gives the role.
const STAFF = iconv.encode(
	[
		'Code;Roepnaam;Tussenvoegsel;Achternaam;E-mail;Functie',
		'VDB;Joëlle;van den;Broek;j.vandenbroek@demo-college.nl;Mentor 2KB-C',
		'KRS;Ömer;;Kars;o.kars@demo-college.nl;Docent techniek',
		'BOS;Anouk;;Bos;a.bos@demo-college.nl;Decaan'
	].join('\r\n'),
	'win1252'
);

test('an admin imports staff accounts; roles come from the job title', async ({ page }, info) => {
	test.skip(info.project.name !== 'desktop', 'one import run is enough');
	// The existing colleague the file matches is a.bos, whom no other test signs in as: a role added to a
	// shared demo account (m.jansen, DEMO.mentor) would change what every other test sees her do.
	const db = new Database(DB_PATH);
	try {
		db.prepare(`UPDATE user SET email = 'a.bos@demo-college.nl' WHERE username = 'a.bos'`).run();
	} finally {
		db.close();
	}
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/import');
	await page.getByLabel("Medewerkers: mentoren, SLB'ers, decanen en docenten").check();
	await page.setInputFiles('input[name="file"]', {
		name: 'medewerkers.csv',
		mimeType: 'text/csv',
		buffer: STAFF
	});
	await page.getByRole('button', { name: 'Bestand lezen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('medewerkers.csv');
	await expect(page.locator('#map-email')).toHaveValue('4');
	await expect(page.locator('#map-role')).toHaveValue('5');
	await expect(page.getByRole('cell', { name: 'Joëlle van den Broek' })).toBeVisible();
	// Anouk Bos exists: she keeps staff and gets coordinator on top.
	await expect(page.getByRole('row', { name: /Anouk Bos/ })).toContainText('Rol erbij');
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Importeren', exact: true }).click();
	await expect(page.getByRole('status')).toContainText(
		'Import klaar: 2 nieuw, 0 gewijzigd, 1 met een rol erbij.'
	);

	await page.goto('/admin/users?q=broek');
	await expect(page.getByRole('cell', { name: 'Mentor' }).first()).toBeVisible();
	await page.goto('/admin/import');
	await expect(page.getByRole('row', { name: /medewerkers\.csv/ })).toContainText('Medewerkers');
});
