// Queries prepared once and run many times. Building a query through drizzle costs ~0.1–0.2 ms (SQL text,
// parameter list, result mapping plan), several times what SQLite needs to answer the small queries of a
// page: on the bench's student overview drizzle took 1.3 ms of 1.4. A prepared query keeps all of that and
// takes its values as placeholders.
//
// The authorization scopes (access.ts) depend on who asks: their shape on the viewer's roles, their values
// on the viewer's id and school. preparedFor builds a query once per query and set of roles, with a viewer
// whose id and school are placeholders, so the scopes stay the one policy they are.
import { sql } from 'drizzle-orm';
import { createViewer, type Viewer } from '../auth/viewer';
import type { Db } from './index';

const preparedQueries = new WeakMap<Db, Map<string, unknown>>();

/**
 * A drizzle query built once per connection and then run with placeholders (`sql.placeholder`). For the
 * queries every request runs (the session, the unread count): building a query through drizzle costs more
 * than SQLite takes to answer it. `key` names the query; `build` must not depend on anything but `db`.
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

/** A stand-in viewer for building: the same roles, placeholders for id and school. */
function placeholderViewer(viewer: Viewer): Viewer {
	return createViewer({
		userId: sql.placeholder('viewerId') as unknown as number,
		schoolId: sql.placeholder('viewerSchoolId') as unknown as number,
		roles: viewer.roles,
		locale: viewer.locale,
		sessionId: ''
	});
}

/** The placeholder values for the viewer a preparedFor query runs for. */
export function viewerValues(viewer: Viewer): { viewerId: number; viewerSchoolId: number } {
	return { viewerId: viewer.userId, viewerSchoolId: viewer.schoolId };
}

/**
 * `build` gets a viewer to pass to scope helpers and must use it for nothing else (its id and school are
 * placeholders, not numbers); other per-call values are `sql.placeholder(name)`. Run the result with
 * `{ ...viewerValues(viewer), ...yourValues }`.
 */
export function preparedFor<T>(db: Db, key: string, viewer: Viewer, build: (v: Viewer) => T): T {
	return prepared(db, `${key}|${rolesKey(viewer)}`, () => build(placeholderViewer(viewer)));
}

/** The viewer's roles as one text, the same whatever their order: part of what is kept per role set. */
export function rolesKey(viewer: Viewer): string {
	return [...viewer.roles].sort().join(',');
}
