import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { sql } from 'drizzle-orm';
import { instrumentClient, parseServerTiming, serverTimingHeader, withDbTiming } from './timing';

function client() {
	const db = new Database(':memory:');
	instrumentClient(db);
	db.exec('create table t (id integer primary key, v text)');
	return db;
}

describe('db timing', () => {
	it('counts every statement call of a request, raw and through drizzle', async () => {
		const db = client();
		const orm = drizzle(db);
		const timing = await withDbTiming(async (t) => {
			db.prepare('insert into t (v) values (?)').run('a');
			await Promise.resolve();
			orm.all(sql`select * from t`);
			orm.get(sql`select count(*) from t`);
			db.prepare('select v from t').raw().all();
			for (const row of db.prepare('select v from t').iterate()) expect(row).toBeDefined();
			return t;
		});
		expect(timing.queries).toBe(5);
		expect(timing.ms).toBeGreaterThan(0);
		expect(timing.depth).toBe(0);
	});

	it('counts statements inside a transaction and times the transaction once', () => {
		const db = client();
		const orm = drizzle(db);
		const timing = withDbTiming((t) => {
			orm.transaction((tx) => {
				tx.run(sql`insert into t (v) values ('x')`);
				tx.transaction((inner) => inner.run(sql`insert into t (v) values ('y')`));
			});
			db.transaction(() => db.prepare('delete from t').run()).immediate();
			return t;
		});
		// The two inserts, drizzle's savepoint and release statements, and the delete.
		expect(timing.queries).toBe(5);
		expect(timing.ms).toBeGreaterThan(0);
		expect(timing.depth).toBe(0);
		expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 0 });
	});

	it('keeps concurrent requests apart and counts nothing outside a request', async () => {
		const db = client();
		db.prepare('select 1').get();
		const one = withDbTiming(async (t) => {
			await new Promise((r) => setTimeout(r, 5));
			db.prepare('select 1').get();
			return t.queries;
		});
		const two = withDbTiming(async (t) => {
			db.prepare('select 1').get();
			db.prepare('select 2').get();
			await new Promise((r) => setTimeout(r, 1));
			return t.queries;
		});
		expect(await Promise.all([one, two])).toEqual([1, 2]);
	});

	it('writes a header the bench can read back', () => {
		const header = serverTimingHeader({ queries: 7, ms: 1.234 }, 5.5);
		expect(header).toBe('db;dur=1.23;desc="7 queries", total;dur=5.50');
		expect(parseServerTiming(header)).toEqual({ dbMs: 1.23, queries: 7, totalMs: 5.5 });
		expect(parseServerTiming(null)).toBeUndefined();
		expect(parseServerTiming('cache;dur=1')).toBeUndefined();
	});
});
