// Reuses prepared statements: drizzle prepares every query afresh, and one query shape is one SQL text.
import type Database from 'better-sqlite3';

type Statement = Database.Statement;

/** Enough for every query shape of the app; texts that vary in length (IN lists) fall out first. */
export const STATEMENT_CACHE_SIZE = 500;

export function cacheStatements(client: Database.Database, max = STATEMENT_CACHE_SIZE): void {
	const prepare = client.prepare.bind(client) as (source: string) => Statement;
	const cache = new Map<string, Statement>();
	client.prepare = ((source: string) => {
		const hit = cache.get(source);
		// A statement that is still being iterated cannot run twice at once: that caller gets its own.
		if (hit && !hit.busy) {
			// Least recently used goes first: move this one to the end.
			cache.delete(source);
			cache.set(source, hit);
			// raw(), pluck() and expand() change a statement for good; a reused one starts in plain mode,
			// as a fresh one would.
			if (hit.reader) hit.raw(false).pluck(false).expand(false).safeIntegers(false);
			return hit;
		}
		const stmt = prepare(source);
		if (!hit) {
			cache.set(source, stmt);
			if (cache.size > max) cache.delete(cache.keys().next().value as string);
		}
		return stmt;
	}) as typeof client.prepare;
}
