// The queries every request runs (the session, the unread count) are built by drizzle once per connection
// and then run with their values as placeholders (`sql.placeholder`), instead of being built again each time.
import type { Db } from './index';

const preparedQueries = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query built once per connection. `key` names the query; `build` must not depend on anything but
 * `db`, and every per-call value must be a placeholder.
 */
export function prepared<T>(db: Db, key: string, build: (db: Db) => T): T {
	let queries = preparedQueries.get(db);
	if (!queries) {
		queries = new Map();
		preparedQueries.set(db, queries);
	}
	let query = queries.get(key) as T | undefined;
	if (query === undefined) {
		query = build(db);
		queries.set(key, query);
	}
	return query;
}
