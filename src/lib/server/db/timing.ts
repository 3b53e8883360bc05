// Per-request database counters for the Server-Timing header: how many statements a request ran and how
// long it spent in SQLite. Instrumented at the better-sqlite3 level, so every query counts, whether it comes
// from drizzle's sync API (which prepares through client.prepare) or from raw SQL.
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';

export interface DbTiming {
	queries: number;
	ms: number;
	/** >0 while inside a transaction: its statements count, its time is taken once for the whole of it. */
	depth: number;
}

const storage = new AsyncLocalStorage<DbTiming>();

/** Runs fn with fresh counters; everything it awaits adds to them. */
export function withDbTiming<T>(fn: (timing: DbTiming) => T): T {
	const timing: DbTiming = { queries: 0, ms: 0, depth: 0 };
	return storage.run(timing, fn, timing);
}

export function currentDbTiming(): DbTiming | undefined {
	return storage.getStore();
}

/** Times one statement call; outside a request (migrations, CLI) it is a plain call. */
function measure<T>(call: () => T, isQuery: boolean): T {
	const t = storage.getStore();
	if (!t) return call();
	if (isQuery) t.queries++;
	// Inside a transaction the transaction's own timer covers this call (and BEGIN/COMMIT with the fsync).
	if (t.depth > 0 && isQuery) return call();
	const start = performance.now();
	if (!isQuery) t.depth++;
	try {
		return call();
	} finally {
		if (!isQuery) t.depth--;
		if (t.depth === 0) t.ms += performance.now() - start;
	}
}

type Method = (...args: unknown[]) => unknown;
const STATEMENT_METHODS = ['run', 'get', 'all', 'iterate'] as const;
const TX_VARIANTS = ['deferred', 'immediate', 'exclusive'] as const;

function timeStatement<S extends object>(stmt: S): S {
	const target = stmt as unknown as Record<string, Method>;
	for (const name of STATEMENT_METHODS) {
		const original = target[name];
		if (typeof original !== 'function') continue;
		// An own property on the instance: stmt.raw() returns the same object, so raw calls are timed too.
		target[name] = function (this: unknown, ...args: unknown[]) {
			return measure(() => original.apply(this, args), true);
		};
	}
	return stmt;
}

function timeTransaction(tx: Method): Method {
	const wrap = (variant: Method): Method =>
		function (this: unknown, ...args: unknown[]) {
			return measure(() => variant.apply(this, args), false);
		};
	const timed = wrap(tx) as Method & Record<string, Method>;
	const source = tx as Method & Record<string, Method>;
	for (const name of TX_VARIANTS) timed[name] = wrap(source[name]);
	timed.default = timed;
	return timed;
}

/** Makes every statement and transaction of this connection add to the current request's counters. */
export function instrumentClient(client: Database.Database): void {
	const prepare = client.prepare.bind(client);
	const transaction = client.transaction.bind(client);
	client.prepare = ((source: string) => timeStatement(prepare(source))) as typeof client.prepare;
	client.transaction = ((fn: Method) => timeTransaction(transaction(fn) as unknown as Method)) as never;
}

/** The header value: database time and statement count, and the request's total time. */
export function serverTimingHeader(t: Pick<DbTiming, 'queries' | 'ms'>, totalMs: number): string {
	return `db;dur=${t.ms.toFixed(2)};desc="${t.queries} queries", total;dur=${totalMs.toFixed(2)}`;
}

/** Reads a Server-Timing header back (for the bench); undefined when it is absent or foreign. */
export function parseServerTiming(
	header: string | null | undefined
): { dbMs: number; queries: number; totalMs: number } | undefined {
	if (!header) return undefined;
	const db = /db;dur=([\d.]+);desc="(\d+) queries"/.exec(header);
	const total = /total;dur=([\d.]+)/.exec(header);
	if (!db || !total) return undefined;
	return { dbMs: Number(db[1]), queries: Number(db[2]), totalMs: Number(total[1]) };
}
