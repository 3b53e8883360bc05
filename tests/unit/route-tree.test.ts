// The route tree the authorization matrix (tests/e2e/authz.test.ts) is checked against: if this reader
// missed an action, the matrix could not notice an unlisted one.
import { describe, expect, it } from 'vitest';
import { actionNames, routeTree } from '../e2e/authz/route-tree';

describe('actionNames', () => {
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
		expect(actionNames(source)).toEqual(['default', 'save', 'plan', 'remove', 'quoted', 'last']);
	});

	it('refuses a spread: the actions it adds cannot be seen without running the code', () => {
		expect(() => actionNames(`export const actions = { ...commentActions('student'), other: f };`)).toThrow(
			/spread/
		);
	});

	it('no actions export, no actions', () => {
		expect(actionNames('export const load = () => ({ a: 1 });')).toEqual([]);
	});
});

describe('routeTree', () => {
	it('derives route ids without (groups), with pages, actions and endpoint methods', () => {
		const tree = new Map(routeTree().map((r) => [r.id, r]));
		expect(tree.get('/student/reflections/[id]')).toMatchObject({ page: true });
		expect(tree.get('/student/reflections/[id]')?.actions).toContain('visibility');
		expect(tree.get('/login')?.actions).toEqual(['default']);
		expect(tree.get('/healthz')).toMatchObject({ page: false, methods: ['GET'] });
		expect(tree.get('/student/reflections/[id]/autosave')?.methods).toEqual(['POST']);
		expect([...tree.keys()].some((id) => id.includes('('))).toBe(false);
	});
});
