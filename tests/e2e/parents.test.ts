// Issue 20, the acceptance flow: Sanne invites a parent, the parent registers with the code and sees exactly
// what Sanne shares "ook thuis" (her private reflection and the mentor's note are 404 and absent from every
// page and __data.json), leaves a note that Sanne sees; Sanne revokes and the parent's next request is refused.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DEMO, expectAccessible, gotoReady } from './helpers';
import { DB_PATH } from './authz/fixtures';

// Long flows on a shared 2-core machine.
test.describe.configure({ timeout: 240_000 });

// Text that must never reach a parent: the mentor's working note, a mentor comment, Sanne's private
// reflection and her own agenda point for the mentor.
const NEVER = [
	'twijfelt tussen zorg en handel',
	'Mooi dat je dit zo eerlijk opschrijft',
	'Ik heb veertig vragen ingevuld',
	'Welke meeloopdag kan ik kiezen?'
];

function sanneIds() {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		const sanne = (db.prepare(`SELECT id FROM user WHERE username = 'sanne.devries'`).get() as { id: number })
			.id;
		const privateOne = (
			db
				.prepare(
					`SELECT id FROM reflection WHERE student_id = ? AND visibility = 'private' ORDER BY id LIMIT 1`
				)
				.get(sanne) as { id: number }
		).id;
		// What Sanne shares with home: finished, not private, switched on, not deleted.
		const shared = db
			.prepare(
				`SELECT r.id, r.title FROM reflection r JOIN reflection_home_share h ON h.reflection_id = r.id
				 WHERE r.student_id = ? AND r.finished_at IS NOT NULL AND r.deleted_at IS NULL
				 AND r.visibility IN ('mentor', 'dossier') ORDER BY r.id`
			)
			.all(sanne) as { id: number; title: string }[];
		return { sanne, privateOne, shared };
	} finally {
		db.close();
	}
}

async function expectNothingHidden(request: APIRequestContext, url: string) {
	for (const u of [url, `${url.replace(/\/$/, '')}/__data.json`]) {
		const res = await request.get(u);
		const body = await res.text();
		for (const text of NEVER) expect(body, `${u} holds "${text}"`).not.toContain(text);
	}
}

/** loginAs, with room for a slow first render of a home page on a busy machine. */
async function loginAs(page: Page, who: keyof typeof DEMO) {
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(DEMO[who].username);
	await page.locator('input[name="password"]').fill(DEMO[who].password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(new RegExp(`${DEMO[who].home}(\\?.*)?$`), { timeout: 30_000 });
}

async function shot(page: Page, name: string) {
	await page.screenshot({
		path: `/tmp/shots/parents-${name}-${test.info().project.name}.png`,
		fullPage: true
	});
}

test('Sanne invites a parent, who sees only what she shares, leaves a note, and loses access when revoked', async ({
	page,
	browser
}) => {
	const ids = sanneIds();
	expect(ids.shared.length).toBeGreaterThan(0);
	const stamp = `${test.info().project.name}${Date.now().toString(36)}`;
	const username = `ouder.e2e.${stamp}`;
	// A new name each run: an earlier run's notes stay on Sanne's reflection after its parent was revoked.
	const family = `Vries ${stamp}`;

	// Sanne makes a code on her privacy page.
	await loginAs(page, 'student');
	await gotoReady(page, '/student/privacy');
	await expect(page.getByRole('heading', { name: 'Je ouders' })).toBeVisible();
	await page.getByRole('button', { name: 'Maak een code' }).click();
	const code = (await page.locator('.code').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{2}$/);
	await expectAccessible(page);
	await shot(page, 'student-privacy');

	// The parent registers with the link Sanne sent.
	const home = await browser.newContext();
	const parent = await home.newPage();
	await gotoReady(parent, `/login/parent?code=${code.replaceAll('-', '')}`);
	await expectAccessible(parent);
	await parent.getByLabel('Voornaam').fill('Petra');
	await parent.getByLabel('Achternaam').fill(family);
	await parent.getByLabel('Kies een gebruikersnaam').fill(username);
	await parent.getByLabel('Kies een wachtwoord').fill('Thuis-kijken-2026');
	await parent.getByLabel('Herhaal het wachtwoord').fill('Thuis-kijken-2026');
	await parent.getByRole('button', { name: 'Account maken' }).click();
	await expect(parent).toHaveURL(/\/parent$/);
	await expectAccessible(parent);

	// The code is used up: a second registration with it fails, and makes no account.
	const again = await browser.newContext();
	const reuse = await again.request.post('/login/parent', {
		form: {
			code,
			givenName: 'X',
			familyName: 'Y',
			username: `${username}.twee`,
			newPassword: 'Thuis-kijken-2026',
			repeatPassword: 'Thuis-kijken-2026'
		},
		headers: { Origin: new URL(page.url()).origin, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(reuse.status()).toBe(400);
	expect(await reuse.text()).toContain('Deze code werkt niet');
	await again.close();

	// Exactly the shared reflections, nothing else.
	await parent.getByRole('link', { name: 'Bekijk wat Sanne deelt' }).click();
	await expect(parent).toHaveURL(new RegExp(`/parent/${ids.sanne}$`));
	const listed = parent.getByRole('region', { name: 'Reflecties' }).getByRole('link');
	await expect(listed).toHaveCount(ids.shared.length);
	for (const r of ids.shared) await expect(parent.getByRole('link', { name: r.title })).toBeVisible();
	await expect(parent.getByText('Interessetest')).toHaveCount(0);
	await expectAccessible(parent);
	await shot(parent, 'child');

	const base = `/parent/${ids.sanne}`;
	const reachable = ['/parent', base, ...ids.shared.map((r) => `${base}/reflections/${r.id}`)];
	const conversations = await parent
		.getByRole('region', { name: 'Gesprekken met de mentor' })
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).pathname));
	expect(conversations.length).toBeGreaterThan(0);
	for (const url of [...reachable, ...conversations]) await expectNothingHidden(parent.request, url);
	const hidden = await parent.request.get(`${base}/reflections/${ids.privateOne}`);
	expect(hidden.status()).toBe(404);
	expect(await hidden.text()).not.toContain('veertig vragen');
	const hiddenData = await parent.request.get(`${base}/reflections/${ids.privateOne}/__data.json`);
	expect(await hiddenData.text()).not.toContain('veertig vragen');

	// Every conversation page: the summary when confirmed, never the mentor's note.
	for (const url of conversations) {
		await gotoReady(parent, url);
		await expectAccessible(parent);
	}

	// A note from home on the first shared reflection, with conversation starters beside it.
	const note = `Trots op je! ${Date.now().toString(36)}`;
	await gotoReady(parent, `${base}/reflections/${ids.shared[0].id}`);
	await expect(parent.getByRole('heading', { name: 'Praat erover' })).toBeVisible();
	await expect(parent.getByRole('region', { name: 'Praat erover' }).getByRole('listitem')).toHaveCount(3);
	await parent.getByLabel('Je bericht').fill(note);
	await parent.getByRole('button', { name: 'Bericht opslaan' }).click();
	await expect(parent.getByRole('status')).toHaveText('Je bericht is opgeslagen.');
	await expectAccessible(parent);
	await shot(parent, 'reflection');

	// Sanne sees it on her reflection, and can hide it.
	await gotoReady(page, `/student/reflections/${ids.shared[0].id}`);
	const fromHome = page.getByRole('region', { name: 'Van thuis' });
	await expect(fromHome.getByText(note)).toBeVisible();
	await expect(fromHome.getByText(`Van Petra ${family}`)).toBeVisible();
	await expectAccessible(page);

	// Sanne revokes this parent; the parent's next request is refused.
	await gotoReady(page, '/student/privacy');
	await page.getByRole('button', { name: `Stoppen met meekijken: Petra ${family}` }).click();
	await expect(page.getByRole('status')).toHaveText('Gestopt. Deze ouder ziet niets meer.');
	for (const url of [base, `${base}/reflections/${ids.shared[0].id}`, ...conversations])
		expect((await parent.request.get(url)).status(), url).toBe(404);
	await gotoReady(parent, '/parent');
	await expect(parent.getByText('Er is nu geen kind aan je account gekoppeld.')).toBeVisible();
	await home.close();
});

test('the demo mother adds a point to the ouder-kind-mentorgesprek and the mentor sees it', async ({
	page,
	browser
}) => {
	const ids = sanneIds();
	await loginAs(page, 'parent');
	await gotoReady(page, `/parent/${ids.sanne}`);
	await page.getByRole('region', { name: 'Gesprekken met de mentor' }).getByRole('link').first().click();
	await expect(page.getByText('De mentor nodigt je uit voor dit gesprek met Sanne.')).toBeVisible();
	const point = `Wat past bij Sanne? ${test.info().project.name} ${Date.now().toString(36)}`;
	await page.getByLabel('Wat wil je bespreken?').fill(point);
	await page.getByRole('button', { name: 'Punt toevoegen' }).click();
	await expect(page.getByRole('status')).toHaveText('Je punt staat op de lijst.');
	await expect(page.getByText(point)).toBeVisible();
	await expectAccessible(page);
	await shot(page, 'conversation');
	const url = new URL(page.url()).pathname;
	const conversationId = url.split('/').pop();

	const school = await browser.newContext();
	const mentor = await school.newPage();
	await loginAs(mentor, 'mentor');
	await gotoReady(mentor, `/mentor/conversations/${conversationId}`);
	await expect(mentor.getByText(`${point} (ouder)`)).toBeVisible();
	await expect(mentor.getByLabel('Ouders uitnodigen voor dit gesprek')).toBeChecked();
	await expectAccessible(mentor);
	await school.close();
});

test('the admin links a new parent on request; the parent signs in with the code and sees what is coming up', async ({
	page,
	browser
}) => {
	const ids = sanneIds();
	const stamp = `${test.info().project.name}${Date.now().toString(36)}`;
	const name = `Karin Schoolouder ${stamp}`;

	// The admin makes a parent account on Sanne's page and gets a one-time login code.
	await loginAs(page, 'admin');
	await gotoReady(page, `/admin/users/${ids.sanne}`);
	const parents = page.getByRole('region', { name: 'Ouders' });
	await expect(parents.getByRole('listitem').filter({ hasText: 'Ingrid de Vries' })).toContainText(
		'uitgenodigd door Sanne'
	);
	await parents.getByLabel('Roepnaam', { exact: true }).fill('Karin');
	await parents.getByLabel('Achternaam', { exact: true }).fill(`Schoolouder ${stamp}`);
	await parents.getByLabel('Gebruikersnaam', { exact: true }).fill(`ouder.school.${stamp}`);
	await parents.getByRole('button', { name: 'Account maken en koppelen' }).click();
	await expect(parents.getByText(`Inlogcode voor ${name}`)).toBeVisible();
	const code = (await parents.locator('.code-display').textContent())!.trim();
	expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	await expect(parents.getByRole('listitem').filter({ hasText: name })).toContainText(
		'gekoppeld door de school'
	);
	await expectAccessible(page);
	await shot(page, 'admin-link');

	// The parent signs in with the code, chooses a password and sees Sanne.
	const home = await browser.newContext();
	const parent = await home.newPage();
	await gotoReady(parent, '/login/code');
	await parent.getByLabel('Inlogcode').fill(code);
	await parent.getByRole('button', { name: 'Verder' }).click();
	await expect(parent).toHaveURL(/\/account\/password$/);
	await parent.getByLabel('Nieuw wachtwoord').fill('Thuis-kijken-2026');
	await parent.getByLabel('Herhaal het nieuwe wachtwoord').fill('Thuis-kijken-2026');
	await parent.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
	await expect(parent).toHaveURL(/\/parent(\?.*)?$/);
	await parent.getByRole('link', { name: 'Bekijk wat Sanne deelt' }).click();
	await expect(parent).toHaveURL(new RegExp(`/parent/${ids.sanne}$`));

	// What is coming up: the school's activities, each with two or three starters, none of Sanne's texts.
	const upcoming = parent.getByRole('region', { name: 'Wat komt eraan' });
	await expect(
		upcoming.getByText('Wat Sanne erover schrijft, zie je hier niet.', { exact: false })
	).toBeVisible();
	const cards = upcoming.locator('li.activity');
	expect(await cards.count()).toBeGreaterThan(0);
	for (const card of await cards.all()) {
		if (await card.getByText('Afgelast').count()) continue;
		await expect(card.getByText('Vraag eens:')).toBeVisible();
		const n = await card.locator('.starters li').count();
		expect(n).toBeGreaterThanOrEqual(2);
		expect(n).toBeLessThanOrEqual(3);
	}
	await expectNothingHidden(parent.request, `/parent/${ids.sanne}`);
	await expectAccessible(parent);
	await shot(parent, 'upcoming');

	// Sanne sees the school's link on her privacy page.
	const own = await browser.newContext();
	const sanne = await own.newPage();
	await loginAs(sanne, 'student');
	await gotoReady(sanne, '/student/privacy');
	await expect(
		sanne.getByRole('listitem').filter({ hasText: name }).getByText('gekoppeld door de school')
	).toBeVisible();
	await own.close();

	// The admin ends the link: the parent's next request is refused. Linking again finds the account.
	await page.getByRole('button', { name: `Koppeling met ${name} beëindigen` }).click();
	await expect(parents.getByRole('status')).toHaveText(
		'De koppeling is beëindigd. Deze ouder ziet niets meer.'
	);
	expect((await parent.request.get(`/parent/${ids.sanne}`)).status()).toBe(404);
	await parents.getByLabel('Ouder-account van de school zoeken').fill(stamp);
	await parents.getByRole('button', { name: 'Zoeken' }).click();
	await parents.getByRole('button', { name: `${name} koppelen aan deze leerling` }).click();
	await expect(parents.getByRole('status')).toHaveText('De ouder is gekoppeld.');
	expect((await parent.request.get(`/parent/${ids.sanne}`)).status()).toBe(200);

	// Done: end it again, so the runs of both projects stay under the limit of parents.
	await page.getByRole('button', { name: `Koppeling met ${name} beëindigen` }).click();
	await expect(parents.getByRole('status')).toHaveText(
		'De koppeling is beëindigd. Deze ouder ziet niets meer.'
	);
	await home.close();
});
