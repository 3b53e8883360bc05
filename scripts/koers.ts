// Operator command line: npm run koers -- <command> [options]
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getDb, migrateDatabase, closeDb } from '../src/lib/server/db';
import { countUsers, createAccount, createSchool, listSchools } from '../src/lib/server/school/schools';
import { DEMO_LOGINS, seedDemo } from '../src/lib/server/demo/seed';
import { countOrphanParents, removeOrphanParents } from '../src/lib/server/parents/retention';
import { applyRetention, listDueForErasure } from '../src/lib/server/privacy/erasure';
import { restoreDatabase, RestoreRefused } from '../src/lib/server/ops/restore';

const HELP = `Koers operator commands

Usage: npm run koers -- <command> [options]

Commands:
  migrate                 Apply pending database migrations.
  prepare                 Migrate, and seed the demo school when the database is empty (used by npm start).
  seed-demo               Add the demo school with its demo accounts (refuses when users exist,
                          unless --force).
  create-school           Create a school with a current school year.
                            --name <name>   (required)   --brin <code>
  create-admin            Create an administrator for a school.
                            --school <id>   --username <name>   --given-name <name>   --family-name <name>
                            The password is read from the KOERS_ADMIN_PASSWORD environment variable.
  list-schools            Print the schools with their ids.
  retention [--apply]     List the students whose retention period after leaving has passed (per school,
                          default 2 years); with --apply, erase them and their files, and remove
                          parent accounts that no student links any more.
  backup <file>           Write a consistent copy of the database to <file> while Koers keeps serving
                          (SQLite online backup). Refuses to overwrite an existing file.
  restore <file>          Put a backup back. Refuses while Koers runs on the database (stop it first)
                          and when <file> is not a sound Koers database; the current database is moved
                          aside as koers.db.before-restore-<time>, never overwritten.
  help, --help            Show this help.

Environment: DATABASE_PATH (default ./data/koers.db).
`;

function printLogins(): void {
	console.log('\nDemo logins (demo schools "Demo College Koers" and "Vakcollege Rijnmond"):');
	for (const l of DEMO_LOGINS) {
		console.log(`  ${l.role.padEnd(12)} ${l.username.padEnd(16)} ${l.password.padEnd(15)} ${l.note}`);
	}
	console.log('');
}

function fail(message: string): never {
	console.error(`koers: ${message}\nRun "npm run koers -- --help" for usage.`);
	process.exit(2);
}

async function main(argv: string[]): Promise<void> {
	const { positionals, values } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			help: { type: 'boolean', short: 'h' },
			force: { type: 'boolean' },
			apply: { type: 'boolean' },
			name: { type: 'string' },
			brin: { type: 'string' },
			school: { type: 'string' },
			username: { type: 'string' },
			'given-name': { type: 'string' },
			'family-name': { type: 'string' }
		}
	});
	const command = positionals[0];
	if (!command || values.help || command === 'help') {
		console.log(HELP);
		return;
	}
	if (command === 'restore') {
		const source = positionals[1];
		if (!source) fail('name the backup file: restore <file>');
		try {
			const moved = restoreDatabase(process.env.DATABASE_PATH ?? './data/koers.db', source);
			if (moved) console.log(`The previous database was moved to ${moved}.`);
			console.log(`Restored ${source}. Start Koers again; pending migrations run at start.`);
		} catch (err) {
			if (err instanceof RestoreRefused) fail(err.message);
			throw err;
		}
		return;
	}
	const db = getDb();
	switch (command) {
		case 'migrate':
			migrateDatabase(db);
			console.log('Database migrated.');
			return;
		case 'prepare':
			migrateDatabase(db);
			if (countUsers(db) === 0) {
				await seedDemo(db);
				console.log('Empty database: the demo school was added.');
			}
			if (listSchools(db).some((s) => s.brin === '99XX')) printLogins();
			return;
		case 'seed-demo':
			migrateDatabase(db);
			if (countUsers(db) > 0 && !values.force)
				fail('the database already has users; add --force to seed anyway');
			await seedDemo(db);
			printLogins();
			return;
		case 'create-school': {
			if (!values.name) fail('--name is required');
			migrateDatabase(db);
			const { schoolId } = createSchool({ name: values.name, brin: values.brin ?? null }, db);
			console.log(`School created with id ${schoolId}.`);
			return;
		}
		case 'create-admin': {
			const schoolId = Number(values.school);
			const password = process.env.KOERS_ADMIN_PASSWORD ?? '';
			if (!Number.isInteger(schoolId) || schoolId <= 0) fail('--school <id> is required');
			if (!values.username || !values['given-name'] || !values['family-name'])
				fail('--username, --given-name and --family-name are required');
			if (password.length < 10) fail('set KOERS_ADMIN_PASSWORD to a password of at least 10 characters');
			migrateDatabase(db);
			if (!listSchools(db).some((s) => s.id === schoolId)) fail(`no school with id ${schoolId}`);
			const id = await createAccount(
				{
					schoolId,
					username: values.username,
					givenName: values['given-name'],
					familyName: values['family-name'],
					roles: ['admin'],
					password
				},
				db
			);
			console.log(`Administrator created with id ${id}.`);
			return;
		}
		case 'backup': {
			const target = positionals[1];
			if (!target) fail('name the backup file: backup <file>');
			if (existsSync(target)) fail(`${target} exists already; choose a new file name`);
			mkdirSync(dirname(resolve(target)), { recursive: true });
			const partial = `${target}.partial`;
			await db.$client.backup(partial);
			renameSync(partial, target);
			console.log(`Backup written to ${target}.`);
			return;
		}
		case 'retention': {
			migrateDatabase(db);
			const due = listDueForErasure();
			const orphans = countOrphanParents();
			if (!due.length && !orphans) {
				console.log('Nothing is due for erasure.');
				return;
			}
			for (const d of due)
				console.log(
					`${d.schoolName}\tleerlingnummer ${d.studentNumber ?? '?'}\tleft ${d.leftAt.toISOString().slice(0, 10)}`
				);
			if (orphans) console.log(`${orphans} parent accounts have no linked student left.`);
			if (values.apply) {
				console.log(`Erased ${applyRetention()} students.`);
				console.log(`Removed ${removeOrphanParents()} parent accounts.`);
			} else console.log(`${due.length} students are due. Run again with --apply to erase them.`);
			return;
		}
		case 'list-schools':
			for (const s of listSchools(db)) console.log(`${s.id}\t${s.brin ?? ''}\t${s.name}`);
			return;
		default:
			fail(`unknown command "${command}"`);
	}
}

main(process.argv.slice(2))
	.catch((err: unknown) => {
		console.error(`koers: ${err instanceof Error ? err.message : String(err)}`);
		process.exitCode = 1;
	})
	.finally(() => closeDb());
