import { expect, test, type Browser, type Page, type TestInfo } from '@playwright/test';
import { expectAccessible, loginAs, type DemoRole, gotoReady } from './helpers';

// Both projects (desktop, phone) run every test against one database: names carry the project and time.
function unique(testInfo: TestInfo): string {
	return `${testInfo.project.name}${Date.now().toString(36)}${testInfo.workerIndex}`;
}

interface NewUser {
	givenName: string;
	familyName: string;
	username: string;
	roles: string[];
	studentNumber?: string;
	password?: string;
}

const INITIAL_PASSWORD = 'Startwachtwoord-1';

/** Fills the new-user form as an admin; returns the new user's page URL. */
async function createUser(page: Page, user: NewUser): Promise<string> {
	await gotoReady(page, '/admin/users/new');
	await page.getByLabel('Roepnaam').fill(user.givenName);
	await page.getByLabel('Achternaam').fill(user.familyName);
	await page.getByLabel('Gebruikersnaam').fill(user.username);
	if (user.studentNumber) await page.getByLabel(/^Leerlingnummer/).fill(user.studentNumber);
	for (const role of user.roles) await page.getByRole('checkbox', { name: new RegExp(`^${role} `) }).check();
	await page.getByLabel('Startwachtwoord').fill(user.password ?? INITIAL_PASSWORD);
	await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
	await expect(page).toHaveURL(/\/admin\/users\/\d+\?created=1$/);
	await expect(page.getByRole('status')).toContainText('De gebruiker is aangemaakt');
	return new URL(page.url()).pathname;
}

async function logIn(page: Page, username: string, password: string): Promise<void> {
	await gotoReady(page, '/login');
	await page.getByLabel('Gebruikersnaam').fill(username);
	await page.getByLabel('Wachtwoord').fill(password);
	await page.getByRole('button', { name: 'Inloggen' }).click();
}

async function asNewVisitor(browser: Browser, work: (page: Page) => Promise<void>): Promise<void> {
	const context = await browser.newContext();
	try {
		await work(await context.newPage());
	} finally {
		await context.close();
	}
}

test('an admin creates people with roles and puts a student and a mentor in a new group', async ({
	page,
	browser
}, testInfo) => {
	const u = unique(testInfo);
	await loginAs(page, 'admin');
	const studentNumber = `00${Date.now().toString().slice(-7)}${testInfo.workerIndex}`;
	const studentUrl = await createUser(page, {
		givenName: 'Noor',
		familyName: `Leerling${u}`,
		username: `noor.${u}`,
		studentNumber,
		roles: ['Leerling']
	});
	// The student number keeps its leading zeros.
	await expect(page.getByLabel(/^Leerlingnummer/)).toHaveValue(studentNumber);
	await createUser(page, {
		givenName: 'Bas',
		familyName: `Mentor${u}`,
		username: `bas.${u}`,
		roles: ['Mentor', 'LOB-coördinator']
	});
	await expect(page.getByText(`bas.${u} · Mentor · LOB-coördinator`)).toBeVisible();

	// A staff member's roles can change later: add "Medewerker".
	await page.getByRole('checkbox', { name: /^Medewerker / }).check();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByRole('status')).toHaveText('De wijzigingen zijn opgeslagen.');
	await expect(page.getByText(`bas.${u} · Mentor · LOB-coördinator · Medewerker`)).toBeVisible();

	await gotoReady(page, '/admin/groups');
	await page.getByLabel('Naam van de groep').fill(`G-${u}`);
	await page.getByLabel(/^Opleiding/).fill('vmbo-kb 3');
	await page.getByRole('button', { name: 'Groep aanmaken' }).click();
	await expect(page).toHaveURL(/\/admin\/groups\/\d+\?created=1$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`G-${u}`);

	await page.getByLabel('Zoek leerlingen op naam of leerlingnummer').fill(studentNumber);
	await page.getByRole('button', { name: 'Zoeken' }).first().click();
	await expect(page.getByRole('checkbox', { name: new RegExp(`Leerling${u}`) })).toHaveCount(1);
	await page.getByRole('checkbox', { name: new RegExp(`Leerling${u}`) }).check();
	await page.getByRole('button', { name: 'Gekozen leerlingen toevoegen' }).click();
	await expect(page.getByRole('heading', { name: 'Leerlingen (1)' })).toBeVisible();

	await page.getByLabel('Zoek mentoren op naam').fill(`Mentor${u}`);
	await page.getByRole('button', { name: 'Zoeken' }).last().click();
	await page.getByRole('checkbox', { name: new RegExp(`Mentor${u}`) }).check();
	await page.getByRole('button', { name: 'Gekozen mentoren toevoegen' }).click();
	await expect(page.getByRole('heading', { name: 'Mentoren (1)' })).toBeVisible();
	await expect(page.getByRole('link', { name: `Mentor${u}, Bas` })).toBeVisible();

	// The student's page lists the group.
	await page.goto(studentUrl);
	await expect(page.getByRole('link', { name: `G-${u}` })).toBeVisible();

	// The new mentor logs in, must choose a password first, then sees the student in the new group.
	await asNewVisitor(browser, async (mentor) => {
		await logIn(mentor, `bas.${u}`, INITIAL_PASSWORD);
		await expect(mentor).toHaveURL(/\/account\/password$/);
		await mentor.getByLabel('Nieuw wachtwoord', { exact: true }).fill('Mijn-eigen-wachtwoord');
		await mentor.getByLabel('Herhaal het nieuwe wachtwoord').fill('Mijn-eigen-wachtwoord');
		await mentor.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
		await expect(mentor).toHaveURL(/\/mentor\?changed=password$/);
		await expect(mentor.getByRole('status')).toHaveText('Je wachtwoord is veranderd.');
		await expect(mentor.getByRole('heading', { name: new RegExp(`G-${u}`) })).toBeVisible();
		await expect(mentor.getByText(`Leerling${u}, Noor`)).toBeVisible();
	});
});

test('a deactivated user is logged out and cannot log in again until reactivated', async ({
	page,
	browser
}, testInfo) => {
	const u = unique(testInfo);
	await loginAs(page, 'admin');
	const url = await createUser(page, {
		givenName: 'Kim',
		familyName: `Weg${u}`,
		username: `kim.${u}`,
		roles: ['Medewerker']
	});

	const context = await browser.newContext();
	const kim = await context.newPage();
	await logIn(kim, `kim.${u}`, INITIAL_PASSWORD);
	await expect(kim).toHaveURL(/\/account\/password$/);

	await page.goto(url);
	await page.getByRole('button', { name: 'Account deactiveren' }).click();
	await expect(page.getByRole('status')).toContainText('Het account is gedeactiveerd');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Gedeactiveerd');

	// The open session has ended…
	await kim.reload();
	await expect(kim).toHaveURL(/\/login/);
	// …and logging in fails like a wrong password.
	await logIn(kim, `kim.${u}`, INITIAL_PASSWORD);
	await expect(kim.getByRole('alert')).toHaveText('Gebruikersnaam of wachtwoord klopt niet.');
	await context.close();

	await page.getByRole('button', { name: 'Account weer activeren' }).click();
	await expect(page.getByRole('status')).toHaveText('Het account is weer actief.');
	await asNewVisitor(browser, async (again) => {
		await logIn(again, `kim.${u}`, INITIAL_PASSWORD);
		await expect(again).toHaveURL(/\/account\/password$/);
	});
});

test('bad input gets a message at the field and keeps what was typed', async ({ page }, testInfo) => {
	const u = unique(testInfo);
	await loginAs(page, 'admin');
	await gotoReady(page, '/admin/users/new');
	await page.getByLabel('Roepnaam').fill('Anna');
	await page.getByLabel('Achternaam').fill(`Dubbel${u}`);
	await page.getByLabel('Gebruikersnaam').fill('Beheer');
	await page.getByLabel(/^Leerlingnummer/).fill('004101');
	await page.getByRole('checkbox', { name: /^Leerling / }).check();
	await page.getByLabel('Startwachtwoord').fill(INITIAL_PASSWORD);
	await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
	await expect(page.getByRole('alert')).toContainText('Niet alles is goed ingevuld');
	await expect(page.getByText('Deze gebruikersnaam is al in gebruik. Kies een andere.')).toBeVisible();
	await expect(
		page.getByText('Dit leerlingnummer hoort al bij iemand anders van deze school.')
	).toBeVisible();
	await expect(page.getByLabel('Gebruikersnaam')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByLabel('Roepnaam')).toHaveValue('Anna');
	await expect(page.getByLabel('Achternaam')).toHaveValue(`Dubbel${u}`);
	await expect(page.getByLabel(/^Leerlingnummer/)).toHaveValue('004101');
	await expect(page.getByRole('checkbox', { name: /^Leerling / })).toBeChecked();
	await expectAccessible(page);

	// Past the browser's own checks: an empty name, a 10,000-character one, no role, a short password.
	await page.locator('main form[method="POST"]').evaluate((form: HTMLFormElement) => {
		form.noValidate = true;
		form.querySelectorAll('[maxlength]').forEach((el) => el.removeAttribute('maxlength'));
	});
	await page.getByLabel('Roepnaam').fill('');
	await page.getByLabel('Achternaam').fill('x'.repeat(10_000));
	await page.getByRole('checkbox', { name: /^Leerling / }).uncheck();
	await page.getByLabel('Gebruikersnaam').fill(`anna.${u}`);
	await page.getByLabel('Startwachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
	await expect(page.getByText('Vul dit in.')).toBeVisible();
	await expect(page.getByText('Dit is te lang: maximaal 100 tekens.')).toBeVisible();
	await expect(page.getByText('Kies minstens één rol.')).toBeVisible();
	await expect(page.getByText('Dit is te kort: minimaal 10 tekens.')).toBeVisible();
	await expect(page.getByLabel('Gebruikersnaam')).toHaveValue(`anna.${u}`);

	// A group name that is already taken this school year.
	await gotoReady(page, '/admin/groups');
	await page.getByLabel('Naam van de groep').fill('3KB-A');
	await page.getByLabel(/^Opleiding/).fill(`Opleiding ${u}`);
	await page.getByRole('button', { name: 'Groep aanmaken' }).click();
	await expect(page.getByText('Er is dit schooljaar al een groep met deze naam.')).toBeVisible();
	await expect(page.getByLabel(/^Opleiding/)).toHaveValue(`Opleiding ${u}`);
});

test('an admin cannot lock themself out', async ({ page }) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/users?q=beheer');
	await page.getByRole('link', { name: 'Beheer, Functioneel' }).click();
	await expect(page.getByText('Dit is je eigen account.')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Account deactiveren' })).toHaveCount(0);
	await expect(page.getByRole('button', { name: 'Tijdelijk wachtwoord instellen' })).toHaveCount(0);
	// Swapping the admin role for another one is refused (with no role at all, "choose a role" comes first).
	await page.getByRole('checkbox', { name: /^Medewerker / }).check();
	await page.getByRole('checkbox', { name: /^Beheerder / }).uncheck();
	await page.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Je kunt je eigen rol als beheerder niet weghalen')).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /^Medewerker / })).toBeChecked();
	await page.reload();
	await expect(page.getByRole('checkbox', { name: /^Beheerder / })).toBeChecked();
	await expect(page.getByRole('checkbox', { name: /^Medewerker / })).not.toBeChecked();
});

test('an admin makes a one-time login code for a student, shown once', async ({ page }) => {
	await loginAs(page, 'admin');
	await page.goto('/admin/users?q=004102');
	await page.getByRole('link', { name: 'Yilmaz, Mohamed' }).click();
	await page.getByRole('button', { name: 'Inlogcode maken' }).click();
	const code = page.locator('.code-display');
	await expect(code).toHaveText(/^[A-Z2-9]{5}-[A-Z2-9]{5}$/);
	await page.reload();
	await expect(code).toHaveCount(0);
});

// One page per test: a scan of every admin page in one test outlasted any fair timeout on a busy machine.
const openGroup3KB = async (page: Page) => {
	await page.goto('/admin/groups');
	await page.getByRole('link', { name: '3KB-A' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('3KB-A');
};
const openPerson = (q: string, name: string) => async (page: Page) => {
	await page.goto(`/admin/users?q=${q}`);
	await page.getByRole('link', { name }).click();
	await expect(page).toHaveURL(/\/admin\/users\/\d+$/);
};
const ADMIN_PAGES: Record<string, (page: Page) => Promise<unknown>> = {
	admin: (page) => page.goto('/admin'),
	users: (page) => page.goto('/admin/users'),
	'users-none': async (page) => {
		await page.goto('/admin/users?q=zzzz-nobody');
		await expect(page.getByText('Niemand gevonden')).toBeVisible();
	},
	'user-new': (page) => page.goto('/admin/users/new'),
	'user-student': openPerson('sanne', 'Vries, Sanne de'),
	'user-mentor': openPerson('m.jansen', 'Jansen, Marieke'),
	groups: (page) => page.goto('/admin/groups'),
	group: openGroup3KB,
	'group-no-candidates': async (page) => {
		await openGroup3KB(page);
		await page.goto(`${page.url()}?sq=zzzz-nobody&mq=zzzz-nobody&free=1`);
	}
};
for (const [name, open] of Object.entries(ADMIN_PAGES)) {
	test(`admin page "${name}" passes axe; screenshot for review`, async ({ page }, testInfo) => {
		await loginAs(page, 'admin');
		await open(page);
		await expectAccessible(page);
		await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
	});
}

test('unknown ids and ids that are not numbers are 404 for an admin', async ({ page }) => {
	await loginAs(page, 'admin');
	for (const url of ['/admin/users/999999', '/admin/users/abc', '/admin/users/0', '/admin/groups/999999']) {
		expect((await page.goto(url))?.status(), url).toBe(404);
	}
});

const ADMIN_URLS = [
	'/admin',
	'/admin/users',
	'/admin/users/new',
	'/admin/users/1',
	'/admin/groups',
	'/admin/groups/1'
];
const ADMIN_POSTS = [
	'/admin/users/new',
	'/admin/users/1?/deactivate',
	'/admin/users/1?/password',
	'/admin/groups?/create',
	'/admin/groups/1?/close'
];

for (const who of ['student', 'mentor', 'coordinator'] as DemoRole[]) {
	test(`a ${who} gets 404 on every admin URL and action`, async ({ page, baseURL }) => {
		await loginAs(page, who);
		for (const url of ADMIN_URLS) {
			const response = await page.goto(url);
			expect(response?.status(), url).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
		}
		for (const url of ADMIN_POSTS) {
			const response = await page.request.post(url, {
				form: { password: 'Overgenomen-2026', name: 'x' },
				headers: { origin: baseURL ?? '' },
				maxRedirects: 0
			});
			expect(response.status(), url).toBe(404);
		}
	});
}
