// A static check, with the TypeScript compiler API, that every server handler under src/routes starts with
// a guard, and that routes never reach the database directly. Used by guards.test.ts.
import ts from 'typescript';
import { parse } from 'svelte/compiler';

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

function unwrap(node: ts.Expression): ts.Expression {
	while (
		ts.isParenthesizedExpression(node) ||
		ts.isAsExpression(node) ||
		ts.isSatisfiesExpression(node) ||
		ts.isTypeAssertionExpression(node)
	)
		node = node.expression;
	return node;
}

type FunctionNode = ts.ArrowFunction | ts.FunctionExpression | ts.FunctionDeclaration | ts.MethodDeclaration;

/** Problems found in one server route file; an empty list means every handler is guarded. */
export function checkRouteSource(source: string, fileName: string, publicAllowed: boolean): string[] {
	const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
	const problems: string[] = [];
	// Local names bound to the real guards (import aliases included); a same-named local function is not one.
	const guards = new Map<string, string>();
	const locals = new Map<string, ts.Node>();

	for (const st of sf.statements) {
		if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
			const bindings = st.importClause?.namedBindings;
			if (st.moduleSpecifier.text === GUARD_MODULE && bindings && ts.isNamedImports(bindings)) {
				for (const el of bindings.elements) guards.set(el.name.text, (el.propertyName ?? el.name).text);
			}
		} else if (ts.isFunctionDeclaration(st) && st.name) {
			locals.set(st.name.text, st);
		} else if (ts.isVariableStatement(st)) {
			for (const d of st.declarationList.declarations)
				if (ts.isIdentifier(d.name) && d.initializer) locals.set(d.name.text, d.initializer);
		}
	}

	function resolve(
		node: ts.Node,
		seen = new Set<string>()
	): FunctionNode | ts.ObjectLiteralExpression | undefined {
		if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) return node;
		if (!ts.isExpression(node)) return undefined;
		const e = unwrap(node);
		if (ts.isArrowFunction(e) || ts.isFunctionExpression(e) || ts.isObjectLiteralExpression(e)) return e;
		if (ts.isIdentifier(e) && !seen.has(e.text)) {
			const target = locals.get(e.text);
			seen.add(e.text);
			return target ? resolve(target, seen) : undefined;
		}
		return undefined;
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
		const fn = node && resolve(node);
		if (!fn || ts.isObjectLiteralExpression(fn)) {
			problems.push(`${fileName}: ${label} is not a function the checker can read`);
		} else if (!firstStatementGuards(fn)) {
			problems.push(`${fileName}: ${label} does not call a guard as its first statement`);
		}
	}

	function checkActions(node: ts.Node | undefined) {
		const obj = node && resolve(node);
		if (!obj || !ts.isObjectLiteralExpression(obj)) {
			problems.push(`${fileName}: actions is not an object literal the checker can read`);
			return;
		}
		for (const p of obj.properties) {
			const name = p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '?';
			if (ts.isMethodDeclaration(p)) checkHandler(`action "${name}"`, p);
			else if (ts.isPropertyAssignment(p)) checkHandler(`action "${name}"`, p.initializer);
			else if (ts.isShorthandPropertyAssignment(p)) checkHandler(`action "${name}"`, p.name);
			else problems.push(`${fileName}: an action the checker cannot read (spread or accessor)`);
		}
	}

	function checkExport(name: string, node: ts.Node | undefined) {
		if (name === 'actions') checkActions(node);
		else if (HANDLER_EXPORTS.has(name)) checkHandler(name, node);
		else if (!OPTION_EXPORTS.has(name)) problems.push(`${fileName}: unknown export "${name}"`);
	}

	const exported = (m: ts.Node) =>
		ts.canHaveModifiers(m) && (ts.getModifiers(m) ?? []).some((x) => x.kind === ts.SyntaxKind.ExportKeyword);

	for (const st of sf.statements) {
		if (ts.isFunctionDeclaration(st) && exported(st)) {
			checkExport(st.name?.text ?? 'default', st);
		} else if (ts.isVariableStatement(st) && exported(st)) {
			for (const d of st.declarationList.declarations)
				if (ts.isIdentifier(d.name)) checkExport(d.name.text, d.initializer);
		} else if (ts.isExportDeclaration(st) && !st.isTypeOnly) {
			if (st.moduleSpecifier || !st.exportClause || !ts.isNamedExports(st.exportClause)) {
				problems.push(`${fileName}: re-exports are not allowed in route server files`);
				continue;
			}
			for (const el of st.exportClause.elements) {
				if (el.isTypeOnly) continue;
				checkExport(el.name.text, (el.propertyName ?? el.name) as ts.Identifier);
			}
		} else if (ts.isExportAssignment(st)) {
			problems.push(`${fileName}: a default export is not a SvelteKit handler`);
		}
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
