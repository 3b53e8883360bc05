import { expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// The demo seed's accounts (src/lib/server/demo/seed.ts).
export const DEMO = {
	student: { username: 'sanne.devries', password: 'Leerling-2026', home: '/student' },
	studentMbo: { username: 'daan.bakker', password: 'Leerling-2026', home: '/student' },
	mentor: { username: 'm.jansen', password: 'Mentor-2026', home: '/mentor' },
	mentorMbo: { username: 'r.elamrani', password: 'Mentor-2026', home: '/mentor' },
	coordinator: { username: 'l.vandijk', password: 'Decaan-2026', home: '/coordinator' },
	admin: { username: 'beheer', password: 'Beheer-2026', home: '/admin' },
	// Sanne's mother (issue 20).
	parent: { username: 'ingrid.devries', password: 'Ouder-2026', home: '/parent' }
} as const;
export type DemoRole = keyof typeof DEMO;

// The app under test (playwright.config.ts), as the Origin of a form post made outside a page.
const ORIGIN = `http://localhost:${Number(process.env.E2E_PORT ?? 4173)}`;

/**
 * Opens a page and waits until it has hydrated (the root layout marks <html data-hydrated>). Text typed into a
 * field before hydration can be wiped or doubled by it, so fill forms only after this.
 */
export async function gotoReady(page: Page, url: string): Promise<void> {
	await page.goto(url);
	if (await willHydrate(page)) await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

// Pages with `csr = false` carry no script, and HTML parses <noscript> content as elements only where scripting
// is off: neither kind of page ever hydrates.
function willHydrate(page: Page): Promise<boolean> {
	return page.evaluate(() => {
		const probe = document.createElement('div');
		probe.innerHTML = '<noscript><i></i></noscript>';
		return document.scripts.length > 0 && probe.querySelector('i') === null;
	});
}

/**
 * Signs in without rendering the login page: the login form's POST through the page's own request context
 * (which shares the browser's cookies), then the role's home, ready. The login UI has its own tests
 * (loginThroughForm); this is the way in for everything else.
 */
export async function loginAs(page: Page, who: DemoRole): Promise<void> {
	const account = DEMO[who];
	const res = await page.request.post('/login', {
		form: { username: account.username, password: account.password },
		// What a browser's form post sends: Kit's origin check wants the Origin; text/html gets the 303, not JSON.
		headers: { Origin: ORIGIN, Accept: 'text/html' },
		maxRedirects: 0
	});
	expect(res.status(), `login as ${who}`).toBe(303);
	await gotoReady(page, account.home);
	await expect(page).toHaveURL(new RegExp(`${account.home}(\\?.*)?$`));
}

/** The login page as a person uses it: for the tests of signing in itself. */
export async function loginThroughForm(page: Page, who: DemoRole): Promise<void> {
	const account = DEMO[who];
	await gotoReady(page, '/login');
	await page.locator('input[name="username"]').fill(account.username);
	await page.locator('input[name="password"]').fill(account.password);
	await page.locator('form button[type="submit"]').first().click();
	await expect(page).toHaveURL(new RegExp(`${account.home}(\\?.*)?$`));
}

/** axe-core on the current page: no violations at all (WCAG 2.1 AA rules and best practices). */
export async function expectAccessible(page: Page): Promise<void> {
	const results = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	const summary = results.violations.map(
		(v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`
	);
	expect(summary).toEqual([]);
}

/** Shows this group when the mentor has several (the choice is remembered for later visits). */
export async function openGroup(page: Page, name: string) {
	const picker = page.getByRole('navigation', { name: 'Je groepen' });
	if (await picker.count()) {
		await picker.getByRole('link', { name: new RegExp(`^${name} `) }).click();
		await expect(picker.getByRole('link', { name: new RegExp(`^${name} `) })).toHaveAttribute(
			'aria-current',
			'page'
		);
	}
}

/** On a phone the header's links live in one menu: opens it (a no-op on a wide screen or when open). */
export async function openMenu(page: Page): Promise<void> {
	// By the viewport, not by visibility: before the stylesheet applies, the toggle shows on a desktop too.
	if ((page.viewportSize()?.width ?? 0) >= 768) return;
	const toggle = page.locator('header .menu-toggle');
	if ((await toggle.getAttribute('aria-expanded')) !== 'true') {
		await toggle.click();
		await expect(page.locator('#app-menu')).toBeVisible();
	}
}
