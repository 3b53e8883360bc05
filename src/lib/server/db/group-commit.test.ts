import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { groupCommit } from './group-commit';

function client() {
	const $client = new Database(':memory:');
	$client.exec('create table t (v text not null unique)');
	return { $client };
}

describe('groupCommit', () => {
	it('runs the writes of one turn in one transaction and answers each caller', async () => {
		const db = client();
		const seen: boolean[] = [];
		const insert = (v: string) => () => {
			seen.push(db.$client.inTransaction);
			return db.$client.prepare('insert into t (v) values (?)').run(v).changes;
		};
		const results = await Promise.all([groupCommit(db, insert('a')), groupCommit(db, insert('b'))]);
		expect(results).toEqual([1, 1]);
		expect(seen).toEqual([true, true]);
		expect(db.$client.prepare('select count(*) as n from t').get()).toEqual({ n: 2 });
	});

	it('undoes only the write that failed', async () => {
		const db = client();
		const write =
			(v: string, fail = false) =>
			() => {
				db.$client.prepare('insert into t (v) values (?)').run(v);
				if (fail) throw new Error('no');
				return v;
			};
		const [ok, failed, other] = await Promise.allSettled([
			groupCommit(db, write('a')),
			groupCommit(db, write('b', true)),
			groupCommit(db, write('c'))
		]);
		expect(ok).toEqual({ status: 'fulfilled', value: 'a' });
		expect(failed.status).toBe('rejected');
		expect(other).toEqual({ status: 'fulfilled', value: 'c' });
		const rows = db.$client.prepare('select v from t order by v').all();
		expect(rows).toEqual([{ v: 'a' }, { v: 'c' }]);
		// The next turn starts a new batch.
		expect(await groupCommit(db, write('d'))).toBe('d');
	});
});
