// Every load, action and endpoint under src/routes starts with a guard; only the public allowlist may use
// publicRoute(); no route touches the database, drizzle or the schema (STYLE.md "impossible to forget").
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRouteSource, importedModules, isForbiddenImport, svelteScripts } from './route-guards';
import { ROUTES_DIR as ROUTES, routeFiles } from '../route-tree';

// The only routes that work without a signed-in user. Adding one here is a security decision.
const PUBLIC_ALLOWLIST = [
	'(auth)/login/+page.server.ts',
	'(auth)/login/code/+page.server.ts',
	// Issue 20: a parent registers with the one-time code a student gave them.
	'(auth)/login/parent/+page.server.ts',
	'(auth)/login/oidc/+server.ts',
	'(auth)/login/oidc/callback/+server.ts',
	'language/+page.server.ts',
	'healthz/+server.ts',
	// A student's calendar feed: phone calendar apps cannot sign in; the secret in the URL is the key.
	'agenda/[token].ics/+server.ts',
	'dossier/[token]/+page.server.ts',
	'dossier/[token]/files/[id=id]/+server.ts'
];

const SERVER_FILE = /^\+(page\.server|layout\.server|server)\.(ts|js)$/;

const serverFiles = routeFiles().filter((f) => SERVER_FILE.test(f.split('/').pop() ?? ''));

describe('route guards', () => {
	it('finds the server route files', () => {
		expect(serverFiles).toContain('(app)/mentor/+page.server.ts');
		expect(serverFiles).toContain('healthz/+server.ts');
	});

	it('every allowlisted public route exists', () => {
		for (const f of PUBLIC_ALLOWLIST) expect(existsSync(join(ROUTES, f)), f).toBe(true);
	});

	it.each(serverFiles)('%s: every handler starts with a guard', (file) => {
		const source = readFileSync(join(ROUTES, file), 'utf8');
		expect(checkRouteSource(source, file, PUBLIC_ALLOWLIST.includes(file))).toEqual([]);
	});

	it.each(routeFiles().filter((f) => /\.(ts|js|svelte)$/.test(f)))(
		'%s: imports no database, drizzle or schema',
		(file) => {
			const path = join(ROUTES, file);
			const raw = readFileSync(path, 'utf8');
			const code = file.endsWith('.svelte') ? svelteScripts(raw, file) : raw;
			expect(importedModules(code, relative(process.cwd(), path)).filter(isForbiddenImport)).toEqual([]);
		}
	);
});

describe('the guard checker itself', () => {
	const header = `import { requireUser, requireRole, publicRoute } from '$lib/server/auth/guard';\n`;
	const check = (body: string, publicAllowed = false) =>
		checkRouteSource(header + body, 'sample.ts', publicAllowed);

	it('accepts guarded handlers in every form', () => {
		expect(
			check(`
			export const load = () => { const viewer = requireRole('mentor'); return { viewer }; };
			export async function POST() { requireUser(); return new Response(); }
			const get = () => requireUser();
			export { get as GET };
			async function named() { const v = requireUser(); return { v }; }
			export const actions = {
				default: async () => { requireUser(); },
				method() { requireRole('admin'); },
				named
			} satisfies Record<string, unknown>;
			export const prerender = false;
		`)
		).toEqual([]);
	});

	it('rejects a load without a guard', () => {
		expect(check(`export const load = () => ({ secret: 1 });`)).toHaveLength(1);
	});

	it('rejects a guard that is not the first statement', () => {
		expect(
			check(
				`export const load = async ({ params }) => { const x = params.id; requireUser(); return { x }; };`
			)
		).toHaveLength(1);
	});

	it('rejects a guard nested inside another call', () => {
		expect(check(`export const load = () => { redirect(303, home(requireUser())); };`)).toHaveLength(1);
	});

	it('rejects one unguarded action among guarded ones', () => {
		const problems = check(`
			export const actions = {
				save: async () => { requireUser(); },
				remove: async ({ request }) => { await request.formData(); }
			};`);
		expect(problems).toEqual(['sample.ts: action "remove" does not call a guard as its first statement']);
	});

	it('rejects an unguarded endpoint (function declaration and re-exported local)', () => {
		expect(check(`export function GET() { return new Response('x'); }`)).toHaveLength(1);
		expect(check(`const handler = () => new Response('x'); export { handler as DELETE };`)).toHaveLength(1);
	});

	it('rejects a look-alike guard that is not imported from the guard module', () => {
		const source = `function requireUser() {}\nexport const load = () => { requireUser(); };`;
		expect(checkRouteSource(source, 'fake.ts', false)).toHaveLength(1);
	});

	it('accepts an aliased import of the real guard', () => {
		const source = `import { requireUser as guard } from '$lib/server/auth/guard';
			export const load = () => { guard(); };`;
		expect(checkRouteSource(source, 'alias.ts', false)).toEqual([]);
	});

	it('allows publicRoute only on the allowlist', () => {
		const body = `export const load = () => { publicRoute(); };`;
		expect(check(body, true)).toEqual([]);
		expect(check(body, false)).toEqual(
			['sample.ts: publicRoute() outside the public allowlist'].concat(
				'sample.ts: load does not call a guard as its first statement'
			)
		);
	});

	it('rejects handlers it cannot read (spreads, imported handlers, re-exports)', () => {
		expect(check(`import { other } from './x'; export const actions = { ...other };`)).toHaveLength(1);
		expect(check(`import { load as l } from './x'; export { l as load };`)).toHaveLength(1);
		expect(check(`export { load } from './x';`)).toHaveLength(1);
	});

	it('flags database imports in routes', () => {
		const code = `import { getDb } from '$lib/server/db';
			import * as table from '$lib/server/db/schema';
			import { eq } from 'drizzle-orm';
			import x from '../../lib/server/db/schema-portfolio';
			import { m } from '$lib/paraglide/messages';
			const lazy = await import('drizzle-orm/sqlite-core');`;
		expect(importedModules(code, 'bad.ts').filter(isForbiddenImport)).toEqual([
			'$lib/server/db',
			'$lib/server/db/schema',
			'drizzle-orm',
			'../../lib/server/db/schema-portfolio',
			'drizzle-orm/sqlite-core'
		]);
	});

	it('reads imports from both script blocks of a .svelte file', () => {
		const svelte = `<script module>import { a } from 'drizzle-orm';</script>
			<script lang="ts">import { b } from '$lib/server/db'; let { data } = $props();</script>
			<p>{data.x}</p>`;
		expect(importedModules(svelteScripts(svelte, 'x.svelte'), 'x.svelte').filter(isForbiddenImport)).toEqual([
			'$lib/server/db',
			'drizzle-orm'
		]);
	});
});
