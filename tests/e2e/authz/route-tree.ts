// The pages, form actions and endpoints that exist, read from src/routes, so the authorization matrix can
// fail when a route has no row. Parsing is deliberately simple: route ids come from the folder names,
// action names from the top-level keys of `export const actions = { … }`, methods from `export const GET`.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';

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

/** Top-level keys of the object literal after `export const actions`. */
export function actionNames(source: string): string[] {
	const start = source.search(/export const actions\b[^=]*=\s*\{/);
	if (start < 0) return [];
	let i = source.indexOf('{', source.indexOf('=', start)) + 1;
	let depth = 1;
	let token = '';
	const names: string[] = [];
	let atKey = true;
	for (; i < source.length && depth > 0; i++) {
		const c = source[i];
		// Skip strings and template literals so braces inside them do not count.
		if (c === "'" || c === '"' || c === '`') {
			const end = source.indexOf(c, i + 1);
			i = end < 0 ? source.length : end;
			continue;
		}
		if (c === '/' && source[i + 1] === '/') {
			i = source.indexOf('\n', i);
			continue;
		}
		if (c === '{' || c === '(' || c === '[') depth++;
		else if (c === '}' || c === ')' || c === ']') depth--;
		if (depth === 1) {
			if (atKey && /[A-Za-z0-9_$]/.test(c)) token += c;
			else if (atKey && (c === ':' || c === '(' || c === ',') && token) {
				names.push(token);
				token = '';
				atKey = c === ',';
			} else if (c === ',') {
				atKey = true;
				token = '';
			} else if (!/\s/.test(c) && atKey && token === '' && c !== ',') {
				// e.g. "async" prefix handled by the identifier branch; anything else ends the key.
			}
			if (atKey && token && /\s/.test(c)) {
				// "async name(" — drop the async keyword.
				if (token === 'async') token = '';
			}
		} else if (depth === 2 && c === '(' && atKey && token) {
			// method shorthand: name(...) { }
			names.push(token);
			token = '';
			atKey = false;
		}
	}
	return [...new Set(names)];
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
			e.actions.push(...actionNames(readFileSync(join(ROUTES, f), 'utf8')));
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
