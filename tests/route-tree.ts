// The one reader of src/routes for every suite that must cover each route: the static guard test
// (tests/unit/route-guards.ts), the authorization matrix, and the CSRF, fuzz and XSS suites. Exports are read
// with TypeScript's parser in every form a route can write them (export const/let/function, `export { h as
// POST }`, re-exports), and so are the keys of the actions object (shorthand and methods included). What it
// cannot see without running the code (a spread in actions, `export *`) is an error, never a silent gap: an
// endpoint this reader missed would pass the guard test and be left out of every e2e suite.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

export const ROUTES_DIR = join(process.cwd(), 'src', 'routes');

// What a +server file may export to answer requests (SvelteKit's handler names).
export const SERVER_HANDLERS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD', 'fallback'];
const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** One name a route module exports. */
export interface RouteExport {
	name: string;
	/** What the name is bound to in this file; undefined for a re-export from another module. */
	node?: ts.Node;
	/** The module a re-export comes from (`export { POST } from './x'`). */
	from?: string;
}

export function parseRoute(source: string, fileName: string): ts.SourceFile {
	const kind = fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
	return ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, kind);
}

/** The expression inside `as`, `satisfies`, `!`, `<T>` and parentheses. */
export function unwrap(node: ts.Expression): ts.Expression {
	while (
		ts.isParenthesizedExpression(node) ||
		ts.isAsExpression(node) ||
		ts.isSatisfiesExpression(node) ||
		ts.isTypeAssertionExpression(node) ||
		ts.isNonNullExpression(node)
	)
		node = node.expression;
	return node;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
	return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === kind);
}

/** The file's top-level functions and variables, by name, bound to their declaration or initializer. */
function topLevel(sf: ts.SourceFile): Map<string, ts.Node> {
	const found = new Map<string, ts.Node>();
	for (const st of sf.statements) {
		if (ts.isFunctionDeclaration(st) && st.name) found.set(st.name.text, st);
		else if (ts.isVariableStatement(st))
			for (const d of st.declarationList.declarations)
				if (ts.isIdentifier(d.name) && d.initializer) found.set(d.name.text, d.initializer);
	}
	return found;
}

/**
 * What a node stands for in this file: a declaration or an expression, with identifiers followed to the
 * top-level binding they name (`export { handler as POST }`, `export const actions = base`). Undefined
 * when the name is not bound in this file (an import).
 */
export function resolveLocal(sf: ts.SourceFile, node: ts.Node): ts.Node | undefined {
	const bindings = topLevel(sf);
	const seen = new Set<string>();
	let current: ts.Node = node;
	for (;;) {
		if (!ts.isExpression(current)) return current;
		const e = unwrap(current);
		if (!ts.isIdentifier(e)) return e;
		if (seen.has(e.text)) return undefined;
		seen.add(e.text);
		const target = bindings.get(e.text);
		if (!target) return undefined;
		current = target;
	}
}

/**
 * Every value the module exports, in source order. Throws on what has no readable name: `export *` and
 * destructuring exports.
 */
export function routeExports(sf: ts.SourceFile): RouteExport[] {
	const found: RouteExport[] = [];
	for (const st of sf.statements) {
		const isDefault = hasModifier(st, ts.SyntaxKind.DefaultKeyword);
		if (
			!hasModifier(st, ts.SyntaxKind.ExportKeyword) &&
			!ts.isExportDeclaration(st) &&
			!ts.isExportAssignment(st)
		)
			continue;
		if (ts.isFunctionDeclaration(st) || ts.isClassDeclaration(st)) {
			found.push({ name: isDefault ? 'default' : (st.name?.text ?? 'default'), node: st });
		} else if (ts.isVariableStatement(st)) {
			for (const d of st.declarationList.declarations) {
				if (!ts.isIdentifier(d.name))
					throw new Error(`${sf.fileName}: a destructuring export cannot be read without running it`);
				found.push({ name: d.name.text, node: d.initializer });
			}
		} else if (ts.isExportAssignment(st)) {
			found.push({ name: 'default', node: st.expression });
		} else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
			const from =
				st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) ? st.moduleSpecifier.text : undefined;
			if (!st.exportClause)
				throw new Error(`${sf.fileName}: \`export * from '${from}'\` hides which handlers it exports`);
			if (ts.isNamespaceExport(st.exportClause)) {
				found.push({ name: st.exportClause.name.text, from });
				continue;
			}
			for (const el of st.exportClause.elements) {
				if (el.isTypeOnly) continue;
				const local = el.propertyName ?? el.name;
				found.push(from === undefined ? { name: el.name.text, node: local } : { name: el.name.text, from });
			}
		}
	}
	return found;
}

/** One form action: its name and the function (or identifier naming one) that handles it. */
export interface ActionEntry {
	name: string;
	handler: ts.Node;
}

/**
 * The entries of the exported actions object, followed through local names. A spread, a computed name or
 * an accessor is an error: the actions they add cannot be seen without running the code.
 */
export function actionEntries(sf: ts.SourceFile, node: ts.Node | undefined): ActionEntry[] {
	const obj = node && resolveLocal(sf, node);
	if (!obj || !ts.isObjectLiteralExpression(obj))
		throw new Error(`${sf.fileName}: actions is not an object literal this reader can see`);
	return obj.properties.map((p): ActionEntry => {
		if (ts.isSpreadAssignment(p))
			throw new Error(`${sf.fileName}: a spread in actions hides the actions it adds; write them out`);
		if (ts.isShorthandPropertyAssignment(p)) return { name: p.name.text, handler: p.name };
		const key = p.name;
		const name =
			key &&
			(ts.isIdentifier(key) ||
				ts.isStringLiteral(key) ||
				ts.isNumericLiteral(key) ||
				ts.isNoSubstitutionTemplateLiteral(key))
				? key.text
				: undefined;
		if (name === undefined) throw new Error(`${sf.fileName}: an action with a computed name`);
		if (ts.isPropertyAssignment(p)) return { name, handler: p.initializer };
		if (ts.isMethodDeclaration(p)) return { name, handler: p };
		throw new Error(`${sf.fileName}: action "${name}" is an accessor`);
	});
}

/** What one +page.server or +server file adds to the tree: action names, or request handler names. */
export function endpointsOfFile(source: string, file: string): { actions: string[]; methods: string[] } {
	const sf = parseRoute(source, file);
	const exports = routeExports(sf);
	if (/(^|\/)\+server\.(ts|js)$/.test(file))
		return { actions: [], methods: exports.map((e) => e.name).filter((n) => SERVER_HANDLERS.includes(n)) };
	const actions = exports.find((e) => e.name === 'actions');
	if (!actions) return { actions: [], methods: [] };
	if (actions.from) throw new Error(`${file}: actions re-exported from '${actions.from}' cannot be read`);
	return { actions: actionEntries(sf, actions.node).map((a) => a.name), methods: [] };
}

/** Every file under src/routes, relative and with forward slashes, sorted. */
export function routeFiles(): string[] {
	return (readdirSync(ROUTES_DIR, { recursive: true }) as string[]).map((f) => f.split(sep).join('/')).sort();
}

/** The route id of a file's folder, without (groups): '(app)/student/+page.svelte' → '/student'. */
export function routeIdOf(file: string): string {
	const dirs = file.split('/').slice(0, -1);
	return '/' + dirs.filter((d) => !/^\(.*\)$/.test(d)).join('/');
}

export interface RouteEntry {
	/** SvelteKit route id without (groups): '/student/reflections/[id=id]'. */
	id: string;
	/** Has a page (+page.svelte, +page.ts or +page.server.ts): a GET answers, if only with a redirect. */
	page: boolean;
	/** Has a +page.svelte: the page renders something. */
	renders: boolean;
	/** Form actions of +page.server.ts ('default' for a default action). */
	actions: string[];
	/** Request handlers exported by +server.ts (GET, POST, …, fallback). */
	methods: string[];
}

export function routeTree(): RouteEntry[] {
	const byId = new Map<string, RouteEntry>();
	for (const f of routeFiles()) {
		const name = f.slice(f.lastIndexOf('/') + 1);
		const isPage = /^\+page(\.server)?\.(svelte|ts|js)$/.test(name);
		const isEndpoint = /^\+(page\.server|server)\.(ts|js)$/.test(name);
		if (!isPage && !isEndpoint) continue;
		const id = routeIdOf(f);
		let e = byId.get(id);
		if (!e) byId.set(id, (e = { id, page: false, renders: false, actions: [], methods: [] }));
		if (isPage) e.page = true;
		if (name === '+page.svelte') e.renders = true;
		if (isEndpoint) {
			const found = endpointsOfFile(readFileSync(join(ROUTES_DIR, f), 'utf8'), f);
			e.actions.push(...found.actions);
			e.methods.push(...found.methods);
		}
	}
	return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

export interface WriteEndpoint {
	/** The route id without groups, e.g. /student/reflections/[id=id]/edit */
	routeId: string;
	method: (typeof WRITE_METHODS)[number];
	/** The form action's name; undefined for a +server handler. */
	action?: string;
}

/** Every form action (POST to the page or `?/name`) and every POST/PUT/PATCH/DELETE handler. */
export function writeEndpoints(): WriteEndpoint[] {
	return routeTree().flatMap((r) => [
		...r.actions.map((action): WriteEndpoint => ({ routeId: r.id, method: 'POST', action })),
		...WRITE_METHODS.filter((m) => r.methods.includes(m)).map((method) => ({ routeId: r.id, method }))
	]);
}

/** Every page that renders (not the redirects of /logout and the like), and every GET handler. */
export function readableRoutes(): { routeId: string; kind: 'page' | 'endpoint' }[] {
	const tree = routeTree();
	return [
		...tree.filter((r) => r.renders).map((r) => ({ routeId: r.id, kind: 'page' as const })),
		...tree
			.filter((r) => r.methods.includes('GET'))
			.map((r) => ({ routeId: r.id, kind: 'endpoint' as const }))
	];
}

export function paramNames(routeId: string): string[] {
	return [...routeId.matchAll(/\[(\w+)(?:=\w+)?\]/g)].map((m) => m[1]);
}

/** A route id with its [params] filled in. */
export function fillRoute(routeId: string, params: Record<string, string | number>): string {
	return routeId.replace(/\[(\w+)(?:=\w+)?\]/g, (_, name: string) => {
		if (params[name] === undefined) throw new Error(`${routeId}: no sample for [${name}]`);
		return encodeURIComponent(String(params[name]));
	});
}

/** The URL an endpoint is posted to, with its [params] filled in. */
export function endpointUrl(e: WriteEndpoint, params: Record<string, string | number>): string {
	const path = fillRoute(e.routeId, params);
	return !e.action || e.action === 'default' ? path : `${path}?/${e.action}`;
}
