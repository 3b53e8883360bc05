// npm run bench [-- --scale 10] [--check] [--duration 8] [--no-build] [--no-browser] [--help]
// Builds the app, generates a synthetic school board into a temporary database, starts the production
// build on it, drives the important pages with autocannon at a fixed concurrency, weighs them in Chromium,
// runs Lighthouse, and writes bench/results.json and bench/RESULTS.md. Figures are compared as ratios
// measured in one run: absolute numbers on a shared 2-core machine are noise.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { generate, BENCH_PASSWORD, type Manifest } from './generate';
import { parseServerTiming } from '../src/lib/server/db/timing';
import {
	budgetTable,
	checkBudgets,
	clientTable,
	pageTable,
	round,
	type ClientWeight,
	type LighthouseResult,
	type PageKind,
	type PageResult,
	type RunResult
} from './lib/budgets';
import { percentile } from './lib/stats';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tests/chromium';

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
const READ_CONNECTIONS = 10;
const WRITE_CONNECTIONS = 50;
// Seconds of one slice of load; each page gets duration / SLICE slices, taken in turn with the others.
const SLICE = 2;

const started = Date.now();
const log = (line: string) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${line}`);

interface Page {
	key: string;
	label: string;
	kind: PageKind;
	path: string;
	who: 'none' | 'student' | 'writer' | 'mentor4' | 'mentor1' | 'cohort' | 'coordinator' | 'admin';
	method?: 'POST';
	/** Weighed in Chromium (GET pages a user opens). */
	weigh?: { student: boolean; hasChart: boolean };
}

function pagesFor(m: Manifest): Page[] {
	const round = `/coordinator/matrix/rounds/${m.roundId}`;
	return [
		{
			key: 'login',
			kind: 'baseline',
			label: 'login page (baseline)',
			path: '/login',
			who: 'none',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'student',
			kind: 'student',
			label: 'student overview',
			path: '/student',
			who: 'student',
			weigh: { student: true, hasChart: true }
		},
		{
			key: 'reflections',
			kind: 'student',
			label: 'reflection list',
			path: '/student/reflections',
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'reflection',
			kind: 'student',
			label: 'reflection + thread',
			path: `/student/reflections/${m.threadReflectionId}`,
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'reflection-edit',
			kind: 'student',
			label: 'reflection form',
			path: `/student/reflections/${m.threadReflectionId}/edit`,
			who: 'student',
			weigh: { student: true, hasChart: false }
		},
		{
			key: 'autosave',
			kind: 'student',
			label: 'autosave (writes)',
			path: '/student/reflections/:id/autosave',
			who: 'writer',
			method: 'POST'
		},
		{
			key: 'mentor',
			kind: 'mentor',
			label: 'mentor overview (4 groups, first shown)',
			path: '/mentor',
			who: 'mentor4',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'mentor-small',
			kind: 'mentor',
			label: 'mentor overview (1 group, 25)',
			path: '/mentor',
			who: 'mentor1'
		},
		{
			key: 'mentor-cohort',
			kind: 'mentor',
			label: 'mentor overview (100, by activity)',
			// Sorted by last activity: all 100 are counted to sort them, 30 are shown.
			path: '/mentor?sort=activity',
			who: 'cohort'
		},
		{
			key: 'feedback',
			kind: 'mentor',
			label: 'mentor feedback queue',
			path: '/mentor/feedback',
			who: 'mentor4',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'mentor-student',
			kind: 'mentor',
			label: "mentor's page of a student",
			path: `/mentor/students/${m.menteeId}`,
			who: 'mentor4',
			weigh: { student: false, hasChart: true }
		},
		{
			key: 'matrix',
			kind: 'staff',
			label: 'coordinator matrix round',
			path: round,
			who: 'coordinator',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'analysis',
			kind: 'staff',
			label: 'matrix analysis',
			path: `${round}/analysis`,
			who: 'coordinator',
			weigh: { student: false, hasChart: true }
		},
		{
			key: 'school',
			kind: 'staff',
			label: 'school overview',
			path: '/coordinator',
			who: 'coordinator',
			weigh: { student: false, hasChart: false }
		},
		{
			key: 'users',
			kind: 'staff',
			label: 'admin user list',
			path: '/admin/users',
			who: 'admin',
			weigh: { student: false, hasChart: false }
		}
	];
}

function machine(): RunResult['machine'] {
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		ramGb: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		os: `${process.platform} ${release()}`
	};
}

async function waitForServer(child: ChildProcess): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

async function login(username: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ username, password: BENCH_PASSWORD, redirectTo: '' })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || !cookies.some((c) => c.startsWith('koers_session='))) {
		throw new Error(`login as ${username} failed: ${res.status}`);
	}
	return cookies.join('; ');
}

function rssSampler(pid: number) {
	let max = 0;
	let now = 0;
	const read = () => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			now = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
			max = Math.max(max, now);
		} catch {
			// the process is gone
		}
	};
	const timer = setInterval(read, 200);
	return {
		current: () => now,
		stop: () => {
			clearInterval(timer);
			read();
			return max;
		}
	};
}

interface Timing {
	queries: number;
	dbMs: number;
	totalMs: number;
	n: number;
}

/** What one page gathered over all its slices. */
interface Tally {
	latencies: number[];
	ok: number;
	errors: number;
	seconds: number;
	timing: Timing;
	versions: Map<number, number>;
}

const newTally = (): Tally => ({
	latencies: [],
	ok: 0,
	errors: 0,
	seconds: 0,
	timing: { queries: 0, dbMs: 0, totalMs: 0, n: 0 },
	versions: new Map()
});

/** One slice of load on one page; adds to the page's tally. */
async function drive(page: Page, cookie: string, m: Manifest, seconds: number, tally: Tally): Promise<void> {
	const headers: Record<string, string> = { Accept: 'text/html', Origin: origin };
	if (cookie) headers.Cookie = cookie;
	const timing = tally.timing;
	const onResponse = (_status: number, _body: string, _context: unknown, h: Record<string, string>) => {
		const t = parseServerTiming(h['server-timing']);
		if (!t) return;
		timing.queries += t.queries;
		timing.dbMs += t.dbMs;
		timing.totalMs += t.totalMs;
		timing.n++;
	};
	const write = page.method === 'POST';
	// 50 writers, each saving its own reflection: a writer starts from the reflection's current version
	// (read before the measurement) and keeps the one each save returns, so every save is a real write.
	// Read afresh before each slice: saves still in flight when the last slice stopped went on regardless.
	if (write) tally.versions = await currentVersions(m, cookie);
	const versions = tally.versions;
	// autocannon resets a connection's context after every request of a one-request list, so a writer
	// takes a free reflection per request and gives it back with its new version when the answer comes.
	const free = [...m.autosaveReflectionIds];
	const request = write
		? {
				method: 'POST' as const,
				setupRequest: (req: Record<string, unknown>, context: Record<string, number>) => {
					context.id = free.shift() ?? m.autosaveReflectionIds[0];
					const version = versions.get(context.id) ?? 1;
					return {
						...req,
						path: `/student/reflections/${context.id}/autosave`,
						headers: { ...headers, 'Content-Type': 'application/json', Accept: 'application/json' },
						body: JSON.stringify({
							version,
							kind: 'autosave',
							title: 'Meeloopdag bij de bakker',
							doel: 'Ik wilde weten hoe vroeg een bakker begint.',
							resultaat: `Om vier uur stonden we al te kneden (${version}).`,
							evaluatie: 'Zwaar, maar leuk.',
							vervolg: 'Nog een dag bij een grote bakkerij.',
							visibility: 'mentor',
							competencies: ['werkexploratie']
						})
					};
				},
				onResponse: (
					status: number,
					body: string,
					context: Record<string, number>,
					h: Record<string, string>
				) => {
					onResponse(status, body, context, h);
					try {
						const parsed = JSON.parse(body) as { version?: number; current?: { version: number } };
						const version = parsed.version ?? parsed.current?.version;
						if (version) versions.set(context.id, version);
					} catch {
						// not JSON: counted as an error by its status
					}
					free.push(context.id);
				}
			}
		: { method: 'GET' as const, path: page.path, headers, onResponse };
	const connections = write ? WRITE_CONNECTIONS : READ_CONNECTIONS;
	const t0 = performance.now();
	const result = await new Promise<autocannon.Result>((done, fail) => {
		const instance = autocannon(
			{ url: origin, connections, duration: seconds, requests: [request], timeout: 30 },
			(err: Error | null, res: autocannon.Result) => (err ? fail(err) : done(res))
		);
		instance.on('response', (_client: unknown, status: number, _bytes: number, time: number) => {
			tally.latencies.push(time);
			if (status >= 200 && status < 300) tally.ok++;
		});
	});
	tally.seconds += (performance.now() - t0) / 1000;
	tally.errors += result.non2xx + result.errors + result.timeouts;
}

function summarise(page: Page, tally: Tally): PageResult {
	const write = page.method === 'POST';
	const { latencies, timing } = tally;
	latencies.sort((a, b) => a - b);
	return {
		key: page.key,
		label: page.label,
		kind: page.kind,
		method: write ? 'POST' : 'GET',
		connections: write ? WRITE_CONNECTIONS : READ_CONNECTIONS,
		rps: tally.ok / tally.seconds,
		p50: round(percentile(latencies, 0.5), 1),
		p95: round(percentile(latencies, 0.95), 1),
		p99: round(percentile(latencies, 0.99), 1),
		errors: tally.errors,
		queries: timing.n ? timing.queries / timing.n : 0,
		dbMs: timing.n ? timing.dbMs / timing.n : 0,
		serverMs: timing.n ? timing.totalMs / timing.n : 0
	};
}

/** The versions the bench student's reflections have now, read through the app's own edit page data. */
async function currentVersions(m: Manifest, cookie: string): Promise<Map<number, number>> {
	const versions = new Map<number, number>();
	for (const id of m.autosaveReflectionIds) {
		const res = await fetch(`${origin}/student/reflections/${id}/autosave`, {
			method: 'POST',
			headers: {
				Cookie: cookie,
				Origin: origin,
				'Content-Type': 'application/json',
				Accept: 'application/json'
			},
			// Version 0 is refused by the schema (400) without writing; an impossible high one is a conflict
			// that answers the current copy.
			body: JSON.stringify({
				version: 2 ** 30,
				title: '',
				doel: '',
				resultaat: '',
				evaluatie: '',
				vervolg: '',
				competencies: []
			})
		});
		const body = (await res.json()) as { current?: { version: number } };
		if (body.current) versions.set(id, body.current.version);
	}
	return versions;
}

/** Queries of one request, measured alone (for the mentor-overview budget: one group against four). */
async function queriesOf(path: string, cookie: string): Promise<number> {
	const res = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
	return parseServerTiming(res.headers.get('server-timing'))?.queries ?? -1;
}

function chartChunks(): Set<string> {
	// The build's manifest names the chunks that hold chart.js (and its colour helper).
	const manifest = join(ROOT, '.svelte-kit/output/client/.vite/manifest.json');
	const chunks = new Set<string>();
	if (!existsSync(manifest)) return chunks;
	const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
		string,
		{ file: string; src?: string }
	>;
	for (const [key, entry] of Object.entries(entries))
		if (/node_modules\/(chart\.js|@kurkle)/.test(entry.src ?? key))
			chunks.add(entry.file.split('/').pop() ?? '');
	return chunks;
}

async function weigh(pages: Page[], cookies: Record<string, string>): Promise<ClientWeight[]> {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS.slice(1) });
	const charts = chartChunks();
	const out: ClientWeight[] = [];
	try {
		for (const page of pages) {
			if (!page.weigh) continue;
			const context = await browser.newContext();
			const cookie = cookies[page.who];
			if (cookie)
				await context.addCookies(
					cookie.split('; ').map((c) => {
						const [name, ...rest] = c.split('=');
						return { name, value: rest.join('='), url: origin };
					})
				);
			const tab = await context.newPage();
			const bodies: Promise<void>[] = [];
			const weight: ClientWeight = { key: page.key, js: 0, css: 0, chartJs: 0, html: 0, ...page.weigh };
			tab.on('response', (res) => {
				const type = res.request().resourceType();
				if (!['script', 'stylesheet', 'document'].includes(type)) return;
				bodies.push(
					res.body().then(
						(body) => {
							// gzip -9 of the decoded body: what the precompressed .gz beside each asset weighs.
							const size = gzipSync(body, { level: 9 }).length;
							const file = new URL(res.url()).pathname.split('/').pop() ?? '';
							if (type === 'document') weight.html += size;
							else if (type === 'stylesheet') weight.css += size;
							else if (charts.has(file)) weight.chartJs += size;
							else weight.js += size;
						},
						() => undefined
					)
				);
			});
			const res = await tab.goto(`${origin}${page.path}`, { waitUntil: 'networkidle' });
			if (res?.status() !== 200) throw new Error(`${page.path} answered ${res?.status()} in Chromium`);
			// networkidle: no request for 500 ms, so every chunk the page asked for has been counted.
			await Promise.all(bodies);
			out.push(weight);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}

async function lighthouseRuns(
	targets: { key: string; path: string }[],
	cookie: string
): Promise<LighthouseResult[]> {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const out: LighthouseResult[] = [];
	for (const target of targets) {
		const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
		try {
			const result = await lighthouse(`${origin}${target.path}`, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility'],
				extraHeaders: { Cookie: cookie }
			});
			const categories = result?.lhr.categories;
			out.push({
				key: target.key,
				performance: Math.round((categories?.performance?.score ?? 0) * 100),
				accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100)
			});
			const failing = Object.values(result?.lhr.audits ?? {}).filter(
				(a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary'
			);
			if (failing.length) log(`lighthouse ${target.key}: ${failing.map((a) => a.id).join(', ')}`);
		} finally {
			chrome.kill();
		}
	}
	return out;
}

interface Stored {
	runs: Record<string, RunResult>;
}

function readStored(): Stored {
	try {
		return JSON.parse(readFileSync(RESULTS_JSON, 'utf8')) as Stored;
	} catch {
		return { runs: {} };
	}
}

function renderMarkdown(stored: Stored): string {
	const runs = Object.values(stored.runs).sort((a, b) => a.scale - b.scale);
	const base = stored.runs['1'];
	const parts: string[] = [];
	for (const run of runs) {
		const prev = run.scale > 1 ? base : undefined;
		const m = run.machine;
		parts.push(
			`### Scale ${run.scale} (${run.when})`,
			'',
			`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}. Shared with other jobs ` +
				`while it ran, so compare ratios within a run, not absolute figures.`,
			'',
			`Data: ${Object.entries(run.counts)
				.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
				.join(', ')} (generated in ${run.generateSeconds} s). ` +
				`Each page ${run.durationSeconds} s of autocannon in 2-second slices taken in turn with the other pages ` +
				`(so drifting background load hits every page alike); reads with 10 connections, autosave with 50 writers.`,
			'',
			pageTable(run, prev),
			'',
			`Mentor overview: ${run.mentorQueries.small} queries for ${run.mentorQueries.smallStudents} students, ` +
				`${run.mentorQueries.large} for ${run.mentorQueries.largeStudents}. Server RSS max ${round(run.rssMaxMb, 0)} MB.`,
			'',
			clientTable(run),
			'',
			run.lighthouse.length
				? `Lighthouse (mobile): ${run.lighthouse.map((l) => `${l.key} performance ${l.performance}, accessibility ${l.accessibility}`).join('; ')}.`
				: 'Lighthouse: not run.',
			'',
			budgetTable(checkBudgets(run, prev)),
			''
		);
	}
	return parts.join('\n');
}

function writeMarkdown(stored: Stored): void {
	const start = '<!-- bench:start -->';
	const end = '<!-- bench:end -->';
	const generated = `${start}\n\n${renderMarkdown(stored)}\n${end}`;
	let md = existsSync(RESULTS_MD)
		? readFileSync(RESULTS_MD, 'utf8')
		: `# Benchmark results\n\n${start}\n${end}\n`;
	if (!md.includes(start)) md += `\n${start}\n${end}\n`;
	md = md.slice(0, md.indexOf(start)) + generated + md.slice(md.indexOf(end) + end.length);
	writeFileSync(RESULTS_MD, md);
}

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
		await waitForServer(server);
		const rss = rssSampler(server.pid ?? 0);
		const cookies: Record<string, string> = {
			none: '',
			student: await login(manifest.student),
			writer: await login(manifest.writer),
			mentor4: await login(manifest.mentor4),
			mentor1: await login(manifest.mentor1),
			cohort: await login(manifest.cohortMentor),
			coordinator: await login(manifest.coordinator),
			admin: await login(manifest.admin)
		};
		const pages = pagesFor(manifest);
		const mentorQueries = {
			small: await queriesOf('/mentor', cookies.mentor1),
			large: await queriesOf('/mentor?sort=activity', cookies.cohort),
			smallStudents: 25,
			largeStudents: 100
		};
		const driven = pages.filter((p) => p.key !== 'reflection-edit');
		// A short warm-up (caches, JIT), then the measurement in round-robin slices of SLICE seconds: the
		// machine's other load drifts, and every page (the baseline too) then sees the same drift.
		for (const page of driven)
			if (!page.method) for (let i = 0; i < 3; i++) await queriesOf(page.path, cookies[page.who]);
		const tallies = new Map(driven.map((p) => [p.key, newTally()]));
		const rounds = Math.max(1, Math.round(duration / SLICE));
		for (let round = 1; round <= rounds; round++) {
			for (const page of driven)
				await drive(page, cookies[page.who], manifest, SLICE, tallies.get(page.key) ?? newTally());
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
			client = await weigh(pages, cookies);
			log('Lighthouse (mobile)');
			lighthouse = await lighthouseRuns(
				[
					{ key: 'student', path: '/student' },
					{ key: 'reflection-edit', path: `/student/reflections/${manifest.threadReflectionId}/edit` }
				],
				cookies.student
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
		const stored = readStored();
		const previous = scale > 1 ? stored.runs['1'] : undefined;
		stored.runs[String(scale)] = run;
		writeFileSync(RESULTS_JSON, JSON.stringify(stored, null, '\t') + '\n');
		writeMarkdown(stored);
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
