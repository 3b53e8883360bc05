// Putting a backup back (npm run koers -- restore <file>). Never into a running app: that process keeps
// its own view of the file and would overwrite or corrupt it. Never losing what is there: the current
// database is checkpointed and moved aside, not overwritten.
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { runningApp } from './run-lock';

export type RestoreProblem = 'running' | 'missing' | 'not_backup' | 'damaged' | 'same_file';

export class RestoreRefused extends Error {
	constructor(
		readonly reason: RestoreProblem,
		message: string
	) {
		super(message);
	}
}

function checkBackup(file: string): void {
	if (!existsSync(file)) throw new RestoreRefused('missing', `${file} does not exist`);
	let db: Database.Database | undefined;
	try {
		db = new Database(file, { readonly: true, fileMustExist: true });
		const tables = db
			.prepare(
				`select name from sqlite_master where type = 'table' and name in ('__drizzle_migrations', 'user', 'school')`
			)
			.all() as { name: string }[];
		if (tables.length !== 3) throw new RestoreRefused('not_backup', `${file} is not a Koers database`);
		const check = db.pragma('integrity_check', { simple: true });
		if (check !== 'ok') throw new RestoreRefused('damaged', `${file} is damaged: ${String(check)}`);
	} catch (err) {
		if (err instanceof RestoreRefused) throw err;
		throw new RestoreRefused('not_backup', `${file} is not a Koers database (${(err as Error).message})`);
	} finally {
		db?.close();
	}
}

/** Restores the backup over the database; returns where the previous database was moved, if there was one. */
export function restoreDatabase(
	databasePath: string,
	backupFile: string,
	now = new Date()
): string | undefined {
	const target = resolve(databasePath);
	if (resolve(backupFile) === target)
		throw new RestoreRefused('same_file', 'the backup is the database itself');
	const running = runningApp(target);
	if (running)
		throw new RestoreRefused(
			'running',
			`Koers is running on this database (process ${running.pid}, since ${running.startedAt}). Stop it first, then restore.`
		);
	checkBackup(backupFile);
	let movedTo: string | undefined;
	if (existsSync(target)) {
		// Fold the write-ahead log into the file first, so the copy moved aside is complete on its own.
		const current = new Database(target, { fileMustExist: true });
		current.pragma('wal_checkpoint(TRUNCATE)');
		current.close();
		movedTo = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, movedTo);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
	const partial = `${target}.restoring`;
	copyFileSync(backupFile, partial);
	renameSync(partial, target);
	return movedTo;
}
