import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import * as core from './schema';
import * as portfolio from './schema-portfolio';
import * as matrix from './schema-matrix';
import * as dialog from './schema-dialog';
import * as parents from './schema-parents';
import * as programme from './schema-programme';
import * as dossier from './schema-dossier';
import { instrumentClient } from './timing';
import { cacheStatements } from './statement-cache';

const schema = { ...core, ...portfolio, ...matrix, ...dialog, ...parents, ...programme, ...dossier };

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const MIGRATIONS = resolve(process.env.MIGRATIONS_PATH ?? 'drizzle');

export function openDatabase(path: string): Db {
	if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
	const client = new Database(path);
	client.pragma('journal_mode = WAL');
	// FULL, not NORMAL. A killed process loses nothing in WAL mode either way (the OS still holds the
	// written pages; the soak suite SIGKILLs the server under load and checks every acknowledged write).
	// A power cut is different: with NORMAL the last commits before it may vanish although the student
	// was told "saved". FULL syncs the WAL on every commit; under the soak load that cost is small next
	// to rendering (SECURITY.md, "Durability").
	client.pragma('synchronous = FULL');
	client.pragma('foreign_keys = ON');
	client.pragma('busy_timeout = 5000');
	// 32 MB of page cache, not SQLite's 2 MB: the upper index levels of a million reflections stay in memory.
	client.pragma('cache_size = -32000');
	// Counts statements and their time per request for the Server-Timing header.
	instrumentClient(client);
	// After the instrumentation, so a statement is wrapped once and its wrapper kept with it.
	cacheStatements(client);
	return drizzle(client, { schema }) as Db;
}

/** One synchronous transaction whose handle is a Db, so the domain functions it calls take either. */
export function inTransaction<T>(db: Db, fn: (tx: Db) => T): T {
	// drizzle types the handle as SQLiteTransaction: the same query builder, only without $client.
	return db.transaction((tx) => fn(tx as unknown as Db));
}

export function migrateDatabase(db: Db): void {
	migrate(db, { migrationsFolder: MIGRATIONS });
}

/**
 * Refreshes the query planner's statistics (sqlite_stat1). Without them SQLite cannot tell that
 * reflection.school_id has one value per school while student_id has fifty rows per value, and picks the
 * school index: the reflection list then reads every reflection of the school. `analysis_limit` keeps this
 * to milliseconds on a million rows. At start-up every table is looked at; later only where it changed.
 */
export function optimizeDatabase(db: Db, atStart = false): void {
	db.$client.pragma('analysis_limit = 10000');
	db.$client.pragma(atStart ? 'optimize = 0x10002' : 'optimize');
}

let instance: Db | undefined;

// Opened on first use, not at import: `vite build` imports server modules to analyse them and must not
// touch the database.
export function getDb(): Db {
	if (!instance) {
		instance = openDatabase(process.env.DATABASE_PATH ?? './data/koers.db');
		// An in-memory database (tests) starts empty, so it is migrated when it is opened.
		if (process.env.DATABASE_PATH === ':memory:') migrateDatabase(instance);
	}
	return instance;
}

export function closeDb(): void {
	instance?.$client.close();
	instance = undefined;
}
