// Group commit: writes that arrive while the event loop is busy share one transaction, and so one fsync.
// With synchronous=FULL every commit waits for the disk (a few ms); fifty students autosaving at once would
// otherwise queue fifty fsyncs one after the other. Each write still runs in its own savepoint, so one that
// throws is undone alone, and every caller hears back only after the shared commit is on disk.
import type Database from 'better-sqlite3';

interface Job {
	run: () => unknown;
	resolve: (value: unknown) => void;
	reject: (reason: unknown) => void;
}

interface Client {
	$client: Database.Database;
}

const queues = new WeakMap<Database.Database, Job[]>();

function flush(client: Database.Database): void {
	const jobs = queues.get(client) ?? [];
	queues.delete(client);
	const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
	try {
		client
			.transaction(() => {
				for (const job of jobs) {
					try {
						// Inside a transaction better-sqlite3 makes this a savepoint.
						outcomes.push({ ok: true, value: client.transaction(job.run)() });
					} catch (error) {
						outcomes.push({ ok: false, error });
					}
				}
			})
			.immediate();
	} catch (error) {
		for (const job of jobs) job.reject(error);
		return;
	}
	jobs.forEach((job, i) => {
		const outcome = outcomes[i];
		if (outcome.ok) job.resolve(outcome.value);
		else job.reject(outcome.error);
	});
}

/** Runs `run` (synchronous database work) in the next shared commit; resolves once that commit is done. */
export function groupCommit<T>(db: Client, run: () => T): Promise<T> {
	const client = db.$client;
	return new Promise<T>((resolve, reject) => {
		let jobs = queues.get(client);
		if (!jobs) {
			jobs = [];
			queues.set(client, jobs);
			// After the I/O phase: every request whose body arrived in this turn of the loop joins in.
			setImmediate(() => flush(client));
		}
		jobs.push({ run, resolve: resolve as (value: unknown) => void, reject });
	});
}
