// npm run bench [-- --scale 10] [--check] [--duration 8] [--no-build] [--no-browser] [--help]
// Builds the app, generates a synthetic school board into a temporary database, starts the production
// build on it, drives the important pages with autocannon at a fixed concurrency, weighs them in Chromium,
// runs Lighthouse, and writes bench/results.json and bench/RESULTS.md. Figures are compared as ratios
// measured in one run: absolute numbers on a shared 2-core machine are noise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { generate } from './generate';
import {
	budgetTable,
	checkBudgets,
	clientTable,
	pageTable,
	round,
	type ClientWeight,
	type LighthouseResult,
	type PageResult,
	type RunResult
} from './lib/budgets';
import { lighthouseRuns, weigh } from './lib/run/browser';
import { drive, newTally, summarise } from './lib/run/load';
import { pagesFor } from './lib/run/pages';
import { readStored, writeMarkdown } from './lib/run/report';
import { login, machine, queriesOf, rssSampler, waitForServer } from './lib/run/server';

const ROOT = resolve(import.meta.dirname, '..');
const RESULTS_JSON = join(ROOT, 'bench/results.json');
const RESULTS_MD = join(ROOT, 'bench/RESULTS.md');

const USAGE = `npm run bench [-- options]

Builds the app, generates a synthetic school board into a temporary database, drives the important pages
with autocannon, weighs them in Chromium, runs Lighthouse and writes bench/results.json and bench/RESULTS.md.
It takes the whole machine for about ten minutes.

  --scale <n>      a board of n schools of 2,000 students (default 1)
  --check          exit non-zero and name every budget (bench/lib/budgets.ts) that falls short
  --duration <s>   seconds of load per page (default 8)
  --port <n>       the server's port (default 5111)
  --no-build       use the existing build
  --no-browser     skip the weighing in Chromium and Lighthouse
  --keep           keep the temporary database
  --help           show this help
`;

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const scale = option('scale', 1);
const duration = option('duration', 8);
const port = option('port', 5111);
const origin = `http://127.0.0.1:${port}`;
// Seconds of one slice of load; each page gets duration / SLICE slices, taken in turn with the others.
const SLICE = 2;

const started = Date.now();
const log = (line: string) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);
async function main(): Promise<void> {
	if (flag('help')) {
		console.log(USAGE);
		return;
	}
	log(
		`scale ${scale}, ${duration} s per page, ${cpus().length} cores, ${round(freemem() / 2 ** 30, 1)} GB free`
	);
	if (!flag('no-build')) {
		log('npm run build');
		const built = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
		if (built.status !== 0) throw new Error('build failed');
	}
	const dir = mkdtempSync(join(tmpdir(), `koers-bench-${scale}-`));
	const dbPath = join(dir, 'koers.db');
	let server: ChildProcess | undefined;
	try {
		log(`generating into ${dbPath}`);
		const manifest = generate(dbPath, scale, (line) => log(`  ${line}`));
		log(`generated in ${manifest.generateSeconds} s: ${JSON.stringify(manifest.counts)}`);
		// The same heap cap as `npm start` (README, Performance).
		server = spawn(process.execPath, ['--max-old-space-size=192', 'scripts/serve.js'], {
			cwd: ROOT,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: origin,
				DATABASE_PATH: dbPath,
				UPLOADS_PATH: join(dir, 'uploads'),
				LOG_LEVEL: 'warn'
			},
			stdio: ['ignore', 'ignore', 'inherit']
		});
		await waitForServer(origin, server);
		const rss = rssSampler(server.pid ?? 0);
		const cookies: Record<string, string> = {
			none: '',
			student: await login(origin, manifest.student),
			writer: await login(origin, manifest.writer),
			mentor4: await login(origin, manifest.mentor4),
			mentor1: await login(origin, manifest.mentor1),
			cohort: await login(origin, manifest.cohortMentor),
			coordinator: await login(origin, manifest.coordinator),
			admin: await login(origin, manifest.admin)
		};
		const pages = pagesFor(manifest);
		const mentorQueries = {
			small: await queriesOf(origin, '/mentor', cookies.mentor1),
			large: await queriesOf(origin, '/mentor?sort=activity', cookies.cohort),
			smallStudents: 25,
			largeStudents: 100
		};
		const driven = pages.filter((p) => p.key !== 'reflection-edit');
		// A short warm-up (caches, JIT), then the measurement in round-robin slices of SLICE seconds: the
		// machine's other load drifts, and every page (the baseline too) then sees the same drift.
		for (const page of driven)
			if (!page.method) for (let i = 0; i < 3; i++) await queriesOf(origin, page.path, cookies[page.who]);
		const tallies = new Map(driven.map((p) => [p.key, newTally()]));
		const rounds = Math.max(1, Math.round(duration / SLICE));
		for (let round = 1; round <= rounds; round++) {
			for (const page of driven)
				await drive(origin, page, cookies[page.who], manifest, SLICE, tallies.get(page.key) ?? newTally());
			log(`round ${round}/${rounds} done, RSS ${Math.round(rss.current())} MB`);
		}
		const results: PageResult[] = [];
		for (const page of driven) {
			const r = summarise(page, tallies.get(page.key) ?? newTally());
			results.push(r);
			log(
				`${page.label.padEnd(34)} ${String(round(r.rps, 0)).padStart(6)} req/s  p50 ${r.p50}  p95 ${r.p95}  p99 ${r.p99} ms  ` +
					`${round(r.queries, 1)} queries ${round(r.dbMs, 2)} db ms ${round(r.serverMs, 1)} server ms${r.errors ? `  ${r.errors} ERRORS` : ''}`
			);
		}
		const rssMaxMb = rss.stop();
		let client: ClientWeight[] = [];
		let lighthouse: LighthouseResult[] = [];
		if (!flag('no-browser')) {
			log('weighing pages in Chromium');
			client = await weigh(origin, ROOT, pages, cookies);
			log('Lighthouse (mobile)');
			lighthouse = await lighthouseRuns(
				origin,
				[
					{ key: 'student', path: '/student' },
					{ key: 'reflection-edit', path: `/student/reflections/${manifest.threadReflectionId}/edit` }
				],
				cookies.student,
				log
			);
		}
		const run: RunResult = {
			scale,
			when: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
			machine: machine(),
			counts: manifest.counts,
			generateSeconds: manifest.generateSeconds,
			durationSeconds: duration,
			baseline: 'login',
			pages: results,
			mentorQueries,
			rssMaxMb,
			client,
			lighthouse
		};
		const stored = readStored(RESULTS_JSON);
		const previous = scale > 1 ? stored.runs['1'] : undefined;
		stored.runs[String(scale)] = run;
		writeFileSync(RESULTS_JSON, JSON.stringify(stored, null, '\t') + '\n');
		writeMarkdown(RESULTS_MD, stored);
		const outcomes = checkBudgets(run, previous);
		console.log(`\n${pageTable(run, previous)}\n\n${clientTable(run)}\n\n${budgetTable(outcomes)}\n`);
		log(
			`done in ${round((Date.now() - started) / 60000, 1)} min; wrote bench/results.json and bench/RESULTS.md`
		);
		const failed = outcomes.filter((o) => !o.ok);
		if (flag('check') && failed.length) {
			console.error(`\n${failed.length} budget(s) fall short:`);
			for (const f of failed) console.error(`  ✗ ${f.name}: ${f.detail}`);
			process.exitCode = 1;
		}
	} finally {
		server?.kill('SIGTERM');
		if (!flag('keep')) rmSync(dir, { recursive: true, force: true });
		else log(`kept ${dir}`);
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(2);
});
