import { expect, test, type Page, type TestInfo } from '@playwright/test';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { inflateRawSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { expectAccessible, loginAs, openMenu, gotoReady } from './helpers';

// Reflections are written through the reflections feature; until its screens and demo data are here, this
// file puts the reflections it needs straight into the e2e database (test code only).
const DB = `./data/e2e-${process.env.E2E_PORT ?? 4173}.db`;

function insertReflection(
	username: string,
	values: { title: string; vervolg?: string; visibility?: string }
): number {
	const db = new Database(DB);
	try {
		const me = db.prepare('select id, school_id as schoolId from user where username = ?').get(username) as {
			id: number;
			schoolId: number;
		};
		const now = Date.now();
		const id = Number(
			db
				.prepare(
					`insert into reflection (school_id, student_id, activity_type, title, doel, resultaat, evaluatie, vervolg,
						visibility, finished_at, activity_date, activity_place)
					 values (?, ?, 'meeloopdag', ?, 'Ik wilde weten of de zorg bij mij past.', 'Ik liep mee met een verzorgende.',
						'Ik vond het fijn om te helpen.', ?, ?, ?, '2026-10-08', 'Zorgcentrum De Linde')`
				)
				.run(me.schoolId, me.id, values.title, values.vervolg ?? '', values.visibility ?? 'dossier', now)
				.lastInsertRowid
		);
		db.prepare(
			`insert into reflection_competency (reflection_id, school_id, competency) values (?, ?, 'werkexploratie')`
		).run(id, me.schoolId);
		return id;
	} finally {
		db.close();
	}
}

const subnav = (page: Page) => page.getByRole('navigation', { name: 'Mijn portfolio' });

async function shot(page: Page, info: TestInfo, name: string) {
	const width = page.viewportSize()?.width ?? 0;
	await page.screenshot({ path: info.outputPath(`growth-${name}-${width}.png`), fullPage: true });
}

/** The named entry of a ZIP, read through its central directory (archiver streams, so local sizes are 0). */
function unzipEntry(zip: Buffer, name: string): Buffer | undefined {
	const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
	let p = zip.readUInt32LE(end + 16);
	const entries = zip.readUInt16LE(end + 10);
	for (let i = 0; i < entries; i++) {
		const method = zip.readUInt16LE(p + 10);
		const size = zip.readUInt32LE(p + 20);
		const nameLen = zip.readUInt16LE(p + 28);
		const extraLen = zip.readUInt16LE(p + 30);
		const commentLen = zip.readUInt16LE(p + 32);
		const local = zip.readUInt32LE(p + 42);
		const entryName = zip.subarray(p + 46, p + 46 + nameLen).toString('utf8');
		if (entryName === name) {
			const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
			const data = zip.subarray(start, start + size);
			return method === 8 ? inflateRawSync(data) : data;
		}
		p += 46 + nameLen + extraLen + commentLen;
	}
	return undefined;
}

test('the overview shows the radar with its table, goals and recent activity', async ({ page }, info) => {
	insertReflection('sanne.devries', { title: 'Meeloopdag in de zorg' });
	await loginAs(page, 'student');
	await openMenu(page);
	await expect(page.getByRole('navigation', { name: 'Mijn portfolio' })).toBeVisible();
	await expect(subnav(page).getByRole('link', { name: 'Overzicht' })).toHaveAttribute('aria-current', 'page');
	const chart = page.getByRole('img', { name: /Radar van je vijf vragen/ });
	await expect(chart).toBeVisible();
	// chart.js loads when the chart comes near the screen, and draws into the canvas once its chunk is in.
	await chart.scrollIntoViewIfNeeded();
	await expect
		.poll(() => chart.locator('canvas').evaluate((c: HTMLCanvasElement) => c.toDataURL().length))
		.toBeGreaterThan(5000);
	const table = page.getByRole('table', { name: 'Je vijf vragen in een tabel' });
	await expect(table.getByRole('row', { name: /Welk werk past bij mij\?/ })).toContainText('vandaag');
	await expect(table.getByRole('row', { name: /Wat vind ik belangrijk\?/ })).toContainText(
		/nog nooit|geleden|vandaag|gisteren/
	);
	await expect(page.getByRole('heading', { name: 'Je open doelen' })).toBeVisible();
	await expect(page.getByText('Ik ga naar de open dag van het ROC').first()).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Wat je laatst deed' })).toBeVisible();
	await expectAccessible(page);
	await shot(page, info, 'overview');
});

// The demo seed gives every third student no ratings or goals; jayden.visser is one of them.
test('a student with nothing yet sees the first step', async ({ page }) => {
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill('jayden.visser');
	await page.locator('input[name="password"]').fill('Leerling-2026');
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(/\/student$/);
	await expect(page.getByRole('link', { name: 'Schrijf je eerste reflectie' })).toHaveAttribute(
		'href',
		'/student/reflections/new'
	);
	await expect(page.getByRole('img', { name: /Radar/ })).toHaveCount(0);
	await expectAccessible(page);
});

test('a student rates themself and sees the earlier rating', async ({ page }, info) => {
	await loginAs(page, 'student');
	await openMenu(page);
	await subnav(page).getByRole('link', { name: 'Zo sta ik ervoor' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Zo sta ik ervoor' })).toBeVisible();
	await expectAccessible(page);
	const section = page.locator('#rate-motieven');
	await section.getByRole('radio', { name: /Ik weet wat ik belangrijk vind/ }).check();
	await section
		.getByLabel('Wil je iets uitleggen? (mag leeg)')
		.fill(`Ik wil mensen helpen (${info.project.name}).`);
	await section.getByRole('button', { name: 'Bewaar mijn keuze' }).click();
	await expect(section.getByRole('status')).toHaveText('Bewaard. Goed bezig!');
	await expect(section).toContainText('Nu: 3 van 4');
	await section.getByText('Eerder gekozen').click();
	await expect(section.getByText(`Ik wil mensen helpen (${info.project.name}).`)).toBeVisible();
	await shot(page, info, 'ratings');

	// Without a choice the form says what is missing.
	const other = page.locator('#rate-netwerken');
	await other
		.locator('input[type=radio]')
		.first()
		.evaluate((el) =>
			el
				.closest('fieldset')
				?.querySelectorAll('input')
				.forEach((i) => (i.required = false))
		);
	await other.getByRole('button', { name: 'Bewaar mijn keuze' }).click();
	await expect(page.locator('#rate-netwerken')).toContainText('Kies een van de vier zinnen.');
});

test('a student adds a goal, and a date in the year 3000 is refused', async ({ page }, info) => {
	const title = `Ik bezoek een garage (${info.project.name})`;
	await loginAs(page, 'student');
	await openMenu(page);
	await subnav(page).getByRole('link', { name: 'Doelen' }).click();
	await expectAccessible(page);
	const form = page.locator('#new-goal');
	await form.getByLabel('Wat wil je doen?').fill(title);
	await form.getByLabel('Bij welke vraag hoort dit?').selectOption('werkexploratie');
	await form.getByLabel('Wanneer is het klaar? (mag leeg)').fill('3000-01-01');
	await form.getByRole('button', { name: 'Doel opslaan' }).click();
	await expect(form).toContainText('Kies een echte datum');
	await expect(form.getByLabel('Wat wil je doen?')).toHaveValue(title);
	await form.getByLabel('Wanneer is het klaar? (mag leeg)').fill('2027-03-15');
	await form.getByRole('button', { name: 'Doel opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('Je doel staat erbij.');
	const card = page.locator('li.goal', { hasText: title });
	await expect(card).toContainText('15 maart 2027');
	await card.getByRole('button', { name: 'Het is gelukt' }).click();
	await expect(
		page.locator('section', { hasText: 'Gelukt of gestopt' }).locator('li.goal', { hasText: title })
	).toBeVisible();
	await shot(page, info, 'goals');
});

test("a reflection's next step becomes a goal in one tap; another student's reflection is a 404", async ({
	page
}, info) => {
	const mine = insertReflection('sanne.devries', {
		title: `Open dag (${info.project.name})`,
		vervolg: `Ik vraag op de open dag naar stages (${info.project.name}).`
	});
	const theirs = insertReflection('daan.bakker', { title: 'Van Daan', vervolg: 'Ik ga stage lopen.' });
	await loginAs(page, 'student');
	// The reflection's page posts this form (without JavaScript as well); here it is posted from the goals page.
	const post = async (reflectionId: number) => {
		const response = page.waitForResponse(
			(r) => r.url().includes('fromReflection') && r.request().method() === 'POST'
		);
		await page.evaluate((id) => {
			const form = document.createElement('form');
			form.method = 'POST';
			form.action = '/student/goals?/fromReflection';
			const input = Object.assign(document.createElement('input'), {
				type: 'hidden',
				name: 'reflectionId',
				value: id
			});
			form.append(input);
			document.body.append(form);
			form.submit();
		}, String(reflectionId));
		return response;
	};
	await page.goto('/student/goals');
	expect((await post(theirs)).status()).toBe(404);
	await expect(page.getByRole('heading', { level: 1, name: 'Deze pagina bestaat niet' })).toBeVisible();
	await page.goto('/student/goals');
	expect((await post(mine)).status()).toBe(303);
	await expect(page).toHaveURL(/\/student\/goals\?from=created&goal=\d+#goal-\d+$/);
	await expect(page.getByRole('status')).toHaveText('Je volgende stap is nu een doel.');
	const card = page.locator('li.goal.highlight');
	await expect(card).toContainText(`Ik vraag op de open dag naar stages (${info.project.name}).`);
	await expect(card.getByText('Nieuw')).toBeVisible();
});

test('a student attaches a photo; a fake .jpg is refused with a clear message', async ({ page }, info) => {
	const id = insertReflection('sanne.devries', { title: `Stage bij de kapper (${info.project.name})` });
	await loginAs(page, 'student');
	await page.goto(`/student/reflections/${id}/attachments`);
	await expect(page.getByRole('heading', { level: 1, name: 'Bewijs bij je reflectie' })).toBeVisible();
	await expectAccessible(page);

	await page
		.getByLabel('Kies een bestand')
		.first()
		.setInputFiles({
			name: 'foto.jpg',
			mimeType: 'image/jpeg',
			buffer: Buffer.from('Dit is geen foto, alleen tekst met een .jpg-naam.')
		});
	await page.getByRole('button', { name: 'Bestand toevoegen' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Dit bestand kan niet\. Kies een foto/);

	const photo = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#0b5e6b' } })
		.jpeg()
		.withExif({ IFD0: { Make: 'TestCam', ImageDescription: 'Dorpsstraat 1' } })
		.toBuffer();
	await page
		.getByLabel('Kies een bestand')
		.first()
		.setInputFiles({ name: 'stageplek.jpg', mimeType: 'image/jpeg', buffer: photo });
	await page.getByRole('button', { name: 'Bestand toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText('Je bestand staat erbij.');
	const img = page.getByRole('img', { name: 'stageplek.jpg' });
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(640);

	const served = await page.request.get((await img.getAttribute('src')) ?? '');
	expect(served.headers()['content-type']).toBe('image/jpeg');
	expect(served.headers()['x-content-type-options']).toBe('nosniff');
	expect(served.headers()['content-disposition']).toMatch(/^inline; filename="stageplek\.jpg"/);
	expect((await served.body()).includes(Buffer.from('TestCam'))).toBe(false);
	await expectAccessible(page);
	await shot(page, info, 'attachments');

	// Daan may not see Sanne's evidence, nor her upload page.
	const src = (await img.getAttribute('src')) ?? '';
	await page.context().clearCookies();
	await loginAs(page, 'studentMbo');
	expect((await page.request.get(src)).status()).toBe(404);
	expect((await page.goto(`/student/reflections/${id}/attachments`))?.status()).toBe(404);
});

test('the dossier prints cleanly and the export downloads a ZIP with portfolio.json', async ({
	page
}, info) => {
	insertReflection('sanne.devries', {
		title: `Dossierstuk (${info.project.name})`,
		vervolg: 'Ik ga naar de open dag.'
	});
	await loginAs(page, 'student');
	await openMenu(page);
	await subnav(page).getByRole('link', { name: 'Dossier' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn loopbaandossier' })).toBeVisible();
	await expect(page.getByRole('heading', { name: `Dossierstuk (${info.project.name})` })).toBeVisible();
	await expect(page.getByText('Wat ga ik nu doen?').first()).toBeVisible();
	await expectAccessible(page);
	await shot(page, info, 'dossier');

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Mijn portfolio' })).toBeHidden();
	await expect(page.getByRole('button', { name: 'Printen of bewaren als PDF' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1, name: 'Mijn loopbaandossier' })).toBeVisible();
	await shot(page, info, 'dossier-print');
	await page.emulateMedia({ media: 'screen' });

	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('link', { name: 'Download alles als ZIP' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^koers-portfolio-\d{4}-\d{2}-\d{2}\.zip$/);
	const zip = readFileSync((await download.path()) ?? '');
	const json = JSON.parse(unzipEntry(zip, 'portfolio.json')?.toString('utf8') ?? '{}');
	expect(json.schemaVersion).toBe(1);
	expect(json.student.name).toBe('Sanne de Vries');
	expect(
		json.reflections.some((r: { title: string }) => r.title === `Dossierstuk (${info.project.name})`)
	).toBe(true);
	expect(json.selfRatings.length).toBeGreaterThan(5);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a goal is added, refused input keeps its text, and the goal is marked done', async ({
		page
	}, info) => {
		const title = `Ik maak een cv (${info.project.name}, zonder JS)`;
		await loginAs(page, 'student');
		await page.goto('/student/goals');
		const form = page.locator('#new-goal');
		await form.getByLabel('Wat wil je doen?').fill(title);
		await form.getByLabel('Wanneer is het klaar? (mag leeg)').fill('3000-12-31');
		await form.getByRole('button', { name: 'Doel opslaan' }).click();
		await expect(page.locator('#new-goal')).toContainText('Kies een echte datum');
		await expect(page.locator('#new-goal').getByLabel('Wat wil je doen?')).toHaveValue(title);
		await page.locator('#new-goal').getByLabel('Wanneer is het klaar? (mag leeg)').fill('');
		await page.locator('#new-goal').getByRole('button', { name: 'Doel opslaan' }).click();
		await expect(page.getByRole('status')).toHaveText('Je doel staat erbij.');
		await page.locator('li.goal', { hasText: title }).getByRole('button', { name: 'Het is gelukt' }).click();
		await expect(page.getByRole('status')).toHaveText('Goed gedaan! Je doel is gelukt.');
	});
});
