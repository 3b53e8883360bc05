// Figures derived from a round's matrix (the grid's cells, where views differ, the analysis) take from one to
// several milliseconds to read and work out, and the coordinator's pages ask for them on every view. They
// are kept here while the round's revision stands still: SQLite triggers raise matrix_round.revision on every
// change to the round's cells, respondents and answers and to the school's tasks and actors (migration 0006),
// so whatever path a write takes, the next read sees a new revision and works the figure out again.
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from './db';
import { preparedFor, viewerValues } from './db/prepared';
import * as mx from './db/schema-matrix';
import { schoolScope } from './access';
import type { Viewer } from './auth/viewer';

const MAX_ENTRIES = 300;

// Per database: the tests open a fresh one per test, with the same round ids.
const caches = new WeakMap<object, Map<string, { revision: number; value: unknown }>>();

/**
 * The figure `name` of a round in the viewer's school: kept, or worked out by `compute` and kept. Undefined
 * when the round is not the school's. The caller checks the viewer's permission first; the value is shared
 * by every viewer of the school, so `compute` must not depend on who asks, and nobody may change it.
 */
export function keptForRound<T>(
	viewer: Viewer,
	roundId: number,
	name: string,
	compute: () => T
): T | undefined {
	const db = getDb();
	const r = mx.matrixRound;
	// Read before the figure: computing may then see newer data than this revision, never older data.
	const revision = preparedFor(db, 'matrix.revision', viewer, (v) =>
		db
			.select({ n: r.revision })
			.from(r)
			.where(and(eq(r.id, sql.placeholder('roundId')), schoolScope(v, r.schoolId)))
			.prepare()
	).get({ ...viewerValues(viewer), roundId })?.n;
	if (revision === undefined) return undefined;
	let cache = caches.get(db);
	if (!cache) caches.set(db, (cache = new Map()));
	const key = `${name}:${roundId}`;
	const hit = cache.get(key);
	if (hit?.revision === revision) return hit.value as T;
	const value = compute();
	cache.delete(key);
	cache.set(key, { revision, value });
	// A Map iterates in insertion order: the first key is the one worked out longest ago.
	if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
	return value;
}
