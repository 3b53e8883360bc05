import { afterEach, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { openDatabase, type Db } from './index';

const DROPPED = ['revision', 'members_revision', 'portfolio_revision'];

let folder = '';
afterEach(() => {
	if (folder) rmSync(folder, { recursive: true, force: true });
	folder = '';
});

/** The migrations folder as it was up to (and with) migration `last`. */
function migrationsUpTo(last: number): string {
	folder = mkdtempSync(join(tmpdir(), 'koers-migrations-'));
	cpSync('drizzle', folder, { recursive: true });
	const journalPath = join(folder, 'meta/_journal.json');
	const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { idx: number }[] };
	journal.entries = journal.entries.filter((e) => e.idx <= last);
	writeFileSync(journalPath, JSON.stringify(journal));
	return folder;
}

/** Every row of every table, without the columns 0010 drops. */
function snapshot(db: Db) {
	const client = db.$client;
	const tables = client
		.prepare(
			`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations' order by name`
		)
		.pluck()
		.all() as string[];
	return Object.fromEntries(
		tables.map((name) => {
			const columns = (client.prepare(`pragma table_info("${name}")`).all() as { name: string }[])
				.map((c) => `"${c.name}"`)
				.filter((c) => !DROPPED.includes(c.slice(1, -1)));
			return [name, client.prepare(`select ${columns.join(', ')} from "${name}" order by rowid`).all()];
		})
	);
}

const triggers = (db: Db) =>
	db.$client.prepare(`select name from sqlite_master where type = 'trigger' order by name`).pluck().all();

/**
 * One row in every table of the schema as it was at 0009 (ids 1, required columns filled), written with the
 * migrations of then: today's seed writes tables that did not exist yet.
 */
function fillEveryTable(db: Db): void {
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	const tables = client
		.prepare(
			`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name <> '__drizzle_migrations'`
		)
		.pluck()
		.all() as string[];
	for (const name of tables) {
		const columns = client.prepare(`pragma table_info("${name}")`).all() as {
			name: string;
			type: string;
			notnull: number;
			dflt_value: string | null;
			pk: number;
		}[];
		const filled = columns.filter((c) => c.pk || (c.notnull && c.dflt_value === null));
		const values = filled.map((c) => (/INT|REAL|NUM/i.test(c.type) ? 1 : 'x'));
		const sql = `insert into "${name}" (${filled.map((c) => `"${c.name}"`).join(', ')}) values (${filled.map(() => '?').join(', ')})`;
		// A CHECK on an enum column may refuse 'x': that table then keeps no row, the others still count.
		try {
			client.prepare(sql).run(...values);
		} catch {
			continue;
		}
	}
	client.pragma('foreign_keys = ON');
}

it('0010 drops the cache triggers and revision columns of a database with data and keeps every row', () => {
	const db = openDatabase(':memory:');
	migrate(db, { migrationsFolder: migrationsUpTo(9) });
	fillEveryTable(db);
	const before = snapshot(db);
	const foreignKeysBefore = db.$client.pragma('foreign_key_check');
	expect(Object.values(before).flat().length).toBeGreaterThan(25);
	expect(triggers(db)).toHaveLength(37);

	migrate(db, { migrationsFolder: migrationsUpTo(10) });

	expect(snapshot(db)).toEqual(before);
	// The thread state of 0005 is real data: its triggers stay, and keep working.
	expect(triggers(db)).toEqual(['comment_thread_delete', 'comment_thread_insert', 'comment_thread_update']);
	const columns = db.$client
		.prepare(
			`select m.name || '.' || p.name from sqlite_master m join pragma_table_info(m.name) p where m.type = 'table'`
		)
		.pluck()
		.all() as string[];
	expect(columns.filter((c) => DROPPED.some((d) => c.endsWith(`.${d}`)))).toEqual([]);
	expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
	expect(db.$client.pragma('foreign_key_check')).toEqual(foreignKeysBefore);
	db.$client.close();
});

it('0015 keeps every row and makes each closed round of the LOB-task matrix a snapshot of its lists', () => {
	const db = openDatabase(':memory:');
	migrate(db, { migrationsFolder: migrationsUpTo(14) });
	fillEveryTable(db);
	const client = db.$client;
	// A second task (archived, used by the round) and a third (archived, unused); round 1 closed, round 2 open.
	client.exec(`
		update matrix_round set status = 'closed' where id = 1;
		update matrix_task set name = 'Gesprekken', kind = 'begeleidend', position = 2 where id = 1;
		update matrix_actor set name = 'Mentor' where id = 1;
		insert into matrix_task (id, school_id, kind, name, position, archived_at) values (2, 1, 'management', 'Oud', 1, 1);
		insert into matrix_task (id, school_id, kind, name, position, archived_at) values (3, 1, 'management', 'Weg', 3, 1);
		insert into matrix_round (id, school_id, name, status) values (2, 1, 'Open ronde', 'open');
		insert into matrix_cell (school_id, round_id, task_id, actor_id, part) values (1, 1, 2, 1, 'uitvoerend');
	`);
	const before = snapshot(db);
	migrate(db, { migrationsFolder: migrationsUpTo(15) });
	const after = snapshot(db);
	// Every row of every table that was there stays, with the columns it had.
	for (const [name, rows] of Object.entries(before)) {
		const columns = Object.keys((rows as Record<string, unknown>[])[0] ?? {});
		const kept = (after[name] as Record<string, unknown>[]).map((r) =>
			Object.fromEntries(columns.map((c) => [c, r[c]]))
		);
		expect(kept, name).toEqual(rows);
	}
	const rows = (sql: string) => client.prepare(sql).all();
	// In the order the app shows them: by kind first.
	expect(rows('select round_id, task_id, kind, name from matrix_round_task order by position')).toEqual([
		{ round_id: 1, task_id: 1, kind: 'begeleidend', name: 'Gesprekken' },
		{ round_id: 1, task_id: 2, kind: 'management', name: 'Oud' }
	]);
	expect(rows('select round_id, actor_id, name from matrix_round_actor')).toEqual([
		{ round_id: 1, actor_id: 1, name: 'Mentor' }
	]);
	expect(db.$client.pragma('integrity_check', { simple: true })).toBe('ok');
	db.$client.close();
});

it('0016 tells the old conversation notifications apart: planned, or the summary put ready', () => {
	const db = openDatabase(':memory:');
	migrate(db, { migrationsFolder: migrationsUpTo(15) });
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	client.exec(`insert into conversation (id, school_id, student_id, planned_at, status, held_at)
		values (1, 1, 1, '2026-10-15', 'held', 2000), (2, 1, 1, '2027-01-12', 'planned', null)`);
	client.exec(`insert into notification (id, school_id, user_id, kind, conversation_id, created_at) values
		(1, 1, 1, 'conversation', 1, 1000), (2, 1, 1, 'conversation', 1, 2000), (3, 1, 1, 'conversation', 2, 3000),
		(4, 1, 1, 'feedback', null, 3000)`);
	migrate(db, { migrationsFolder: migrationsUpTo(16) });
	expect(client.prepare('select kind from notification order by id').pluck().all()).toEqual([
		'conversationPlanned',
		'conversationRecorded',
		'conversationPlanned',
		'feedback'
	]);
	client.close();
});

it('0020 opens a history row for every group place there is, from its school year’s start', () => {
	const db = openDatabase(':memory:');
	migrate(db, { migrationsFolder: migrationsUpTo(19) });
	const client = db.$client;
	client.pragma('foreign_keys = OFF');
	client.exec(`insert into school_year (id, school_id, name, starts_on, ends_on) values (1, 1, '2026-2027', '2026-08-01', '2027-07-31');
		insert into "group" (id, school_id, school_year_id, name) values (1, 1, 1, '3KB-A');
		insert into group_student (group_id, student_id, school_id) values (1, 7, 1), (1, 8, 1);
		insert into group_mentor (group_id, mentor_id, school_id) values (1, 9, 1);`);
	migrate(db, { migrationsFolder: migrationsUpTo(20) });
	const since = Date.parse('2026-08-01T00:00:00Z');
	expect(
		client.prepare('select user_id, kind, from_at, until_at from group_membership order by user_id').all()
	).toEqual([
		{ user_id: 7, kind: 'student', from_at: since, until_at: null },
		{ user_id: 8, kind: 'student', from_at: since, until_at: null },
		{ user_id: 9, kind: 'mentor', from_at: since, until_at: null }
	]);
	client.close();
});
