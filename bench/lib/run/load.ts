// Load on one page with autocannon, a slice at a time, and what it adds up to.
import autocannon from 'autocannon';
import { parseServerTiming } from '../../../src/lib/server/db/timing';
import { round, type PageResult } from '../budgets';
import { percentile } from '../stats';
import type { Manifest } from '../../generate';
import type { Page } from './pages';

export const READ_CONNECTIONS = 10;
export const WRITE_CONNECTIONS = 50;

interface Timing {
	queries: number;
	dbMs: number;
	totalMs: number;
	n: number;
}

/** What one page gathered over all its slices. */
export interface Tally {
	latencies: number[];
	ok: number;
	errors: number;
	seconds: number;
	timing: Timing;
	versions: Map<number, number>;
}

export const newTally = (): Tally => ({
	latencies: [],
	ok: 0,
	errors: 0,
	seconds: 0,
	timing: { queries: 0, dbMs: 0, totalMs: 0, n: 0 },
	versions: new Map()
});

/** One slice of load on one page; adds to the page's tally. */
export async function drive(
	origin: string,
	page: Page,
	cookie: string,
	m: Manifest,
	seconds: number,
	tally: Tally
): Promise<void> {
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
	if (write) tally.versions = await currentVersions(origin, m, cookie);
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

export function summarise(page: Page, tally: Tally): PageResult {
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
async function currentVersions(origin: string, m: Manifest, cookie: string): Promise<Map<number, number>> {
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
