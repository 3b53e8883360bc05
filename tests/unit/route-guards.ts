// A static check, with the TypeScript compiler API, that every server handler under src/routes starts with
// a guard, and that routes never reach the database directly. Used by guards.test.ts. The exports and the
// actions are found by the same reader as the e2e suites use (tests/route-tree.ts), so an endpoint this
// check sees is one those suites probe, and the other way round.
import ts from 'typescript';
import { parse } from 'svelte/compiler';
import { actionEntries, parseRoute, resolveLocal, routeExports, unwrap } from '../route-tree';

const GUARD_MODULE = '$lib/server/auth/guard';
const HANDLER_EXPORTS = new Set([
	'load',
	'GET',
	'POST',
	'PUT',
	'PATCH',
	'DELETE',
	'OPTIONS',
	'HEAD',
	'fallback'
]);
// Page options are plain values, not handlers.
const OPTION_EXPORTS = new Set(['prerender', 'ssr', 'csr', 'trailingSlash', 'config', 'entries']);
const FORBIDDEN_IMPORT = /^(\$lib\/server\/db(\/.*)?|drizzle-orm(\/.*)?)$|(^|\/)server\/db(\/|$)/;

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

function isFunction(node: ts.Node | undefined): node is FunctionNode {
	return (
		!!node &&
		(ts.isArrowFunction(node) ||
			ts.isFunctionExpression(node) ||
			ts.isFunctionDeclaration(node) ||
			ts.isMethodDeclaration(node))
	);
}

/** Problems found in one server route file; an empty list means every handler is guarded. */
export function checkRouteSource(source: string, fileName: string, publicAllowed: boolean): string[] {
	const sf = parseRoute(source, fileName);
	const problems: string[] = [];
	// Local names bound to the real guards (import aliases included); a same-named local function is not one.
	const guards = new Map<string, string>();
	for (const st of sf.statements) {
		if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
		const bindings = st.importClause?.namedBindings;
		if (st.moduleSpecifier.text === GUARD_MODULE && bindings && ts.isNamedImports(bindings)) {
			for (const el of bindings.elements) guards.set(el.name.text, (el.propertyName ?? el.name).text);
		}
	}

	function isGuardCall(expr: ts.Expression | undefined): boolean {
		if (!expr) return false;
		let e = unwrap(expr);
		if (ts.isAwaitExpression(e)) e = unwrap(e.expression);
		if (!ts.isCallExpression(e) || !ts.isIdentifier(e.expression)) return false;
		const imported = guards.get(e.expression.text);
		if (imported === 'publicRoute' && !publicAllowed) {
			problems.push(`${fileName}: publicRoute() outside the public allowlist`);
			return false;
		}
		return imported === 'requireUser' || imported === 'requireRole' || imported === 'publicRoute';
	}

	function firstStatementGuards(fn: FunctionNode): boolean {
		const body = fn.body;
		if (!body) return false;
		if (!ts.isBlock(body)) return isGuardCall(body);
		const first = body.statements[0];
		if (!first) return false;
		if (ts.isExpressionStatement(first)) return isGuardCall(first.expression);
		if (ts.isVariableStatement(first)) {
			const decls = first.declarationList.declarations;
			return decls.length === 1 && isGuardCall(decls[0].initializer);
		}
		return false;
	}

	function checkHandler(label: string, node: ts.Node | undefined) {
		const fn = node && resolveLocal(sf, node);
		if (!isFunction(fn)) {
			problems.push(`${fileName}: ${label} is not a function the checker can read`);
		} else if (!firstStatementGuards(fn)) {
			problems.push(`${fileName}: ${label} does not call a guard as its first statement`);
		}
	}

	function checkActions(node: ts.Node | undefined) {
		let entries;
		try {
			entries = actionEntries(sf, node);
		} catch (err) {
			problems.push(String((err as Error).message));
			return;
		}
		for (const a of entries) checkHandler(`action "${a.name}"`, a.handler);
	}

	let exports;
	try {
		exports = routeExports(sf);
	} catch (err) {
		return [String((err as Error).message)];
	}
	for (const e of exports) {
		if (e.from !== undefined) problems.push(`${fileName}: re-exports are not allowed in route server files`);
		else if (e.name === 'actions') checkActions(e.node);
		else if (HANDLER_EXPORTS.has(e.name)) checkHandler(e.name, e.node);
		else if (!OPTION_EXPORTS.has(e.name)) problems.push(`${fileName}: unknown export "${e.name}"`);
	}
	return problems;
}

/** Module specifiers a route file imports (static imports, re-exports and dynamic import()). */
export function importedModules(source: string, fileName: string): string[] {
	const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const found: string[] = [];
	const visit = (node: ts.Node) => {
		if (
			(ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
			node.moduleSpecifier &&
			ts.isStringLiteral(node.moduleSpecifier)
		)
			found.push(node.moduleSpecifier.text);
		else if (
			ts.isCallExpression(node) &&
			node.expression.kind === ts.SyntaxKind.ImportKeyword &&
			node.arguments[0] &&
			ts.isStringLiteralLike(node.arguments[0])
		)
			found.push(node.arguments[0].text);
		ts.forEachChild(node, visit);
	};
	visit(sf);
	return found;
}

export function isForbiddenImport(specifier: string): boolean {
	return FORBIDDEN_IMPORT.test(specifier);
}

/** The code of a .svelte file's <script> blocks (instance and module), found by Svelte's own parser. */
export function svelteScripts(source: string, fileName: string): string {
	const ast = parse(source, { filename: fileName, modern: true });
	return [ast.instance, ast.module]
		.filter((s) => s !== null && s !== undefined)
		.map((s) => {
			const content = s.content as unknown as { start: number; end: number };
			return source.slice(content.start, content.end);
		})
		.join('\n');
}
