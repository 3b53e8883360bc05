// npm start's build: `npm run build` only when an input changed since the last one, its output in a log.
// node scripts/build.js [--force]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
	closeSync,
	existsSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync
} from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// engine-strict stops `npm install` on an old Node; this catches a start without a clean install.
const [major, minor] = process.versions.node.split('.').map(Number);
if (!((major === 20 && minor >= 19) || major >= 22)) {
	console.error(
		`Koers needs Node.js 20.19+ or 22+ (package.json engines); this is Node ${process.versions.node}.\n` +
			"Debian 12's own nodejs package is 18: install Node.js 22 LTS (nodejs.org or NodeSource), then npm install."
	);
	process.exit(1);
}

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Everything the build reads; src/lib/paraglide is generated from messages/ by the build itself.
const INPUTS = [
	'src',
	'static',
	'messages',
	'patches',
	'project.inlang/settings.json',
	'package.json',
	'package-lock.json',
	'svelte.config.js',
	'tsconfig.json',
	'scripts/koers.ts',
	'scripts/build.js',
	...readdirSync(ROOT).filter((name) => /^vite(\..+)?\.config\.ts$/.test(name))
];
const GENERATED = join(ROOT, 'src/lib/paraglide');
const STAMP = join(ROOT, 'build/.inputs-sha256');
const OUTPUTS = ['build/index.js', 'build/cli/koers.js'].map((path) => join(ROOT, path));
const LOG = join(ROOT, 'data/build.log');

function files(path) {
	if (path === GENERATED || !existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path)
		.sort()
		.flatMap((name) => files(join(path, name)));
}

function inputsHash() {
	const hash = createHash('sha256');
	for (const file of INPUTS.flatMap((input) => files(join(ROOT, input)))) {
		const content = readFileSync(file);
		hash.update(`${relative(ROOT, file)}\0${content.length}\0`).update(content);
	}
	return hash.digest('hex');
}

const inputs = inputsHash();
const built =
	existsSync(STAMP) && readFileSync(STAMP, 'utf8') === inputs && OUTPUTS.every((f) => existsSync(f));
if (built && !process.argv.includes('--force')) {
	console.log('Build is up to date (no source changed since the last build).');
	process.exit(0);
}

mkdirSync(join(ROOT, 'data'), { recursive: true });
process.stdout.write('Building Koers (1–3 minutes; output in data/build.log)… ');
const started = Date.now();
// A build that fails halfway must not leave the old stamp beside new output.
rmSync(STAMP, { force: true });
const log = openSync(LOG, 'w');
// Without colour codes the log reads as plain text.
const env = { ...process.env, NO_COLOR: '1' };
const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, stdio: ['ignore', log, log] });
closeSync(log);
if (run.status !== 0) {
	const tail = readFileSync(LOG, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
	console.error(`failed. The end of data/build.log:\n${tail}`);
	process.exit(1);
}
// The hash of the inputs as they were when the build started: an edit made meanwhile builds again.
writeFileSync(STAMP, inputs);
console.log(`done in ${Math.round((Date.now() - started) / 1000)} s.`);
