import { describe, expect, it } from 'vitest';
import {
	checkBudgets,
	growthOf,
	pageTable,
	type PageKind,
	type PageResult,
	type RunResult
} from '../../bench/lib/budgets';
import { percentile } from '../../bench/lib/stats';
import { random } from '../../bench/lib/shape';

const page = (key: string, kind: PageKind, rps: number, extra: Partial<PageResult> = {}): PageResult => ({
	key,
	label: key,
	kind,
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
			page('login', 'baseline', 1000, { queries: 0 }),
			page('student', 'student', 300),
			page('autosave', 'student', 320, { method: 'POST', connections: 50 }),
			page('mentor', 'mentor', 200, { queries: 12 }),
			page('users', 'staff', 100)
		],
		mentorQueries: { small: 6, large: 6, smallStudents: 25, largeStudents: 100 },
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
				page('login', 'baseline', 1000, { queries: 0 }),
				page('student', 'student', 290, { queries: 13 }),
				page('autosave', 'student', 280, { method: 'POST', connections: 50 }),
				page('mentor', 'mentor', 190),
				page('users', 'staff', 90)
			],
			mentorQueries: { small: 6, large: 8, smallStudents: 25, largeStudents: 100 },
			rssMaxMb: 251,
			client: [
				{ key: 'student', js: 70 * 1024, css: 0, chartJs: 0, html: 0, student: true, hasChart: true },
				{ key: 'mentor', js: 40 * 1024, css: 0, chartJs: 60 * 1024, html: 0, student: false, hasChart: false }
			],
			lighthouse: [{ key: 'student', performance: 90, accessibility: 96 }]
		});
		expect(failing(bad)).toEqual([
			'mentor overview: same queries for 25 and 100 students',
			'queries ≤ 12: student',
			'throughput ≥ 30% of login (student): student',
			'throughput ≥ 30% of login (student): autosave',
			'throughput ≥ 20% of login (mentor): mentor',
			'throughput ≥ 10% of login (staff): users',
			'autosave ≥ 300 writes/s with 50 writers',
			'student page JS ≤ 60 KB gzip before a chart: student',
			'chart.js only where a chart is: mentor',
			'Lighthouse performance ≥ 95: student',
			'Lighthouse accessibility = 100: student',
			'server RSS ≤ 250 MB'
		]);
	});

	it('holds each kind of page to its own share of the login page', () => {
		const at = (student: number, mentor: number, staff: number) =>
			failing(
				run({
					pages: [
						page('login', 'baseline', 1000, { queries: 0 }),
						page('student', 'student', student),
						page('autosave', 'student', 400, { method: 'POST', connections: 50 }),
						page('mentor', 'mentor', mentor),
						page('users', 'staff', staff)
					]
				})
			);
		expect(at(300, 200, 100)).toEqual([]);
		expect(at(299, 200, 100)).toEqual(['throughput ≥ 30% of login (student): student']);
		expect(at(300, 199, 100)).toEqual(['throughput ≥ 20% of login (mentor): mentor']);
		expect(at(300, 200, 99)).toEqual(['throughput ≥ 10% of login (staff): users']);
	});

	it('checks no throughput share for pages of a run stored before pages had a kind', () => {
		const old = run();
		old.pages = old.pages.map(({ kind: _kind, ...p }) => p as PageResult);
		expect(checkBudgets(old).filter((o) => o.name.startsWith('throughput'))).toEqual([]);
	});

	it('checks p95 growth only against a smaller run, on at least a millisecond', () => {
		const base = run();
		const big = run({
			scale: 10,
			pages: [
				page('login', 'baseline', 1000, { queries: 0, p95: 0.9 }),
				page('student', 'student', 300, { p95: 35 }),
				page('autosave', 'student', 320)
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
