// Durability: 50 people write at once (student autosaves, mentor comments, matrix cell answers), the
// server is SIGKILLed at a random moment and restarted on the same files, and every write that got a
// success answer must be in the database, which must pass PRAGMA integrity_check. Once during the load an
// operator backup is taken; it must open, pass the check and hold every write acknowledged before it began.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
	ROOT,
	Server,
	addPeople,
	connectionPool,
	loginAll,
	openConnections,
	pick,
	prepareDatabase,
	randomBetween,
	readCast,
	sleep
} from './harness.mjs';

const PARTS = ['eindverantwoordelijk', 'uitvoerend', 'ondersteunend', 'geinformeerd', 'geen'];
// Enough text that a save touches a few pages, as a real reflection does.
const FILLER = 'Ik heb vandaag gemerkt dat ik goed kan samenwerken en dat ik dat belangrijk vind. '.repeat(
	12
);

/** A value that is overwritten (a reflection's text, a matrix cell): what was sent and what was acknowledged. */
function slot(kind, key, version) {
	return { kind, key, known: version, sent: new Set(), acked: null, ackCount: 0 };
}

function makeWriters(cast, clients, stats) {
	const byUser = new Map(clients.map((c) => [c.person.id, c]));
	const writers = [];
	const slots = [];
	const comments = [];
	let seq = 0;
	const marker = (what) => `soak-${what}-${++seq}-${Math.random().toString(36).slice(2, 8)}`;

	for (const r of cast.reflections) {
		const client = byUser.get(r.studentId);
		if (!client) continue;
		const s = slot('reflection', r.id, r.version);
		slots.push(s);
		writers.push(async (running) => {
			while (running()) {
				const text = marker(`r${r.id}`);
				s.sent.add(text);
				const res = await client.postJson(`/student/reflections/${r.id}/autosave`, {
					title: 'Soak',
					doel: `${text} ${FILLER}`,
					resultaat: FILLER,
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor',
					competencies: ['kwaliteiten'].filter(() => Math.random() < 0.5),
					version: s.known,
					kind: 'autosave'
				});
				stats.count(res.status);
				if (res.status !== 200) throw new Error(`autosave answered ${res.status}`);
				s.known = res.body.version;
				s.acked = { version: res.body.version, text };
				s.ackCount++;
				await sleep(randomBetween(20, 120));
			}
		});
	}

	const mentors = clients.filter((c) => c.person.role === 'mentor');
	for (const client of mentors) {
		const mine = new Set(cast.mentees.filter((m) => m.mentorId === client.person.id).map((m) => m.studentId));
		const targets = cast.reflections.filter((r) => mine.has(r.studentId));
		writers.push(async (running) => {
			while (running()) {
				const r = pick(targets);
				const text = marker(`c${r.id}`);
				const entry = { reflectionId: r.id, text, acked: false };
				const res = await client.action(`/mentor/students/${r.studentId}/reflections/${r.id}?/comment`, {
					body: `${text} Wat heb je daarvan geleerd?`
				});
				stats.count(res.status);
				if (res.status !== 200 || res.body?.type !== 'success')
					throw new Error(`comment answered ${res.status} ${res.body?.type}`);
				entry.acked = true;
				comments.push(entry);
				await sleep(randomBetween(20, 120));
			}
		});
	}

	const matrixPeople = clients.filter((c) => c.person.role === 'staff' || c.person.role === 'coordinator');
	for (const client of matrixPeople) {
		const respondent = cast.respondents.find((r) => r.userId === client.person.id);
		if (!respondent) continue;
		const cells = Array.from({ length: 4 }, (_, i) => {
			const task = cast.tasks[(respondent.id * 7 + i * 3) % cast.tasks.length];
			const actor = cast.actors[(respondent.id + i) % cast.actors.length];
			const s = slot(
				'cell',
				`${respondent.id}:${task}:${actor}`,
				cast.cellVersion(respondent.id, task, actor)
			);
			Object.assign(s, { respondentId: respondent.id, task, actor });
			slots.push(s);
			return s;
		});
		writers.push(async (running) => {
			while (running()) {
				const s = pick(cells);
				const text = marker(`m${s.key}`);
				s.sent.add(text);
				const res = await client.action(`/lob-taken/rounds/${cast.round}/cell/${s.task}/${s.actor}?/save`, {
					part: pick(PARTS),
					how: text,
					rating: String(1 + Math.floor(Math.random() * 4)),
					wish: '',
					version: String(s.known)
				});
				stats.count(res.status);
				if (res.status !== 200 || res.body?.type !== 'redirect')
					throw new Error(`cell save answered ${res.status} ${res.body?.type}`);
				s.known += 1;
				s.acked = { version: s.known, text };
				s.ackCount++;
				await sleep(randomBetween(20, 120));
			}
		});
	}
	return { writers, slots, comments };
}

/** Reads the current stored value of a slot. */
function readSlot(db, s) {
	if (s.kind === 'reflection') {
		const row = db.prepare('select version, doel text from reflection where id = ?').get(s.key);
		return row && { version: row.version, text: row.text };
	}
	const row = db
		.prepare(
			'select version, how text from matrix_answer where respondent_id = ? and task_id = ? and actor_id = ?'
		)
		.get(s.respondentId, s.task, s.actor);
	return row && { version: row.version, text: row.text };
}

/**
 * Checks a database file against what was acknowledged. A slot must hold its last acknowledged version
 * with that text, or a later version carrying text this writer sent (a save that committed while its
 * answer was lost to the kill). Every acknowledged comment must be there.
 */
export function verify(file, acked) {
	const db = new Database(file, { readonly: true, fileMustExist: true });
	try {
		const integrity = db.pragma('integrity_check', { simple: true });
		const foreignKeys = db.pragma('foreign_key_check').length;
		const lost = [];
		let laterThanAcked = 0;
		for (const s of acked.slots) {
			if (!s.acked) continue;
			const row = readSlot(db, s);
			const sentTexts = [...s.sent];
			if (!row || row.version < s.acked.version) lost.push({ key: s.key, want: s.acked, got: row });
			else if (row.version === s.acked.version && !row.text.startsWith(s.acked.text))
				lost.push({ key: s.key, want: s.acked, got: row });
			else if (row.version > s.acked.version) {
				if (!sentTexts.some((t) => row.text.startsWith(t)))
					lost.push({ key: s.key, want: s.acked, got: row });
				else laterThanAcked++;
			}
		}
		const stored = new Set(
			db
				.prepare("select body from comment where body like 'soak-%'")
				.all()
				.map((c) => c.body.split(' ')[0])
		);
		for (const c of acked.comments) if (!stored.has(c.text)) lost.push({ comment: c.text });
		const checked = acked.slots.filter((s) => s.acked).length + acked.comments.length;
		return { integrity, foreignKeys, lost, checked, laterThanAcked };
	} finally {
		db.close();
	}
}

/** A copy of what is acknowledged now, to check a backup that starts now against. */
function snapshot(slots, comments) {
	return {
		slots: slots.map((s) => ({ ...s, acked: s.acked && { ...s.acked }, sent: s.sent })),
		comments: comments.filter((c) => c.acked).map((c) => ({ ...c }))
	};
}

function runBackup(dbPath, target) {
	return new Promise((done, fail) => {
		const child = spawn('npm', ['run', '--silent', 'koers', '--', 'backup', target], {
			cwd: ROOT,
			env: { ...process.env, DATABASE_PATH: dbPath, LOG_LEVEL: 'silent' },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`backup failed (${code}): ${output}`))));
	});
}

function refreshVersions(dbPath, slots) {
	const db = new Database(dbPath, { readonly: true });
	try {
		for (const s of slots) s.known = readSlot(db, s)?.version ?? 0;
	} finally {
		db.close();
	}
}

function acknowledgedPerKind(slots, comments) {
	const count = (kind) => slots.filter((s) => s.kind === kind).reduce((sum, s) => sum + s.ackCount, 0);
	return [count('reflection'), count('cell'), comments.length];
}

async function wroteSince(before, now, limitMs) {
	const until = Date.now() + limitMs;
	while (Date.now() < until && now().some((n, i) => n <= before[i])) await sleep(50);
}

function statusCounter() {
	const statuses = {};
	return { statuses, count: (status) => (statuses[status] = (statuses[status] ?? 0) + 1) };
}

/**
 * @param {{ kills: number, port: number, runMs: [number, number], log?: (line: string) => void }} options
 */
export async function runDurability({ kills, port, runMs, log = console.log }) {
	const { dir, dbPath, uploads } = prepareDatabase(`soak-durability-${port}`);
	// Exactly USERS writers: the demo's students, mentors and matrix respondents, 3 more mentors, 5 more
	// staff in the matrix round, and as many more students as that leaves room for.
	const demo = writingPeople(readCast(dbPath)).length;
	addPeople(dbPath, { students: USERS - demo - 8, mentors: 3, staff: 5 });
	const base = readCast(dbPath);
	const versionDb = new Database(dbPath, { readonly: true });
	const cast = {
		...base,
		cellVersion: (respondentId, task, actor) =>
			versionDb
				.prepare('select version from matrix_answer where respondent_id = ? and task_id = ? and actor_id = ?')
				.get(respondentId, task, actor)?.version ?? 0
	};
	const server = new Server({ port, dbPath, uploads, logFile: resolve(dir, 'server.log') });
	await server.start();
	try {
		return await drive(server, cast, base, dbPath, dir, kills, runMs, log);
	} finally {
		await server.stop();
		server.close();
		versionDb.close();
	}
}

const USERS = 50;

/** The people who write in this suite, each once: students, mentors, and staff invited to the round. */
function writingPeople(cast) {
	const seen = new Set();
	return cast.people.filter((p) => {
		const writes =
			p.role === 'student' ||
			p.role === 'mentor' ||
			((p.role === 'staff' || p.role === 'coordinator') && cast.respondents.some((r) => r.userId === p.id));
		if (!writes || seen.has(p.id)) return false;
		seen.add(p.id);
		return true;
	});
}

async function drive(server, cast, base, dbPath, dir, kills, runMs, log) {
	const people = writingPeople(base);
	const pool = connectionPool(people.length);
	const clients = await loginAll(server.origin, people, pool);
	const stats = statusCounter();
	const { writers, slots, comments } = makeWriters(cast, clients, stats);
	log(`durability: ${clients.length} users logged in, ${writers.length} writers, ${kills} kills`);

	const rounds = [];
	const backupRound = Math.max(1, Math.ceil(kills / 2));
	let backup = null;
	for (let k = 1; k <= kills; k++) {
		await openConnections(server.origin, pool, clients.length);
		let live = true;
		const running = () => live;
		const settled = Promise.allSettled(writers.map((w) => w(running)));
		const started = Date.now();
		if (k === backupRound) {
			await sleep(randomBetween(1000, 3000));
			const before = snapshot(slots, comments);
			const file = resolve(dir, 'backup.db');
			const t0 = Date.now();
			await runBackup(dbPath, file);
			backup = { ms: Date.now() - t0, ...verify(file, before) };
			log(
				`  backup during load: ${backup.ms} ms, integrity ${backup.integrity}, ${backup.checked} acknowledged writes checked, ${backup.lost.length} missing`
			);
		}
		const before = acknowledgedPerKind(slots, comments);
		await sleep(randomBetween(...runMs));
		// A kind's first writes after a start can outlast the random window on a busy machine: the kill waits
		// until every kind of writer has written in this round (the server's answers), so each kind is checked.
		await wroteSince(before, () => acknowledgedPerKind(slots, comments), 60_000);
		await server.kill();
		live = false;
		const outcomes = await settled;
		const unexpected = outcomes
			.filter(
				(o) => o.status === 'rejected' && !/ECONNRESET|ECONNREFUSED|socket hang up/i.test(String(o.reason))
			)
			.map((o) => String(o.reason));
		await server.start();
		const result = verify(dbPath, { slots, comments });
		rounds.push({ kill: k, afterMs: Date.now() - started, unexpected, ...result });
		log(
			`  kill ${k}: after ${Date.now() - started} ms of load; integrity ${result.integrity}; ${result.checked} acknowledged values checked, ${result.lost.length} lost; ${result.laterThanAcked} committed without an answer; writer errors ${unexpected.length}`
		);
		refreshVersions(dbPath, slots);
	}
	// A control for the checker itself: the backup is older than the writes acknowledged after it, so
	// checking it against the final state must report writes as missing. A checker that cannot see a
	// loss would pass anything.
	const control = backup ? verify(resolve(dir, 'backup.db'), { slots, comments }).lost.length : 0;
	log(`  control: the mid-run backup checked against the final state misses ${control} writes, as it should`);
	const acknowledged = slots.reduce((sum, s) => sum + s.ackCount, 0) + comments.filter((c) => c.acked).length;
	return {
		kills,
		survived: rounds.filter((r) => r.integrity === 'ok' && r.lost.length === 0 && r.foreignKeys === 0).length,
		users: clients.length,
		acknowledged,
		autosaves: slots.filter((s) => s.kind === 'reflection').reduce((sum, s) => sum + s.ackCount, 0),
		cellAnswers: slots.filter((s) => s.kind === 'cell').reduce((sum, s) => sum + s.ackCount, 0),
		comments: comments.filter((c) => c.acked).length,
		lost: rounds.reduce((sum, r) => sum + r.lost.length, 0),
		lostDetail: rounds.flatMap((r) => r.lost).slice(0, 10),
		integrity: [...new Set(rounds.map((r) => r.integrity))],
		writerErrors: rounds.flatMap((r) => r.unexpected),
		statuses: stats.statuses,
		logErrors: server.errors.length,
		logErrorSample: server.errors.slice(0, 5),
		backup,
		control,
		rounds: rounds.map(({ kill, afterMs, integrity, checked, lost, laterThanAcked }) => ({
			kill,
			afterMs,
			integrity,
			checked,
			lost: lost.length,
			laterThanAcked
		}))
	};
}
