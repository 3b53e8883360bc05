// The pages, form actions and endpoints that exist, read from src/routes, so the authorization matrix can
// fail when a route has no row. Route ids come from the folder names, action names from the keys of
// `export const actions = { … }` (read with TypeScript's parser), methods from `export const GET` and the like.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

const ROUTES = join(process.cwd(), 'src', 'routes');

export interface RouteEntry {
	/** SvelteKit route id without (groups): '/student/reflections/[id]'. */
	id: string;
	/** Has a page (+page.svelte or +page.server.ts). */
	page: boolean;
	/** Named form actions of +page.server.ts ('default' for a default action). */
	actions: string[];
	/** HTTP methods exported by +server.ts. */
	methods: string[];
}

function routeIdOf(dir: string): string {
	const parts = dir.split('/').filter((p) => p && !/^\(.*\)$/.test(p));
	return '/' + parts.join('/');
}

/**
 * The keys of `export const actions = { … }`, read with the TypeScript parser. A spread (`...more`) cannot be
 * read without running the code, so it is an error: write the actions out, or this check goes blind.
 */
export function actionNames(source: string, fileName = 'actions.ts'): string[] {
	const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	for (const st of sf.statements) {
		if (!ts.isVariableStatement(st)) continue;
		if (!st.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) continue;
		for (const d of st.declarationList.declarations) {
			if (!ts.isIdentifier(d.name) || d.name.text !== 'actions' || !d.initializer) continue;
			let init: ts.Expression = d.initializer;
			while (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))
				init = init.expression;
			if (!ts.isObjectLiteralExpression(init))
				throw new Error(`${fileName}: actions is not an object literal`);
			return init.properties.map((p) => {
				if (ts.isSpreadAssignment(p)) throw new Error(`${fileName}: a spread in actions cannot be checked`);
				const name = p.name;
				if (!name || !(ts.isIdentifier(name) || ts.isStringLiteral(name)))
					throw new Error(`${fileName}: an action with a computed name`);
				return name.text;
			});
		}
	}
	return [];
}

export function routeTree(): RouteEntry[] {
	const files = (readdirSync(ROUTES, { recursive: true }) as string[]).map((f) => f.split(sep).join('/'));
	const byId = new Map<string, RouteEntry>();
	const entry = (dir: string) => {
		const id = routeIdOf(dir);
		let e = byId.get(id);
		if (!e) byId.set(id, (e = { id, page: false, actions: [], methods: [] }));
		return e;
	};
	for (const f of files) {
		const slash = f.lastIndexOf('/');
		const dir = slash < 0 ? '' : f.slice(0, slash);
		const name = f.slice(slash + 1);
		if (name === '+page.svelte') entry(dir).page = true;
		else if (name === '+page.server.ts') {
			const e = entry(dir);
			e.page = true;
			e.actions.push(...actionNames(readFileSync(join(ROUTES, f), 'utf8'), f));
		} else if (name === '+server.ts') {
			const src = readFileSync(join(ROUTES, f), 'utf8');
			const methods = [
				...src.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)
			];
			entry(dir).methods.push(...methods.map((m) => m[1]));
		}
	}
	return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
