// Licences of what Koers runs in production, read from package-lock.json (so it works from a fresh clone):
// every package npm installs with --omit=dev, on any platform, plus the few dev packages that vite bundles
// into build/ (SvelteKit's and Svelte's runtime).
//   node scripts/licences.js           prints the Markdown for README.md
//   node scripts/licences.js --check   exits 1 when a licence is not on the allowlist
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Permissive licences a school may run without obligations beyond keeping the notices. */
export const ALLOWED = [
	'MIT',
	'ISC',
	'BSD-2-Clause',
	'BSD-3-Clause',
	'Apache-2.0',
	'0BSD',
	'BlueOak-1.0.0',
	'CC0-1.0',
	'CC-BY-4.0',
	'Python-2.0',
	'Unlicense',
	'WTFPL'
];

// libvips (sharp's image library, in sharp's prebuilt @img/sharp-* packages) is LGPL: Koers links the
// unmodified prebuilt library that npm installs,
// which the LGPL allows; it is accepted for those packages only, not in general.
const LGPL_OK = /^@img\/sharp-/;

// Dev dependencies whose code vite copies into build/ and so runs in production.
export const BUNDLED = [
	'@sveltejs/kit',
	'svelte',
	'devalue',
	'cookie',
	'set-cookie-parser',
	'esm-env',
	'clsx',
	'sirv',
	'mrmime',
	'@polka/url',
	'totalist',
	'@inlang/paraglide-js'
];

/**
 * @typedef {{ name: string, version: string, license: string, direct: boolean, bundled: boolean }} Package
 */

/**
 * @param {{ packages: Record<string, { version?: string, license?: unknown, dev?: boolean }> }} lock
 * @param {Record<string, string>} direct the dependencies of package.json
 * @returns {Package[]}
 */
export function runtimePackages(lock, direct) {
	/** @type {Package[]} */
	const list = [];
	for (const [path, entry] of Object.entries(lock.packages)) {
		if (!path) continue;
		const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
		const bundled = BUNDLED.includes(name) && path === `node_modules/${name}`;
		if (entry.dev && !bundled) continue;
		list.push({
			name,
			version: entry.version ?? '?',
			license: typeof entry.license === 'string' ? entry.license : 'UNKNOWN',
			direct: name in direct && path === `node_modules/${name}`,
			bundled
		});
	}
	return list.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/**
 * True when an SPDX expression is acceptable: with OR one allowed choice suffices, with AND every part
 * must be allowed.
 * @param {string} name
 * @param {string} expression
 */
export function licenceAllowed(name, expression) {
	const ok = (/** @type {string} */ id) =>
		ALLOWED.includes(id) || (LGPL_OK.test(name) && id === 'LGPL-3.0-or-later');
	const plain = expression.replace(/[()]/g, ' ').trim();
	return plain.split(/\s+OR\s+/).some((choice) => choice.split(/\s+AND\s+/).every((id) => ok(id.trim())));
}

/** @param {Package[]} packages */
export function markdown(packages) {
	const direct = packages.filter((p) => p.direct || p.bundled);
	/** @type {Record<string, number>} */
	const counts = {};
	for (const p of packages) counts[p.license] = (counts[p.license] ?? 0) + 1;
	const rows = direct.map(
		(p) =>
			`| \`${p.name}\` | ${p.version} | ${p.license} | ${p.bundled ? 'bundled into build/' : 'dependency'} |`
	);
	const summary = Object.entries(counts)
		.sort((a, b) => b[1] - a[1])
		.map(([licence, n]) => `${licence} ${n}`)
		.join(', ');
	return [
		'| package | version | licence | how it runs |',
		'| ------- | ------- | ------- | ----------- |',
		...rows,
		'',
		`All ${packages.length} packages a production install can contain (every platform's optional binaries ` +
			`included): ${summary}.`
	].join('\n');
}

export function readProject(root = fileURLToPath(new URL('..', import.meta.url))) {
	const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8'));
	const pkg = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
	return runtimePackages(lock, pkg.dependencies ?? {});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const packages = readProject();
	const refused = packages.filter((p) => !licenceAllowed(p.name, p.license));
	if (process.argv.includes('--check')) {
		for (const p of refused) console.error(`${p.name}@${p.version}: ${p.license} is not on the allowlist`);
		process.exit(refused.length ? 1 : 0);
	}
	console.log(markdown(packages));
}
