// The budgets of issue #16 as a pure function of one run's figures (and the last scale-1 run, for growth),
// and the tables the bench prints and writes. No I/O here, so it is unit-tested.

/**
 * Who a page serves, which sets its throughput budget against the login page: students (and their autosave)
 * are a whole class at once, mentors a few dozen, coordinators, staff and admins a handful.
 */
export type PageKind = 'baseline' | 'student' | 'mentor' | 'staff';

export interface PageResult {
	key: string;
	label: string;
	kind: PageKind;
	method: 'GET' | 'POST';
	connections: number;
	rps: number;
	p50: number;
	p95: number;
	p99: number;
	errors: number;
	/** Statements per request and database ms per request, from the Server-Timing header under load. */
	queries: number;
	dbMs: number;
	/** The server's own time per request (Server-Timing total): work, not queueing. */
	serverMs: number;
}

export interface ClientWeight {
	key: string;
	/** gzip bytes of the JavaScript and CSS the page downloaded, chart.js chunks apart. */
	js: number;
	css: number;
	chartJs: number;
	html: number;
	student: boolean;
	hasChart: boolean;
}

export interface LighthouseResult {
	key: string;
	performance: number;
	accessibility: number;
}

export interface RunResult {
	scale: number;
	when: string;
	machine: { cpu: string; cores: number; ramGb: number; node: string; os: string };
	counts: Record<string, number>;
	generateSeconds: number;
	durationSeconds: number;
	baseline: string;
	pages: PageResult[];
	/** Queries of the mentor overview for a mentor of one group (25 students) and of four (100). */
	mentorQueries: { small: number; large: number; smallStudents: number; largeStudents: number };
	rssMaxMb: number;
	client: ClientWeight[];
	lighthouse: LighthouseResult[];
}

export interface BudgetOutcome {
	name: string;
	ok: boolean;
	detail: string;
}

export const BUDGETS = {
	maxQueries: 12,
	/** Throughput as a share of the login page's, per kind of page. */
	minRatio: { student: 0.3, mentor: 0.2, staff: 0.1 } as Record<Exclude<PageKind, 'baseline'>, number>,
	minWritesPerSecond: 300,
	maxP95Growth: 1.5,
	maxStudentJsBytes: 60 * 1024,
	minPerformance: 95,
	minAccessibility: 100,
	maxRssMb: 250
} as const;

const AUTOSAVE = 'autosave';

export function ratioToBaseline(run: Pick<RunResult, 'pages' | 'baseline'>, key: string): number {
	const base = run.pages.find((p) => p.key === run.baseline)?.rps ?? 0;
	const page = run.pages.find((p) => p.key === key)?.rps ?? 0;
	return base > 0 ? page / base : 0;
}

/** Every budget with its outcome; `previous` is the last scale-1 run when this one is larger. */
export function checkBudgets(run: RunResult, previous?: RunResult): BudgetOutcome[] {
	const out: BudgetOutcome[] = [];
	const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
	const mq = run.mentorQueries;
	out.push({
		name: 'mentor overview: same queries for 25 and 100 students',
		ok: mq.small === mq.large,
		detail: `${mq.small} queries for ${mq.smallStudents} students, ${mq.large} for ${mq.largeStudents}`
	});
	for (const p of run.pages)
		out.push({
			name: `queries ≤ ${BUDGETS.maxQueries}: ${p.key}`,
			ok: p.queries <= BUDGETS.maxQueries,
			detail: `${round(p.queries, 1)} queries per request`
		});
	for (const p of run.pages) {
		// A run stored before pages had a kind has no ratio budgets.
		if (p.key === run.baseline || p.kind === 'baseline' || !(p.kind in BUDGETS.minRatio)) continue;
		const min = BUDGETS.minRatio[p.kind];
		const ratio = ratioToBaseline(run, p.key);
		out.push({
			name: `throughput ≥ ${round(min * 100, 0)}% of ${run.baseline} (${p.kind}): ${p.key}`,
			ok: ratio >= min,
			detail: `${round(p.rps, 0)} req/s = ${round(ratio * 100, 0)}% of ${run.baseline}`
		});
	}
	const autosave = run.pages.find((p) => p.key === AUTOSAVE);
	if (autosave)
		out.push({
			name: `autosave ≥ ${BUDGETS.minWritesPerSecond} writes/s with ${autosave.connections} writers`,
			ok: autosave.rps >= BUDGETS.minWritesPerSecond && autosave.errors === 0,
			detail: `${round(autosave.rps, 0)} writes/s, ${autosave.errors} errors`
		});
	for (const p of run.pages) {
		if (p.errors > 0 && p.key !== AUTOSAVE)
			out.push({ name: `no errors: ${p.key}`, ok: false, detail: `${p.errors} non-2xx or failed requests` });
	}
	if (previous && run.scale > previous.scale)
		for (const p of run.pages) {
			const before = previous.pages.find((q) => q.key === p.key);
			if (!before) continue;
			const growth = growthOf(before.p95, p.p95);
			out.push({
				name: `p95 growth ≤ ${BUDGETS.maxP95Growth}× at scale ${run.scale}: ${p.key}`,
				ok: growth <= BUDGETS.maxP95Growth,
				detail: `p95 ${before.p95} → ${p.p95} ms (${round(growth, 2)}×)`
			});
		}
	for (const c of run.client) {
		if (c.student)
			out.push({
				name: `student page JS ≤ ${BUDGETS.maxStudentJsBytes / 1024} KB gzip before a chart: ${c.key}`,
				ok: c.js <= BUDGETS.maxStudentJsBytes,
				detail: `${kb(c.js)} JS (+ ${kb(c.chartJs)} chart.js)`
			});
		if (!c.hasChart && c.chartJs > 0)
			out.push({
				name: `chart.js only where a chart is: ${c.key}`,
				ok: false,
				detail: `${kb(c.chartJs)} loaded`
			});
	}
	for (const l of run.lighthouse) {
		out.push({
			name: `Lighthouse performance ≥ ${BUDGETS.minPerformance}: ${l.key}`,
			ok: l.performance >= BUDGETS.minPerformance,
			detail: `${l.performance}`
		});
		out.push({
			name: `Lighthouse accessibility = ${BUDGETS.minAccessibility}: ${l.key}`,
			ok: l.accessibility >= BUDGETS.minAccessibility,
			detail: `${l.accessibility}`
		});
	}
	out.push({
		name: `server RSS ≤ ${BUDGETS.maxRssMb} MB`,
		ok: run.rssMaxMb <= BUDGETS.maxRssMb,
		detail: `max ${round(run.rssMaxMb, 0)} MB`
	});
	return out;
}

/**
 * p95 growth between scales. Latencies under a millisecond or two are timer noise on a shared machine, so
 * growth is taken on at least 1 ms (0.4 → 0.9 ms is not "2.25× slower").
 */
export function growthOf(before: number, after: number): number {
	return Math.max(after, 1) / Math.max(before, 1);
}

export function round(n: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(n * f) / f;
}

function table(head: string[], rows: (string | number)[][]): string {
	const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
	return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}

export function pageTable(run: RunResult, previous?: RunResult): string {
	const growth = previous && run.scale > previous.scale;
	const head = [
		'page',
		'conn',
		'req/s',
		'p50 ms',
		'p95 ms',
		'p99 ms',
		'queries',
		'db ms',
		'server ms',
		'× baseline'
	];
	if (growth) head.push('req/s vs ×1', 'p95 vs ×1', 'db ms vs ×1');
	const rows = run.pages.map((p) => {
		const row: (string | number)[] = [
			p.label,
			p.connections,
			round(p.rps, 0),
			p.p50,
			p.p95,
			p.p99,
			round(p.queries, 1),
			round(p.dbMs, 2),
			round(p.serverMs ?? 0, 1),
			round(ratioToBaseline(run, p.key), 2)
		];
		if (growth) {
			const b = previous.pages.find((q) => q.key === p.key);
			row.push(
				b ? `${round(p.rps / b.rps, 2)}×` : '–',
				b ? `${round(growthOf(b.p95, p.p95), 2)}×` : '–',
				b ? `${round(Math.max(p.dbMs, 0.01) / Math.max(b.dbMs, 0.01), 1)}×` : '–'
			);
		}
		return row;
	});
	return table(head, rows);
}

export function clientTable(run: RunResult): string {
	const kb = (b: number) => round(b / 1024, 1);
	return table(
		['page', 'JS KB gz', 'chart.js KB gz', 'CSS KB gz', 'HTML KB gz'],
		run.client.map((c) => [c.key, kb(c.js), kb(c.chartJs), kb(c.css), kb(c.html)])
	);
}

export function budgetTable(outcomes: BudgetOutcome[]): string {
	return table(
		['budget', 'ok', 'figure'],
		outcomes.map((o) => [o.name, o.ok ? 'pass' : '**FAIL**', o.detail])
	);
}
