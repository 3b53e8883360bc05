// "Is Koers running on this database?" A running app writes <database>.running with its process id; the
// restore command refuses while that process lives. A lock left behind by a crash (or a kill) names a
// process that is gone and is ignored.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface RunLock {
	pid: number;
	startedAt: string;
}

export function runLockPath(databasePath: string): string {
	return `${resolve(databasePath)}.running`;
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (err) {
		// EPERM: the process exists but belongs to someone else; still running.
		return (err as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** Marks the database as in use by this process until it exits. */
export function acquireRunLock(databasePath: string): void {
	if (databasePath === ':memory:') return;
	const path = runLockPath(databasePath);
	const lock: RunLock = { pid: process.pid, startedAt: new Date().toISOString() };
	writeFileSync(path, JSON.stringify(lock));
	process.once('exit', () => {
		// Only our own lock: another process may have started on the same file since.
		if (runningApp(databasePath)?.pid === process.pid) rmSync(path, { force: true });
	});
}

/** The live process using this database, if any. */
export function runningApp(databasePath: string): RunLock | undefined {
	let lock: RunLock;
	try {
		lock = JSON.parse(readFileSync(runLockPath(databasePath), 'utf8')) as RunLock;
	} catch {
		return undefined;
	}
	return Number.isInteger(lock.pid) && lock.pid > 0 && alive(lock.pid) ? lock : undefined;
}
