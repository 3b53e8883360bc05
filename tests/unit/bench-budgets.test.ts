import { describe, expect, it } from 'vitest';
import { checkBudgets, growthOf, pageTable, type PageResult, type RunResult } from '../../bench/lib/budgets';
import { percentile } from '../../bench/lib/stats';
import { random } from '../../bench/lib/shape';

const page = (key: string, rps: number, extra: Partial<PageResult> = {}): PageResult => ({
	key,
	label: key,
	method: 'GET',
	connections: 10,
	rps,
	p50: 10,
	p95: 20,
	p99: 30,
	errors: 0,
	queries: 5,
	dbMs: 1,
	serverMs: 3,
	...extra
});

function run(overrides: Partial<RunResult> = {}): RunResult {
	return {
		scale: 1,
		when: 'now',
		machine: { cpu: 'cpu', cores: 2, ramGb: 24, node: 'v20', os: 'linux' },
		counts: {},
		generateSeconds: 1,
		durationSeconds: 8,
		baseline: 'login',
		pages: [
			page('login', 500, { queries: 0 }),
			page('student', 300),
			page('autosave', 320, { method: 'POST', connections: 50 })
		],
		mentorQueries: { small: 10, large: 10, smallStudents: 25, largeStudents: 100 },
		rssMaxMb: 150,
		client: [
			{
				key: 'student',
				js: 50 * 1024,
				css: 3000,
				chartJs: 60 * 1024,
				html: 3000,
				student: true,
				hasChart: true
			}
		],
		lighthouse: [{ key: 'student', performance: 98, accessibility: 100 }],
		...overrides
	};
}

const failing = (r: RunResult, previous?: RunResult) =>
	checkBudgets(r, previous)
		.filter((o) => !o.ok)
		.map((o) => o.name);

describe('bench budgets', () => {
	it('passes a run within every budget', () => {
		expect(failing(run())).toEqual([]);
	});

	it('names each budget that falls short', () => {
		const bad = run({
			pages: [
				page('login', 500, { queries: 0 }),
				page('student', 150, { queries: 12 }),
				page('autosave', 200, { method: 'POST', connections: 50 })
			],
			mentorQueries: { small: 10, large: 14, smallStudents: 25, largeStudents: 100 },
			rssMaxMb: 300,
			client: [
				{ key: 'student', js: 70 * 1024, css: 0, chartJs: 0, html: 0, student: true, hasChart: true },
				{ key: 'mentor', js: 40 * 1024, css: 0, chartJs: 60 * 1024, html: 0, student: false, hasChart: false }
			],
			lighthouse: [{ key: 'student', performance: 90, accessibility: 96 }]
		});
		expect(failing(bad)).toEqual([
			'mentor overview: same queries for 25 and 100 students',
			'queries ≤ 10: student',
			'throughput ≥ 40% of baseline: student',
			'autosave ≥ 300 writes/s with 50 writers',
			'student page JS ≤ 60 KB gzip before a chart: student',
			'chart.js only where a chart is: mentor',
			'Lighthouse performance ≥ 95: student',
			'Lighthouse accessibility = 100: student',
			'server RSS < 250 MB'
		]);
	});

	it('checks p95 growth only against a smaller run, on at least a millisecond', () => {
		const base = run();
		const big = run({
			scale: 10,
			pages: [
				page('login', 500, { queries: 0, p95: 0.9 }),
				page('student', 300, { p95: 35 }),
				page('autosave', 320)
			]
		});
		expect(failing(big, base)).toEqual(['p95 growth ≤ 1.5× at scale 10: student']);
		expect(failing(big)).toEqual([]);
		expect(growthOf(0.4, 0.9)).toBe(1);
		expect(pageTable(big, base)).toContain('1.75×');
	});

	it('percentile and the seeded generator', () => {
		expect(percentile([], 0.95)).toBe(0);
		expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.95)).toBe(10);
		expect(percentile([1, 2, 3, 4], 0.5)).toBe(2);
		const a = random(7);
		const b = random(7);
		expect([a(), a()]).toEqual([b(), b()]);
	});
});
