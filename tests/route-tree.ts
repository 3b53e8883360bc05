// Every write endpoint under src/routes, read from the source with the TypeScript compiler: form actions
// (a `default` action posts to the page itself, a named one to `?/name`) and POST/PUT/PATCH/DELETE handlers
// of +server.ts files. Used by the CSRF and fuzz suites so that a new action is covered without a list to
// keep up to date.
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import ts from 'typescript';

export interface WriteEndpoint {
	/** The route id without groups, e.g. /student/reflections/[id]/edit */
	routeId: string;
	/** The source file under src/routes. */
	file: string;
	method: 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** The form action's name; undefined for a +server.ts handler. */
	action?: string;
}

const WRITE_METHODS = ['POST', 'PUT', 'PATCH', 'DELETE'] as const;
const ROUTES = join(process.cwd(), 'src', 'routes');

function routeIdOf(file: string): string {
	const dirs = file.split('/').slice(0, -1);
	return '/' + dirs.filter((d) => !/^\(.*\)$/.test(d)).join('/');
}

function unwrap(node: ts.Expression): ts.Expression {
	while (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node))
		node = node.expression;
	return node;
}

function exported(st: ts.Statement): boolean {
	return (
		!!ts.canHaveModifiers(st) && !!ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)
	);
}

/** The endpoints one route file declares; throws when `actions` is not an object literal it can read. */
export function endpointsOf(source: string, file: string): WriteEndpoint[] {
	const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const routeId = routeIdOf(file);
	const found: WriteEndpoint[] = [];
	const isServer = /\/?\+server\.(ts|js)$/.test(file);
	for (const st of sf.statements) {
		if (!exported(st)) continue;
		const names: [string, ts.Expression | undefined][] = [];
		if (ts.isVariableStatement(st)) {
			for (const d of st.declarationList.declarations)
				if (ts.isIdentifier(d.name)) names.push([d.name.text, d.initializer]);
		} else if (ts.isFunctionDeclaration(st) && st.name) {
			names.push([st.name.text, undefined]);
		}
		for (const [name, init] of names) {
			if (isServer && (WRITE_METHODS as readonly string[]).includes(name)) {
				found.push({ routeId, file, method: name as WriteEndpoint['method'] });
			} else if (!isServer && name === 'actions') {
				const obj = init && unwrap(init);
				if (!obj || !ts.isObjectLiteralExpression(obj)) throw new Error(`${file}: unreadable actions`);
				for (const p of obj.properties) {
					if (!p.name || !(ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)))
						throw new Error(`${file}: unreadable action name`);
					found.push({ routeId, file, method: 'POST', action: p.name.text });
				}
			}
		}
	}
	return found;
}

export function writeEndpoints(): WriteEndpoint[] {
	const files = (readdirSync(ROUTES, { recursive: true }) as string[])
		.map((f) => f.split(sep).join('/'))
		.filter((f) => /(^|\/)\+(page\.server|server)\.(ts|js)$/.test(f))
		.sort();
	return files.flatMap((f) => endpointsOf(readFileSync(join(ROUTES, f), 'utf8'), f));
}

/** The URL path an endpoint is posted to, with its [params] filled in. */
export function endpointUrl(e: WriteEndpoint, params: Record<string, string | number>): string {
	const path = e.routeId.replace(/\[(\w+)\]/g, (_, name: string) => {
		if (params[name] === undefined) throw new Error(`${e.routeId}: no sample for [${name}]`);
		return encodeURIComponent(String(params[name]));
	});
	if (!e.action || e.action === 'default') return path;
	return `${path}?/${e.action}`;
}

export function paramNames(routeId: string): string[] {
	return [...routeId.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
}

/** The route id of every page (+page.svelte) and GET endpoint (+server.ts with GET), sorted. */
export function readableRoutes(): { routeId: string; kind: 'page' | 'endpoint' }[] {
	const files = (readdirSync(ROUTES, { recursive: true }) as string[])
		.map((f) => f.split(sep).join('/'))
		.sort();
	const pages = files
		.filter((f) => /(^|\/)\+page\.svelte$/.test(f))
		.map((f) => ({ routeId: routeIdOf(f), kind: 'page' as const }));
	const gets = files
		.filter((f) => /(^|\/)\+server\.(ts|js)$/.test(f))
		.filter((f) =>
			/export\s+(const|async function|function)\s+GET\b/.test(readFileSync(join(ROUTES, f), 'utf8'))
		)
		.map((f) => ({ routeId: routeIdOf(f), kind: 'endpoint' as const }));
	return [...pages, ...gets];
}

/** A route id with its [params] filled in. */
export function fillRoute(routeId: string, params: Record<string, string | number>): string {
	return endpointUrl({ routeId, file: '', method: 'POST' }, params);
}
