import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { sql } from 'drizzle-orm';
import { cacheStatements } from './statement-cache';

function client(max?: number) {
	const db = new Database(':memory:');
	cacheStatements(db, max);
	db.exec('create table t (id integer primary key, v text)');
	db.prepare('insert into t (v) values (?), (?)').run('a', 'b');
	return db;
}

describe('statement cache', () => {
	it('returns the same statement for the same text, and gives the right rows with new values', () => {
		const db = client();
		const one = db.prepare('select v from t where id = ?');
		const two = db.prepare('select v from t where id = ?');
		expect(two).toBe(one);
		expect(one.get(1)).toEqual({ v: 'a' });
		expect(two.get(2)).toEqual({ v: 'b' });
		expect(db.prepare('select v from t where id = ? ').get(1)).toEqual({ v: 'a' });
	});

	it('starts a reused statement in plain mode after raw() or pluck()', () => {
		const db = client();
		expect(db.prepare('select v from t order by id').raw().all()).toEqual([['a'], ['b']]);
		expect(db.prepare('select v from t order by id').all()).toEqual([{ v: 'a' }, { v: 'b' }]);
		expect(db.prepare('select v from t order by id').pluck().all()).toEqual(['a', 'b']);
		expect(db.prepare('select v from t order by id').get()).toEqual({ v: 'a' });
		// Writes have no modes and are reused as they are.
		const insert = db.prepare('insert into t (v) values (?)');
		expect(db.prepare('insert into t (v) values (?)')).toBe(insert);
		insert.run('c');
		expect(db.prepare('select count(*) as n from t').get()).toEqual({ n: 3 });
	});

	it('gives a statement being iterated a twin instead of breaking the iteration', () => {
		const db = client();
		const seen: unknown[] = [];
		for (const row of db.prepare('select v from t order by id').iterate()) {
			seen.push(row, db.prepare('select v from t order by id').all());
		}
		expect(seen).toEqual([{ v: 'a' }, [{ v: 'a' }, { v: 'b' }], { v: 'b' }, [{ v: 'a' }, { v: 'b' }]]);
	});

	it('keeps at most max statements, dropping the least recently used', () => {
		const db = client(2);
		const a = db.prepare('select 1');
		const b = db.prepare('select 2');
		expect(db.prepare('select 1')).toBe(a);
		db.prepare('select 3');
		expect(db.prepare('select 1')).toBe(a);
		expect(db.prepare('select 2')).not.toBe(b);
	});

	it('works under drizzle, inside transactions and savepoints too', () => {
		const db = client();
		const orm = drizzle(db);
		for (let i = 0; i < 3; i++) {
			orm.transaction((tx) => {
				tx.run(sql`insert into t (v) values (${`x${i}`})`);
				tx.transaction((inner) => inner.run(sql`insert into t (v) values (${`y${i}`})`));
			});
		}
		expect(orm.all(sql`select v from t where v like ${'x%'} order by id`)).toEqual([
			{ v: 'x0' },
			{ v: 'x1' },
			{ v: 'x2' }
		]);
		expect(orm.get<{ n: number }>(sql`select count(*) as n from t`)?.n).toBe(8);
	});
});
