// The actors of the authorization matrix and the rows they probe, resolved from (and where the demo seed
// has none, added to) the e2e database. Everything added carries the title/name FIXTURE, so a rerun on the
// same database finds it again instead of adding a second copy.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';

const PORT = process.env.E2E_PORT ?? 4173;
export const DB_PATH = `./data/e2e-${PORT}.db`;
const UPLOADS = `./data/e2e-uploads-${PORT}`;
const FIXTURE = 'authz-fixture';
// 32 base32 characters, like the tokens the app makes.
const FEED_TOKEN = 'authzfixturefeedtokenaaaaaaaaaaa';
// Student A's dossier share link (issue 19), stored as the app stores it: only its hash.
const SHARE_TOKEN = 'authzfixturesharetokenaaaaaaaaaa';

export const ACTORS = [
	'anonymous',
	'studentA',
	'studentB',
	'mentorA',
	'mentorOther',
	'coordinator',
	'admin',
	'adminOther',
	'staff',
	'parent',
	'adminMentor',
	'mentorCoordinator',
	'staffMentor'
] as const;
export type Actor = (typeof ACTORS)[number];

/**
 * The actors with several roles, each made of single-role actors: a FIXTURE user with all their roles,
 * their groups and their matrix invitations. Each must get the union of what those actors get, never more
 * (DOMAIN.md §5); authz.test.ts derives their expected outcomes from those actors' rows.
 */
export const COMBINED = {
	adminMentor: ['admin', 'mentorA'],
	mentorCoordinator: ['mentorOther', 'coordinator'],
	staffMentor: ['staff', 'mentorA']
} as const;
export type Combined = keyof typeof COMBINED;
export type Single = Exclude<Actor, 'anonymous' | Combined>;

/** Demo accounts (src/lib/server/demo/seed.ts, demo/second-school.ts). A and B share group 3KB-A. */
export const LOGINS: Record<Exclude<Actor, 'anonymous'>, { username: string; password: string }> = {
	// Not in the list of students tests/e2e/auth.test.ts changes, and not DEMO.student.
	studentA: { username: 'mohamed.yilmaz', password: 'Leerling-2026' },
	studentB: { username: 'lotte.vandenberg', password: 'Leerling-2026' },
	mentorA: { username: 'm.jansen', password: 'Mentor-2026' },
	mentorOther: { username: 'r.elamrani', password: 'Mentor-2026' },
	coordinator: { username: 'l.vandijk', password: 'Decaan-2026' },
	admin: { username: 'beheer', password: 'Beheer-2026' },
	adminOther: { username: 'beheer.rijnmond', password: 'Beheer-2026' },
	staff: { username: 'p.desmet', password: 'Docent-2026' },
	// Sanne's mother (src/lib/server/parents/seed-parents.ts): sees only what Sanne shares "ook thuis".
	parent: { username: 'ingrid.devries', password: 'Ouder-2026' },
	// FIXTURE users (prepareFixtures), with m.jansen's password.
	adminMentor: { username: `${FIXTURE}.admin-mentor`, password: 'Mentor-2026' },
	mentorCoordinator: { username: `${FIXTURE}.mentor-coordinator`, password: 'Mentor-2026' },
	staffMentor: { username: `${FIXTURE}.staff-mentor`, password: 'Mentor-2026' }
};

export interface Ids {
	school: number;
	school2: number;
	/** Students: A and B (3KB-A, mentor m.jansen), Z (ZW2-B, mentor r.elamrani), S2 (the other school). */
	A: number;
	B: number;
	Z: number;
	S2: number;
	mentorA: number;
	staff: number;
	groupA: number;
	groupZ: number;
	group2: number;
	/** A's finished reflection shared with the mentor; A's private draft; B's; Z's; the other school's. */
	reflA: number;
	reflAVersion: number;
	reflAPrivate: number;
	reflB: number;
	reflZ: number;
	refl2: number;
	/** A comment A wrote on reflA; the mentor's comment on another student's reflection (Sanne's). */
	commentA: number;
	commentOther: number;
	attachmentA: number;
	goalA: number;
	goalB: number;
	goal2: number;
	/** A's own conversation with m.jansen; Sanne's (same group, so "another student's"); ZW2-B's; school 2's. */
	convA: number;
	convOther: number;
	convZ: number;
	conv2: number;
	notificationOther: number;
	/** The open round of the demo school and one cell of it; the other school's round, task and actor. */
	round: number;
	closedRound: number;
	task: number;
	actor: number;
	round2: number;
	task2: number;
	actor2: number;
	/** An improvement action of the other school; a staff link to an actor of the other school. */
	action2: number;
	link2: number;
	/** An improvement action of the demo school's open round. */
	action: number;
	/** A respondent of the demo school's open round; one of the other school's round. */
	respondent: number;
	respondent2: number;
	/** A portfolio transfer student A read in (an empty one: the row is what undo works on). */
	transferA: number;
	/** Parents (issue 20): Sanne (the demo parent's child); a reflection she shares at home, one she does not;
	 * the demo mother's link and note; an unused invitation of student A. */
	sanne: number;
	reflHome: number;
	reflSanneHidden: number;
	motherLink: number;
	motherNote: number;
	/** The demo mother's own account (a parent of the demo school). */
	mother: number;
	invitationA: number;
	/** The id (public half of the token) of student A's session, filled in after the logins. */
	sessionA: string;
	/** Programme (issue 18): a 3KB-A activity, a ZW2-B one, the other school's; the school years. */
	activity: number;
	activityZ: number;
	activity2: number;
	year: number;
	year2: number;
	/** Student A's calendar feed token (its hash stored as the app stores it). */
	feedToken: string;
	/** Student A's share link of the whole dossier part, and its token (issue 19). */
	shareA: number;
	shareToken: string;
}

function one(db: Database.Database, sql: string, ...params: unknown[]): number {
	const row = db.prepare(sql).get(...params) as { id: number } | undefined;
	if (!row) throw new Error(`fixture not found: ${sql} ${JSON.stringify(params)}`);
	return row.id;
}

function findOrInsert(db: Database.Database, find: string, insert: string, ...params: unknown[]): number {
	const row = db.prepare(find).get() as { id: number } | undefined;
	if (row) return row.id;
	return Number(db.prepare(insert).run(...params).lastInsertRowid);
}

/**
 * A user for each combined actor: the roles of the actors it combines, and their relations that grant
 * access (mentor of the same groups, invited to the same matrix rounds). Added once; a rerun finds them.
 */
function addCombinedActors(db: Database.Database): void {
	const idOf = (who: Exclude<Actor, 'anonymous'>) =>
		one(db, 'SELECT id FROM user WHERE username = ?', LOGINS[who].username);
	const mentorA = idOf('mentorA');
	for (const [who, parts] of Object.entries(COMBINED) as [Combined, readonly Single[]][]) {
		if (db.prepare('SELECT id FROM user WHERE username = ?').get(LOGINS[who].username)) continue;
		const sources = parts.map(idOf);
		const from = `(${sources.join(', ')})`;
		db.transaction(() => {
			const id = Number(
				db
					.prepare(
						`INSERT INTO user (school_id, username, given_name, family_name, password_hash)
						 SELECT school_id, ?, 'Authz', '${FIXTURE} ${who}', password_hash FROM user WHERE id = ?`
					)
					.run(LOGINS[who].username, mentorA).lastInsertRowid
			);
			db.prepare(
				`INSERT OR IGNORE INTO user_role (user_id, school_id, role)
				 SELECT ?, school_id, role FROM user_role WHERE user_id IN ${from}`
			).run(id);
			db.prepare(
				`INSERT OR IGNORE INTO group_mentor (group_id, mentor_id, school_id)
				 SELECT group_id, ?, school_id FROM group_mentor WHERE mentor_id IN ${from}`
			).run(id);
			db.prepare(
				`INSERT OR IGNORE INTO matrix_respondent (school_id, round_id, user_id)
				 SELECT school_id, round_id, ? FROM matrix_respondent WHERE user_id IN ${from}`
			).run(id);
		})();
	}
}

/** Resolves every id the matrix uses, adding the rows the demo seed lacks. */
export function prepareFixtures(): Ids {
	const db = new Database(DB_PATH);
	db.pragma('busy_timeout = 5000');
	try {
		addCombinedActors(db);
		const user = (name: string) => one(db, 'SELECT id FROM user WHERE username = ?', name);
		const group = (name: string) => one(db, 'SELECT id FROM "group" WHERE name = ?', name);
		const school = one(db, 'SELECT school_id AS id FROM user WHERE username = ?', 'beheer');
		const school2 = one(db, 'SELECT school_id AS id FROM user WHERE username = ?', 'beheer.rijnmond');
		const A = user(LOGINS.studentA.username);
		const B = user(LOGINS.studentB.username);
		const Z = user('daan.bakker');
		// A student of the other school no other test signs in as (transfer.test.ts uses s.devries, i.amrani).
		const S2 = user('t.bosman');
		const mentorA = user('m.jansen');
		const mentor2 = user('k.smit');
		const sanne = user('sanne.devries');
		const refl = (student: number, where: string) =>
			one(
				db,
				`SELECT id FROM reflection WHERE student_id = ? AND deleted_at IS NULL AND ${where} ORDER BY id LIMIT 1`,
				student
			);
		const reflA = refl(A, "visibility = 'mentor' AND finished_at IS NOT NULL");
		const refl2 = findOrInsert(
			db,
			`SELECT id FROM reflection WHERE title = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO reflection (school_id, student_id, activity_type, title, doel, visibility, finished_at)
			 VALUES (?, ?, 'stage', '${FIXTURE}', 'geheim', 'mentor', ?)`,
			school2,
			S2,
			Date.now()
		);
		const commentA = findOrInsert(
			db,
			`SELECT id FROM comment WHERE body = '${FIXTURE}' AND author_id = ${A}`,
			`INSERT INTO comment (school_id, reflection_id, author_id, body) VALUES (?, ?, ?, '${FIXTURE}')`,
			school,
			reflA,
			A
		);
		const storageKey = `${FIXTURE}-a`;
		mkdirSync(UPLOADS, { recursive: true });
		writeFileSync(join(UPLOADS, storageKey), '%PDF-1.4\n%authz\n');
		const attachmentA = findOrInsert(
			db,
			`SELECT id FROM attachment WHERE storage_key = '${storageKey}'`,
			`INSERT INTO attachment (school_id, student_id, reflection_id, file_name, mime_type, size, storage_key)
			 VALUES (?, ?, ?, 'bewijs.pdf', 'application/pdf', 16, ?)`,
			school,
			A,
			reflA,
			storageKey
		);
		const goal2 = findOrInsert(
			db,
			`SELECT id FROM goal WHERE title = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO goal (school_id, student_id, title) VALUES (?, ?, '${FIXTURE}')`,
			school2,
			S2
		);
		const convA = findOrInsert(
			db,
			`SELECT id FROM conversation WHERE summary = '${FIXTURE}' AND student_id = ${A}`,
			`INSERT INTO conversation (school_id, student_id, mentor_id, planned_at, summary) VALUES (?, ?, ?, '2027-03-01', '${FIXTURE}')`,
			school,
			A,
			mentorA
		);
		const conv2 = findOrInsert(
			db,
			`SELECT id FROM conversation WHERE summary = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO conversation (school_id, student_id, mentor_id, planned_at, summary) VALUES (?, ?, ?, '2027-03-01', '${FIXTURE}')`,
			school2,
			S2,
			mentor2
		);
		const round2 = findOrInsert(
			db,
			`SELECT id FROM matrix_round WHERE name = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO matrix_round (school_id, name, status) VALUES (?, '${FIXTURE}', 'open')`,
			school2
		);
		const task2 = findOrInsert(
			db,
			`SELECT id FROM matrix_task WHERE name = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO matrix_task (school_id, kind, name) VALUES (?, 'begeleidend', '${FIXTURE}')`,
			school2
		);
		const actor2 = findOrInsert(
			db,
			`SELECT id FROM matrix_actor WHERE name = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO matrix_actor (school_id, name) VALUES (?, '${FIXTURE}')`,
			school2
		);
		const action2 = findOrInsert(
			db,
			`SELECT id FROM matrix_action WHERE title = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO matrix_action (school_id, round_id, task_id, title) VALUES (?, ?, ?, '${FIXTURE}')`,
			school2,
			round2,
			task2
		);
		const link2 = findOrInsert(
			db,
			`SELECT id FROM matrix_actor_user WHERE actor_id = ${actor2}`,
			`INSERT INTO matrix_actor_user (school_id, actor_id, user_id) VALUES (?, ?, ?)`,
			school2,
			actor2,
			mentor2
		);
		const round = one(
			db,
			`SELECT id FROM matrix_round WHERE school_id = ? AND status = 'open' ORDER BY id LIMIT 1`,
			school
		);
		const respondent2 = findOrInsert(
			db,
			`SELECT id FROM matrix_respondent WHERE round_id = ${round2} AND user_id = ${mentor2}`,
			`INSERT INTO matrix_respondent (school_id, round_id, user_id) VALUES (?, ?, ?)`,
			school2,
			round2,
			mentor2
		);
		const transferA = findOrInsert(
			db,
			`SELECT id FROM transfer WHERE content_hash = '${FIXTURE}' AND student_id = ${A}`,
			`INSERT INTO transfer (school_id, student_id, from_school, exported_at, content_hash, reflections, goals, ratings, files)
			 VALUES (?, ?, '${FIXTURE}', ?, '${FIXTURE}', 0, 0, 0, 0)`,
			school,
			A,
			Date.now()
		);
		const invitationA = findOrInsert(
			db,
			`SELECT id FROM parent_invitation WHERE code_hash = '${FIXTURE}'`,
			`INSERT INTO parent_invitation (school_id, student_id, code_hash, expires_at) VALUES (?, ?, '${FIXTURE}', ?)`,
			school,
			A,
			Date.now() + 7 * 86_400_000
		);
		const year = one(db, 'SELECT id FROM school_year WHERE school_id = ? AND is_current = 1', school);
		const year2 = one(db, 'SELECT id FROM school_year WHERE school_id = ? ORDER BY id LIMIT 1', school2);
		const activity2 = findOrInsert(
			db,
			`SELECT id FROM activity WHERE title = '${FIXTURE}' AND school_id = ${school2}`,
			`INSERT INTO activity (school_id, school_year_id, type, title, date, audience) VALUES (?, ?, 'gastles', '${FIXTURE}', '2027-02-01', 'school')`,
			school2,
			year2
		);
		db.prepare(
			'INSERT INTO calendar_feed (user_id, school_id, token_hash) VALUES (?, ?, ?) ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash'
		).run(A, school, createHash('sha256').update(FEED_TOKEN).digest());
		const shareA = findOrInsert(
			db,
			`SELECT id FROM dossier_share WHERE recipient = '${FIXTURE}' AND student_id = ${A}`,
			`INSERT INTO dossier_share (school_id, student_id, token_hash, part, recipient, expires_on)
			 VALUES (?, ?, ?, 'all', '${FIXTURE}', '2099-12-31')`,
			school,
			A,
			createHash('sha256').update(SHARE_TOKEN).digest()
		);
		return {
			shareA,
			shareToken: SHARE_TOKEN,
			sanne,
			reflHome: one(
				db,
				'SELECT r.id FROM reflection r JOIN reflection_home_share h ON h.reflection_id = r.id WHERE r.student_id = ? ORDER BY r.id LIMIT 1',
				sanne
			),
			reflSanneHidden: refl(sanne, "visibility = 'private'"),
			motherLink: one(db, 'SELECT id FROM parent_link WHERE student_id = ? AND revoked_at IS NULL', sanne),
			motherNote: one(db, 'SELECT id FROM parent_note WHERE student_id = ?', sanne),
			mother: one(db, `SELECT id FROM user WHERE username = 'ingrid.devries'`),
			invitationA,
			activity: one(
				db,
				`SELECT id FROM activity WHERE school_id = ? AND title = 'Beroepenmarkt Regio Rivierenland'`,
				school
			),
			activityZ: one(
				db,
				`SELECT id FROM activity WHERE school_id = ? AND title = 'Start BPV-periode 1'`,
				school
			),
			activity2,
			year,
			year2,
			feedToken: FEED_TOKEN,
			school,
			school2,
			A,
			B,
			Z,
			S2,
			mentorA,
			staff: user(LOGINS.staff.username),
			groupA: group('3KB-A'),
			groupZ: group('ZW2-B'),
			group2: one(db, 'SELECT id FROM "group" WHERE school_id = ? ORDER BY id LIMIT 1', school2),
			reflA,
			reflAVersion: one(db, 'SELECT version AS id FROM reflection WHERE id = ?', reflA),
			reflAPrivate: refl(A, "visibility = 'private'"),
			reflB: refl(B, 'finished_at IS NOT NULL'),
			reflZ: refl(Z, "visibility = 'mentor' AND finished_at IS NOT NULL"),
			refl2,
			commentA,
			commentOther: one(
				db,
				'SELECT c.id FROM comment c JOIN reflection r ON r.id = c.reflection_id WHERE r.student_id = ? AND c.author_id = ? ORDER BY c.id LIMIT 1',
				sanne,
				mentorA
			),
			attachmentA,
			goalA: one(db, 'SELECT id FROM goal WHERE student_id = ? ORDER BY id LIMIT 1', A),
			goalB: one(db, 'SELECT id FROM goal WHERE student_id = ? ORDER BY id LIMIT 1', B),
			goal2,
			convA,
			convOther: one(
				db,
				`SELECT id FROM conversation WHERE student_id = ? AND status = 'planned' ORDER BY id LIMIT 1`,
				sanne
			),
			convZ: one(db, 'SELECT id FROM conversation WHERE group_id = ? ORDER BY id LIMIT 1', group('ZW2-B')),
			conv2,
			notificationOther: one(db, 'SELECT id FROM notification WHERE user_id = ? ORDER BY id LIMIT 1', sanne),
			round,
			closedRound: one(
				db,
				`SELECT id FROM matrix_round WHERE school_id = ? AND status = 'closed' ORDER BY id LIMIT 1`,
				school
			),
			// The last task and actor: the matrix feature tests work on the first ones.
			task: one(
				db,
				'SELECT id FROM matrix_task WHERE school_id = ? AND archived_at IS NULL ORDER BY id DESC LIMIT 1',
				school
			),
			actor: one(
				db,
				'SELECT id FROM matrix_actor WHERE school_id = ? AND archived_at IS NULL ORDER BY id DESC LIMIT 1',
				school
			),
			round2,
			task2,
			actor2,
			action2,
			link2,
			sessionA: '',
			transferA,
			action: one(db, 'SELECT id FROM matrix_action WHERE round_id = ? ORDER BY id DESC LIMIT 1', round),
			respondent: one(db, 'SELECT id FROM matrix_respondent WHERE round_id = ? ORDER BY id LIMIT 1', round),
			respondent2
		};
	} finally {
		db.close();
	}
}

/** The newest session of a user: the one the matrix just signed in with. */
export function newestSession(userId: number): string {
	const db = new Database(DB_PATH, { readonly: true });
	try {
		const row = db
			.prepare('SELECT id FROM session WHERE user_id = ? ORDER BY created_at DESC LIMIT 1')
			.get(userId) as { id: string };
		return row.id;
	} finally {
		db.close();
	}
}

let reader: Database.Database | undefined;

/** The rows a query returns, as one string: equal before and after a refused request, or it changed data. */
export function snapshot(sql: string, ...params: unknown[]): string {
	reader ??= new Database(DB_PATH, { readonly: true });
	return JSON.stringify(reader.prepare(sql).all(...params));
}

export function closeSnapshots(): void {
	reader?.close();
	reader = undefined;
}
