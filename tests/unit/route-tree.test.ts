// The one reader of src/routes (tests/route-tree.ts) that the guard test, the authorization matrix and the
// CSRF, fuzz and XSS suites share: an export or action it misses would be missed by all of them at once.
import { describe, expect, it } from 'vitest';
import {
	endpointsOfFile,
	endpointUrl,
	fillRoute,
	parseRoute,
	readableRoutes,
	routeExports,
	routeTree,
	writeEndpoints
} from '../route-tree';

const exportNames = (source: string) => routeExports(parseRoute(source, 'x.ts')).map((e) => e.name);
const server = (source: string) => endpointsOfFile(source, '(app)/x/+server.ts').methods;
const actions = (source: string) => endpointsOfFile(source, '(app)/x/+page.server.ts').actions;

describe('routeExports', () => {
	it('reads every form of export, and only values', () => {
		const source = `
			import { h } from './h';
			export const GET = () => new Response();
			export let PUT = async () => new Response();
			export async function PATCH() { return new Response(); }
			function local() { return new Response(); }
			export { local as POST, h as DELETE };
			export { OPTIONS } from './shared';
			export type { Thing } from './types';
			export interface Shape { a: number }
			export type Other = string;`;
		expect(exportNames(source)).toEqual(['GET', 'PUT', 'PATCH', 'POST', 'DELETE', 'OPTIONS']);
		const sf = parseRoute(source, 'x.ts');
		expect(routeExports(sf).find((e) => e.name === 'OPTIONS')).toMatchObject({ from: './shared' });
	});

	it('refuses what it cannot name: export * and destructuring', () => {
		expect(() => exportNames(`export * from './handlers';`)).toThrow(/export \*/);
		expect(() => exportNames(`export const { GET, POST } = handlers;`)).toThrow(/destructuring/);
	});
});

describe('+server handlers', () => {
	it('sees handlers exported under another name, as let, and re-exported', () => {
		expect(server(`const h = () => new Response(); export { h as POST };`)).toEqual(['POST']);
		expect(server(`export let DELETE = () => new Response();`)).toEqual(['DELETE']);
		expect(server(`export { GET, PUT as PATCH } from './shared';`)).toEqual(['GET', 'PATCH']);
		expect(server(`export const fallback = () => new Response();`)).toEqual(['fallback']);
		expect(server(`export const config = {}; export const helper = 1;`)).toEqual([]);
	});
});

describe('actions', () => {
	it('reads the keys of the actions object in every form a route writes them', () => {
		const source = `
			import x from 'y';
			const helper = { notAnAction: 1 };
			export const actions: Actions = {
				// a comment { with braces }
				default: async ({ request }) => { const o = { inner: 1 }; return o; },
				save: ({ params }) => fail(400, { message: 'a } brace in a string' }),
				async plan({ request }) { return { done: true }; },
				remove(event) { return [1, 2]; },
				'quoted': handler,
				last
			} satisfies Actions;
			export const other = { fake: 1 };`;
		expect(actions(source)).toEqual(['default', 'save', 'plan', 'remove', 'quoted', 'last']);
	});

	it('follows local names: export { actions }, and actions bound to another constant', () => {
		expect(actions(`const actions = { a: f, b() {} }; export { actions };`)).toEqual(['a', 'b']);
		expect(actions(`const base = { one: f }; export const actions = base satisfies Actions;`)).toEqual([
			'one'
		]);
		expect(actions(`const all = { x: f }; export { all as actions };`)).toEqual(['x']);
	});

	it('refuses a spread, a computed name, actions from elsewhere: their actions cannot be seen', () => {
		expect(() => actions(`export const actions = { ...commentActions('student'), other: f };`)).toThrow(
			/spread/
		);
		expect(() => actions(`const k = 'save'; export const actions = { [k]: f };`)).toThrow(/computed/);
		expect(() => actions(`export { actions } from './shared';`)).toThrow(/re-exported/);
		expect(() => actions(`import { made } from './x'; export const actions = made;`)).toThrow(
			/not an object literal/
		);
	});

	it('no actions export, no actions', () => {
		expect(actions('export const load = () => ({ a: 1 });')).toEqual([]);
	});
});

describe('the route tree of src/routes', () => {
	it('derives route ids without (groups), with pages, actions and endpoint methods', () => {
		const tree = new Map(routeTree().map((r) => [r.id, r]));
		expect(tree.get('/student/reflections/[id=id]')).toMatchObject({ page: true });
		expect(tree.get('/student/reflections/[id=id]')?.actions).toContain('visibility');
		expect(tree.get('/login')?.actions).toEqual(['default']);
		expect(tree.get('/healthz')).toMatchObject({ page: false, methods: ['GET'] });
		// A page without a +page.svelte answers a GET (a redirect) but renders nothing.
		expect(tree.get('/logout')).toMatchObject({ page: true, renders: false, actions: ['default'] });
		expect(tree.get('/student/reflections/[id=id]/autosave')?.methods).toEqual(['POST']);
		expect([...tree.keys()].some((id) => id.includes('('))).toBe(false);
	});

	it('lists every action and write handler as a write endpoint, and every page and GET as readable', () => {
		const tree = routeTree();
		const writes = writeEndpoints();
		const actionCount = tree.reduce((n, r) => n + r.actions.length, 0);
		expect(writes.filter((e) => e.action !== undefined)).toHaveLength(actionCount);
		expect(writes).toContainEqual({ routeId: '/student/reflections/[id=id]/autosave', method: 'POST' });
		expect(writes).toContainEqual({ routeId: '/notifications', method: 'POST', action: 'readAll' });
		const readable = readableRoutes();
		expect(readable).toContainEqual({ routeId: '/files/[id=id]', kind: 'endpoint' });
		expect(readable).toContainEqual({ routeId: '/mentor', kind: 'page' });
		expect(readable.map((r) => r.routeId)).not.toContain('/logout');
	});

	it('fills in params', () => {
		expect(fillRoute('/mentor/students/[id=id]/reflections/[rid=id]', { id: 3, rid: 'a b' })).toBe(
			'/mentor/students/3/reflections/a%20b'
		);
		expect(() => fillRoute('/x/[id]', {})).toThrow(/no sample/);
		expect(endpointUrl({ routeId: '/x/[id]', method: 'POST', action: 'save' }, { id: 1 })).toBe('/x/1?/save');
		expect(endpointUrl({ routeId: '/x', method: 'POST', action: 'default' }, {})).toBe('/x');
	});
});
