// Shared pieces of the soak suites (durability and load): a fresh database with enough writers, the
// production server as a child process we can SIGKILL, logins, and small HTTP helpers. Plain ESM so it
// runs with `node` against the built app, without vite or tsx in the measured process.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import http from 'node:http';
import Database from 'better-sqlite3';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Ports 4500–4599 belong to the soak suites; the load run takes the next port so both can run at once. */
export function portFrom(offset = 0) {
	return Number(process.env.SOAK_PORT ?? 4500) + offset;
}

export function sleep(ms) {
	return new Promise((done) => setTimeout(done, ms));
}

export function randomBetween(min, max) {
	return min + Math.random() * (max - min);
}

export function pick(list) {
	return list[Math.floor(Math.random() * list.length)];
}

/** The built app must exist; `npm run test:soak` builds first, inside `npm test` the e2e run just did. */
export function ensureBuild() {
	if (['build/index.js', 'build/cli/koers.js'].every((f) => existsSync(resolve(ROOT, f)))) return;
	const run = spawnSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
	if (run.status !== 0) throw new Error('npm run build failed');
}

/** A new folder with a migrated database holding the demo school (the operator's own `prepare`). */
export function prepareDatabase(name) {
	const dir = resolve(ROOT, 'data', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	const dbPath = resolve(dir, 'koers.db');
	const run = spawnSync('npm', ['run', '--silent', 'koers', '--', 'prepare'], {
		cwd: ROOT,
		env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent' },
		encoding: 'utf8'
	});
	if (run.status !== 0) throw new Error(`prepare failed: ${run.stderr}`);
	return { dir, dbPath, uploads: resolve(dir, 'uploads') };
}

const ROUND_NAME = '2026-2027';

/**
 * Adds accounts to the demo school so every simulated user is a distinct person, and gives every student a
 * finished reflection shared with the mentor (so mentors may comment on it). Password hashes are copied
 * from a demo account of the same role, so the demo passwords work and no hashing slows the setup.
 */
export function addPeople(dbPath, { students = 0, mentors = 0, staff = 0, coordinators = 0 }) {
	const db = new Database(dbPath);
	try {
		const hashOf = (username) =>
			db.prepare('select password_hash h from user where username = ?').get(username).h;
		const school = db.prepare("select id from school where brin = '99XX'").get().id;
		const groups = db.prepare('select id from "group" where school_id = ? order by id').all(school);
		const round = db
			.prepare('select id from matrix_round where name = ? and school_id = ?')
			.get(ROUND_NAME, school).id;
		const insertUser = db.prepare(
			'insert into user (school_id, username, given_name, family_name, password_hash) values (?, ?, ?, ?, ?) returning id'
		);
		const insertRole = db.prepare('insert into user_role (user_id, school_id, role) values (?, ?, ?)');
		const add = (prefix, count, role, password) => {
			const ids = [];
			for (let i = 1; i <= count; i++) {
				const { id } = insertUser.get(school, `soak.${prefix}${i}`, 'Soak', `${prefix} ${i}`, password);
				insertRole.run(id, school, role);
				ids.push(id);
			}
			return ids;
		};
		db.transaction(() => {
			const studentIds = add('leerling', students, 'student', hashOf('sanne.devries'));
			studentIds.forEach((id, i) =>
				db
					.prepare('insert into group_student (group_id, student_id, school_id) values (?, ?, ?)')
					.run(groups[i % groups.length].id, id, school)
			);
			add('mentor', mentors, 'mentor', hashOf('m.jansen')).forEach((id, i) =>
				db
					.prepare('insert into group_mentor (group_id, mentor_id, school_id) values (?, ?, ?)')
					.run(groups[i % groups.length].id, id, school)
			);
			add('docent', staff, 'staff', hashOf('p.desmet')).forEach((id) =>
				db
					.prepare('insert into matrix_respondent (school_id, round_id, user_id) values (?, ?, ?)')
					.run(school, round, id)
			);
			add('decaan', coordinators, 'coordinator', hashOf('l.vandijk'));
			// One shared, finished reflection per student: the thing they autosave and mentors comment on.
			const everyStudent = db
				.prepare("select user_id id from user_role where role = 'student' and school_id = ?")
				.all(school);
			const reflection = db.prepare(
				"insert into reflection (school_id, student_id, activity_type, title, visibility, finished_at) values (?, ?, 'anders', 'Soak', 'mentor', ?) returning id"
			);
			const version = db.prepare(
				"insert into reflection_version (reflection_id, school_id, version, title, doel, resultaat, evaluatie, vervolg, visibility, competencies) values (?, ?, 1, 'Soak', '', '', '', '', 'mentor', '[]')"
			);
			for (const s of everyStudent) {
				const { id } = reflection.get(school, s.id, Date.now());
				version.run(id, school);
			}
		})();
	} finally {
		db.close();
	}
}

/** Who can log in and write what in the demo school (the demo's second school is left alone). */
export function readCast(dbPath) {
	const db = new Database(dbPath, { readonly: true });
	try {
		const school = db.prepare("select id from school where brin = '99XX'").get().id;
		const passwords = {
			student: 'Leerling-2026',
			mentor: 'Mentor-2026',
			coordinator: 'Decaan-2026',
			staff: 'Docent-2026'
		};
		const people = db
			.prepare(
				"select u.id, u.username, r.role from user u join user_role r on r.user_id = u.id where r.role in ('student', 'mentor', 'coordinator', 'staff') and u.school_id = ? order by u.id"
			)
			.all(school)
			.map((p) => ({ ...p, password: passwords[p.role] }));
		const reflections = db
			.prepare(
				"select id, student_id studentId, version from reflection where title = 'Soak' and school_id = ?"
			)
			.all(school);
		const mentees = db
			.prepare(
				'select m.mentor_id mentorId, s.student_id studentId from group_mentor m join group_student s on s.group_id = m.group_id where m.school_id = ?'
			)
			.all(school);
		const round = db
			.prepare('select id from matrix_round where name = ? and school_id = ?')
			.get(ROUND_NAME, school).id;
		const respondents = db
			.prepare('select id, user_id userId from matrix_respondent where round_id = ?')
			.all(round);
		const tasks = db
			.prepare('select id from matrix_task where archived_at is null and school_id = ? order by id')
			.all(school)
			.map((t) => t.id);
		const actors = db
			.prepare('select id from matrix_actor where archived_at is null and school_id = ? order by id')
			.all(school)
			.map((a) => a.id);
		return { people, reflections, mentees, round, respondents, tasks, actors };
	} finally {
		db.close();
	}
}

/**
 * The production server (`node scripts/serve.js`) as a direct child: its pid is the Node process that
 * holds the database, so SIGKILL hits the real thing, not an npm wrapper. Log lines go to a file and are
 * counted by pino level.
 */
export class Server {
	constructor({ port, dbPath, uploads, logFile }) {
		this.port = port;
		this.origin = `http://localhost:${port}`;
		this.env = {
			...process.env,
			PORT: String(port),
			ORIGIN: this.origin,
			DATABASE_PATH: dbPath,
			UPLOADS_PATH: uploads,
			LOG_LEVEL: 'info'
		};
		this.log = createWriteStream(logFile, { flags: 'a' });
		this.errors = [];
		this.lines = 0;
	}

	async start() {
		const child = spawn(
			process.execPath,
			[...(process.env.SOAK_NODE_ARGS?.split(' ').filter(Boolean) ?? []), 'scripts/serve.js'],
			{
				cwd: ROOT,
				env: this.env,
				stdio: ['ignore', 'pipe', 'pipe']
			}
		);
		this.child = child;
		this.exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
		let rest = '';
		const onData = (stream) => (chunk) => {
			this.log.write(chunk);
			const text = rest + chunk.toString();
			const lines = text.split('\n');
			rest = lines.pop() ?? '';
			for (const line of lines) this.inspect(line, stream);
		};
		child.stdout.on('data', onData('stdout'));
		child.stderr.on('data', onData('stderr'));
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
			try {
				const res = await exchange(undefined, `${this.origin}/healthz`);
				if (res.status === 200) return;
			} catch {
				// not listening yet
			}
			await sleep(100);
		}
		throw new Error('server did not answer /healthz within 30 s');
	}

	/** Anything at pino level error (50) or fatal (60), and anything on stderr, is an error in the log. */
	inspect(line, stream) {
		if (!line.trim()) return;
		this.lines++;
		if (stream === 'stderr') {
			this.errors.push(line);
			return;
		}
		if (!line.startsWith('{')) return; // the "Koers is running on …" banner
		try {
			if (JSON.parse(line).level >= 50) this.errors.push(line);
		} catch {
			this.errors.push(line);
		}
	}

	async kill() {
		this.child.kill('SIGKILL');
		const { signal } = await this.exited;
		if (signal !== 'SIGKILL') throw new Error(`server ended by ${signal}, not by SIGKILL`);
	}

	async stop() {
		if (!this.child || this.child.exitCode !== null || this.child.signalCode) return;
		this.child.kill('SIGTERM');
		await this.exited;
	}

	close() {
		this.log.end();
	}
}

/**
 * One HTTP exchange over a shared keep-alive agent. Answers status, headers and the body as text; a
 * dropped connection (the server was killed) rejects.
 */
function exchange(agent, url, { method = 'GET', headers = {}, body } = {}) {
	return new Promise((done, fail) => {
		const req = http.request(url, { method, agent, headers }, (res) => {
			const chunks = [];
			res.on('data', (c) => chunks.push(c));
			res.on('end', () =>
				done({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString() })
			);
			res.on('error', fail);
		});
		req.on('error', fail);
		req.end(body);
	});
}

/**
 * The connections the simulated people share. A reverse proxy in front of Koers keeps a pool of
 * keep-alive connections to it (README, "Running it for a school"); `sockets` models that pool.
 */
export function connectionPool(sockets = Infinity) {
	return new http.Agent({ keepAlive: true, maxSockets: sockets });
}

/** A signed-in user: keeps its session cookie and sends what SvelteKit's CSRF check expects. */
export class Client {
	constructor(origin, person, agent) {
		this.origin = origin;
		this.person = person;
		this.agent = agent;
		this.cookie = '';
	}

	send(path, options) {
		return exchange(this.agent, `${this.origin}${path}`, options);
	}

	async login() {
		const body = new URLSearchParams({ username: this.person.username, password: this.person.password });
		const res = await this.send('/login', {
			method: 'POST',
			headers: {
				origin: this.origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: body.toString()
		});
		const session = (res.headers['set-cookie'] ?? []).find((c) => c.startsWith('koers_session='));
		if (res.status !== 303 || !session) throw new Error(`login of ${this.person.username}: ${res.status}`);
		this.cookie = session.split(';')[0];
	}

	/** GET a page as a browser does; answers the status. */
	async get(path) {
		const res = await this.send(path, { headers: { cookie: this.cookie, accept: 'text/html' } });
		return { status: res.status };
	}

	/** The autosave endpoint, as the edit page calls it while the student types. */
	async postJson(path, data) {
		const res = await this.send(path, {
			method: 'POST',
			headers: {
				cookie: this.cookie,
				origin: this.origin,
				'content-type': 'application/json',
				accept: 'application/json'
			},
			body: JSON.stringify(data)
		});
		return { status: res.status, body: safeJson(res.text) };
	}

	/** A form action the way SvelteKit's enhanced forms post it: the answer says success or failure. */
	async action(path, fields) {
		const res = await this.send(path, {
			method: 'POST',
			headers: {
				cookie: this.cookie,
				origin: this.origin,
				'content-type': 'application/x-www-form-urlencoded',
				accept: 'application/json',
				'x-sveltekit-action': 'true'
			},
			body: new URLSearchParams(fields).toString()
		});
		return { status: res.status, body: safeJson(res.text) };
	}
}

function safeJson(text) {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** Logs everyone in, a few at a time (each login is an argon2 verification). */
export async function loginAll(origin, people, agent, parallel = 6) {
	const clients = people.map((p) => new Client(origin, p, agent));
	let next = 0;
	await Promise.all(
		Array.from({ length: parallel }, async () => {
			while (next < clients.length) await clients[next++].login();
		})
	);
	return clients;
}

/**
 * Opens `count` connections in the pool at once, while the server is idle, and leaves them open for the
 * load to reuse. Node is slow to accept new connections while busy connections keep it working (see
 * SECURITY.md, "Findings"); real users reach Koers through a reverse proxy that holds such a pool.
 */
export async function openConnections(origin, agent, count) {
	await Promise.all(Array.from({ length: count }, () => exchange(agent, `${origin}/healthz`)));
}

export function percentile(sorted, p) {
	if (!sorted.length) return 0;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
