import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase } from '../db';
import { restoreDatabase, RestoreRefused } from './restore';
import { acquireRunLock, runLockPath, runningApp } from './run-lock';

let dir: string;
let child: ChildProcess | undefined;

function makeDb(path: string, schoolName: string): void {
	const db = openDatabase(path);
	migrateDatabase(db);
	db.$client.prepare('insert into school (name) values (?)').run(schoolName);
	db.$client.close();
}

function schools(path: string): string[] {
	const db = new Database(path, { readonly: true });
	try {
		return (db.prepare('select name from school').all() as { name: string }[]).map((r) => r.name);
	} finally {
		db.close();
	}
}

function reason(fn: () => unknown): string {
	try {
		fn();
		return 'restored';
	} catch (err) {
		if (err instanceof RestoreRefused) return err.reason;
		throw err;
	}
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-restore-'));
});
afterEach(() => {
	child?.kill('SIGKILL');
	child = undefined;
	rmSync(dir, { recursive: true, force: true });
});

describe('restoring a backup', () => {
	it('puts the backup in place and keeps the previous database aside, write-ahead log included', () => {
		const live = join(dir, 'koers.db');
		const backup = join(dir, 'backup.db');
		makeDb(backup, 'Uit de backup');
		makeDb(live, 'Van vandaag');
		// A write still in the WAL when the app stopped must be in the copy moved aside.
		const db = new Database(live);
		db.pragma('journal_mode = WAL');
		db.pragma('wal_autocheckpoint = 0');
		db.prepare('insert into school (name) values (?)').run('Laatste schrijfactie');
		const moved = restoreDatabase(live, backup);
		db.close();
		expect(schools(live)).toEqual(['Uit de backup']);
		expect(moved && schools(moved)).toEqual(['Van vandaag', 'Laatste schrijfactie']);
	});

	it('refuses while Koers runs on the database', () => {
		const live = join(dir, 'koers.db');
		const backup = join(dir, 'backup.db');
		makeDb(backup, 'Uit de backup');
		makeDb(live, 'Van vandaag');
		// A live process holds the lock (this test process stands in for the app).
		child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
		writeFileSync(runLockPath(live), JSON.stringify({ pid: child.pid, startedAt: new Date().toISOString() }));
		expect(runningApp(live)?.pid).toBe(child.pid);
		expect(reason(() => restoreDatabase(live, backup))).toBe('running');
		expect(schools(live)).toEqual(['Van vandaag']);
		// Once that process is gone, the lock it left behind no longer counts.
		child.kill('SIGKILL');
		return new Promise<void>((done) =>
			child!.once('exit', () => {
				expect(runningApp(live)).toBeUndefined();
				expect(reason(() => restoreDatabase(live, backup))).toBe('restored');
				done();
			})
		);
	});

	it('marks the database as in use by this process', () => {
		const live = join(dir, 'koers.db');
		acquireRunLock(live);
		expect(runningApp(live)?.pid).toBe(process.pid);
		rmSync(runLockPath(live));
	});

	it('refuses a file that is not a Koers backup, or is missing, and changes nothing', () => {
		const live = join(dir, 'koers.db');
		makeDb(live, 'Van vandaag');
		writeFileSync(join(dir, 'notes.txt'), 'geen database');
		const other = new Database(join(dir, 'other.db'));
		other.exec('create table x (y)');
		other.close();
		expect(reason(() => restoreDatabase(live, join(dir, 'notes.txt')))).toBe('not_backup');
		expect(reason(() => restoreDatabase(live, join(dir, 'other.db')))).toBe('not_backup');
		expect(reason(() => restoreDatabase(live, join(dir, 'nope.db')))).toBe('missing');
		expect(reason(() => restoreDatabase(live, live))).toBe('same_file');
		expect(schools(live)).toEqual(['Van vandaag']);
		expect(readdirSync(dir).some((f) => f.includes('before-restore'))).toBe(false);
		expect(existsSync(live)).toBe(true);
	});
});
