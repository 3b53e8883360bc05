// A synthetic school board for the benchmark: at scale 1 one school with 2,000 students in 80 groups, 80
// mentors (ten with four groups), ~100,000 reflections, ~200,000 comments, conversations, goals, ratings,
// attachment metadata and two matrix rounds with 20 respondents; --scale N is a board of N such schools.
// Written with prepared statements in big
// transactions into a database that has the real migrations, so the real pages render real data.
import { hashSync } from '@node-rs/argon2';
import { openDatabase, migrateDatabase } from '../src/lib/server/db';
import { COMPETENCY_SLUGS } from '../src/lib/competencies';
import { ACTIVITY_TYPES } from '../src/lib/portfolio';
import { DEFAULT_ACTORS, DEFAULT_TASKS, PARTS, TASK_KINDS } from '../src/lib/matrix';
import { schoolYearFor } from '../src/lib/server/school/schools';
import { GEN, random } from './lib/shape';

export const BENCH_PASSWORD = 'Bench-2026';

/** What the bench drives: the logins and the ids of the pages, found while generating. */
export interface Manifest {
	scale: number;
	counts: Record<string, number>;
	student: string;
	mentor4: string;
	mentor1: string;
	/** Mentor of one group of 100 students. */
	cohortMentor: string;
	coordinator: string;
	admin: string;
	/** A student of the four-group mentor, for the mentor's page of one student. */
	menteeId: number;
	threadReflectionId: number;
	writer: string;
	autosaveReflectionIds: number[];
	roundId: number;
	generateSeconds: number;
}

const GIVEN = [
	'Sanne',
	'Daan',
	'Noa',
	'Finn',
	'Aya',
	'Mohamed',
	'Lotte',
	'Jayden',
	'Julia',
	'Sem',
	'Emma',
	'Levi'
];
const PREFIX = ['', '', '', 'de', 'van', 'van der', 'van den'];
const FAMILY = [
	'Vries',
	'Bakker',
	'Jansen',
	'Visser',
	'Smit',
	'Boer',
	'Mulder',
	'Yilmaz',
	'El Idrissi',
	'Berg'
];
const SENTENCES = [
	'Ik wilde zien hoe het werk er echt uitziet.',
	'Het was drukker dan ik dacht, maar de mensen waren aardig.',
	'Ik heb geleerd dat ik goed kan samenwerken met anderen.',
	'Volgende keer stel ik meer vragen over de opleiding.',
	'De begeleider liet me zelf een klus doen en dat ging goed.',
	'Ik merkte dat ik het lastig vind om lang stil te zitten.',
	'Ik wil nog een dag meelopen bij een ander bedrijf.',
	'Mijn mentor vroeg wat ik er zelf van vond.'
];

// Explicit bind parameters keep the column list next to the values; better-sqlite3 binds by name.
const SQL = {
	school: `insert into school (id, name, brin) values (@id, @name, @brin)`,
	year: `insert into school_year (id, school_id, name, starts_on, ends_on, is_current) values (@id, @id, @name, @startsOn, @endsOn, 1)`,
	user: `insert into user (id, school_id, username, given_name, family_name_prefix, family_name, student_number, password_hash, created_at)
		values (@id, bench_school(), @username, @given, @prefix, @family, @number, @hash, @at)`,
	role: `insert into user_role (user_id, school_id, role) values (?, bench_school(), ?)`,
	group: `insert into "group" (id, school_id, school_year_id, name, programme) values (?, bench_school(), bench_school(), ?, ?)`,
	groupStudent: `insert into group_student (group_id, student_id, school_id) values (?, ?, bench_school())`,
	groupMentor: `insert into group_mentor (group_id, mentor_id, school_id) values (?, ?, bench_school())`,
	activity: `insert into activity (id, school_id, type, title, date, place, group_id) values (?, 1, ?, ?, ?, ?, ?)`,
	reflection: `insert into reflection (id, school_id, student_id, activity_id, activity_type, activity_date, activity_place,
		title, doel, resultaat, evaluatie, vervolg, visibility, version, finished_at, created_at, updated_at)
		values (@id, bench_school(), @studentId, @activityId, @type, @date, @place, @title, @doel, @resultaat, @evaluatie, @vervolg,
		@visibility, 1, @finishedAt, @createdAt, @updatedAt)`,
	competency: `insert into reflection_competency (reflection_id, school_id, competency) values (?, bench_school(), ?)`,
	version: `insert into reflection_version (reflection_id, school_id, version, title, doel, resultaat, evaluatie, vervolg,
		visibility, competencies, kind, saved_at) values (@id, bench_school(), 1, @title, @doel, @resultaat, @evaluatie, @vervolg,
		@visibility, @competencies, 'save', @updatedAt)`,
	comment: `insert into comment (id, school_id, reflection_id, parent_id, author_id, body, created_at) values (?, bench_school(), ?, ?, ?, ?, ?)`,
	attachment: `insert into attachment (school_id, student_id, reflection_id, file_name, mime_type, size, storage_key, created_at)
		values (bench_school(), ?, ?, ?, 'image/jpeg', ?, ?, ?)`,
	rating: `insert into self_rating (school_id, student_id, competency, level, note, created_at) values (bench_school(), ?, ?, ?, ?, ?)`,
	goal: `insert into goal (id, school_id, student_id, competency, title, description, due_on, status, created_by, created_at, updated_at)
		values (?, bench_school(), ?, ?, ?, '', ?, ?, ?, ?, ?)`,
	conversation: `insert into conversation (id, school_id, student_id, group_id, mentor_id, planned_at, status, summary,
		summary_confirmed_at, created_at, held_at) values (?, bench_school(), ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
	agenda: `insert into conversation_agenda_item (school_id, conversation_id, source, author_id, text, created_at) values (bench_school(), ?, ?, ?, ?, ?)`,
	agreement: `insert into agreement (school_id, conversation_id, student_id, goal_id, created_at) values (bench_school(), ?, ?, ?, ?)`,
	notification: `insert into notification (school_id, user_id, kind, student_id, reflection_id, created_at, read_at) values (bench_school(), ?, ?, ?, ?, ?, ?)`
};

const DAY = 24 * 3600 * 1000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generate(path: string, scale: number, log: (line: string) => void = () => {}): Manifest {
	const started = Date.now();
	const db = openDatabase(path);
	migrateDatabase(db);
	const client = db.$client;
	// A throwaway database: no fsync per commit while filling it. The server reopens it with its own pragmas.
	client.pragma('synchronous = OFF');
	client.pragma('cache_size = -200000');
	// A board of schools of 2,000 students each: --scale 10 is ten schools, as a school board is. The
	// school a row belongs to comes from this function, so the statements stay one list.
	let school = 1;
	client.function('bench_school', { deterministic: false }, () => school);
	const schoolOfGroup = (g: number) => Math.floor(g / GEN.groups) + 1;
	const st = Object.fromEntries(Object.entries(SQL).map(([k, v]) => [k, client.prepare(v)])) as Record<
		keyof typeof SQL,
		ReturnType<typeof client.prepare>
	>;
	const rnd = random(42);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const text = (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' ');
	const hash = hashSync(BENCH_PASSWORD, { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 });
	const now = Date.now();
	const year = schoolYearFor(new Date(now));
	const yearStart = new Date(`${year.startsOn}T00:00:00Z`).getTime();

	const groups = GEN.groups * scale;
	const mentors = GEN.mentors * scale;
	const students = groups * GEN.groupSize;
	const counts: Record<string, number> = {};
	const add = (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n);

	// Users: students 1..S, mentors after them, then staff, the coordinator, the cohort's mentor and an admin.
	const mentorId = (m: number) => students + 1 + m;
	const staffId = (s: number) => students + mentors + 1 + s;
	const coordinatorId = students + mentors + GEN.staff + 1;
	const cohortMentorId = coordinatorId + 1;
	const adminId = cohortMentorId + 1;
	const user = (id: number, username: string, number: string | null) => {
		st.user.run({
			id,
			username,
			given: pick(GIVEN),
			prefix: pick(PREFIX),
			family: pick(FAMILY),
			number,
			hash,
			at: now - 400 * DAY
		});
		add('users');
	};

	client.transaction(() => {
		for (let k = 1; k <= scale; k++) {
			st.school.run({ id: k, name: `Benchcollege ${k}`, brin: `BN${String(k).padStart(2, '0')}` });
			st.year.run({ id: k, ...year });
		}
		for (let s = 1; s <= students; s++) {
			school = schoolOfGroup(Math.floor((s - 1) / GEN.groupSize));
			user(s, `bench.s${s}`, String(s).padStart(7, '0'));
			st.role.run(s, 'student');
		}
		for (let m = 0; m < mentors; m++) {
			school = Math.floor(m / GEN.mentors) + 1;
			user(mentorId(m), `bench.m${m}`, null);
			st.role.run(mentorId(m), 'mentor');
		}
		// The matrix, its staff and the coordinator belong to the first school.
		school = 1;
		for (let s = 0; s < GEN.staff; s++) {
			user(staffId(s), `bench.staff${s}`, null);
			st.role.run(staffId(s), 'staff');
		}
		user(coordinatorId, 'bench.coordinator', null);
		st.role.run(coordinatorId, 'coordinator');
		// Per block of 80 groups and 80 mentors: mentors 0–9 have four groups each (groups 0–39), mentors
		// 10–49 one group (40–79), mentors 50–79 share groups 40–69 as a second mentor.
		for (let g = 0; g < groups; g++) {
			const block = Math.floor(g / 80) * 80;
			const local = g % 80;
			school = schoolOfGroup(g);
			st.group.run(
				g + 1,
				`G${String(g + 1).padStart(4, '0')}`,
				pick(['vmbo-kb 3', 'vmbo-bb 4', 'mbo-2 Zorg'])
			);
			const primary = local < 40 ? block + Math.floor(local / 4) : block + local - 30;
			st.groupMentor.run(g + 1, mentorId(primary));
			if (local >= 40 && local < 70) st.groupMentor.run(g + 1, mentorId(block + local + 10));
			for (let i = 0; i < GEN.groupSize; i++) st.groupStudent.run(g + 1, g * GEN.groupSize + i + 1);
			add('groups');
		}
		// A cohort of 100 (the students of the first four groups, as an mbo year group is) with a mentor of its
		// own: the overview of a large group, and the same number of queries as for 25.
		school = 1;
		user(cohortMentorId, 'bench.cohort', null);
		st.role.run(cohortMentorId, 'mentor');
		st.group.run(groups + 1, 'Cohort 2026', 'mbo-2 Zorg');
		st.groupMentor.run(groups + 1, cohortMentorId);
		for (let i = 1; i <= 4 * GEN.groupSize; i++) st.groupStudent.run(groups + 1, i);
		add('groups');
		user(adminId, 'bench.admin', null);
		st.role.run(adminId, 'admin');
		for (let a = 1; a <= GEN.activities; a++) {
			const date = isoDay(yearStart + a * 7 * DAY);
			st.activity.run(a, pick(ACTIVITY_TYPES), `Activiteit ${a}`, date, 'Utrecht', a % 3 ? null : a);
		}
	})();
	log(`users and groups: ${students} students, ${mentors} mentors, ${groups} groups`);

	let reflectionId = 0;
	let commentId = 0;
	let goalId = 0;
	let conversationId = 0;
	const span = 700 * DAY;
	const fillStudent = (s: number) => {
		const groupIndex = Math.floor((s - 1) / GEN.groupSize);
		school = schoolOfGroup(groupIndex);
		const local = groupIndex % 80;
		const block = Math.floor(groupIndex / 80) * 80;
		const mentor = mentorId(local < 40 ? block + Math.floor(local / 4) : block + local - 30);
		// Student 2 is the bench's writer: enough reflections for 50 writers to save one each.
		const reflections = s === 2 ? GEN.writerReflections : GEN.reflectionsPerStudent;
		for (let i = 0; i < reflections; i++) {
			const id = ++reflectionId;
			// Spread over two years, newest first in the middle of the current school year.
			const createdAt = now - Math.floor(rnd() * span) - DAY;
			const finished = rnd() < 0.85;
			const v = rnd();
			const visibility = v < 0.7 ? 'mentor' : v < 0.85 ? 'dossier' : 'private';
			const updatedAt = createdAt + Math.floor(rnd() * 3 * DAY);
			const row = {
				id,
				studentId: s,
				activityId: school === 1 && rnd() < 0.2 ? 1 + Math.floor(rnd() * GEN.activities) : null,
				type: pick(ACTIVITY_TYPES),
				date: rnd() < 0.9 ? isoDay(createdAt) : null,
				place: pick(['Utrecht', 'Zwolle', 'Tilburg', '']),
				title: `${pick(['Meeloopdag', 'Stage', 'Open dag', 'Gastles'])} ${i + 1}`,
				doel: text(2),
				resultaat: text(2),
				evaluatie: text(2),
				vervolg: text(1),
				visibility,
				finishedAt: finished ? updatedAt : null,
				createdAt,
				updatedAt
			};
			st.reflection.run(row);
			const first = Math.floor(rnd() * COMPETENCY_SLUGS.length);
			const comps = [COMPETENCY_SLUGS[first]];
			if (rnd() < 0.5) comps.push(COMPETENCY_SLUGS[(first + 1) % COMPETENCY_SLUGS.length]);
			for (const c of comps) st.competency.run(id, c);
			st.version.run({ ...row, competencies: JSON.stringify(comps) });
			add('reflections');
			add('reflection_competencies', comps.length);
			if (i % 10 === 0) {
				st.attachment.run(s, id, `foto-${i}.jpg`, 150_000, `bench-${id}`, createdAt);
				add('attachments');
			}
			const shared = finished && visibility !== 'private';
			if (shared) {
				st.notification.run(mentor, 'reflection', s, id, updatedAt, rnd() < 0.9 ? updatedAt + DAY : null);
				add('notifications');
			}
			// Three in four shared reflections have a thread: the mentor answers, the student replies, ...
			if (shared && rnd() < 0.75) {
				const length = 2 + Math.floor(rnd() * 5);
				let parent: number | null = null;
				for (let k = 0; k < length; k++) {
					const cid = ++commentId;
					const author = k % 2 === 0 ? mentor : s;
					st.comment.run(cid, id, parent, author, text(1 + (k % 2)), updatedAt + (k + 1) * 3600_000);
					parent ??= cid;
				}
				add('comments', length);
			}
		}
		for (const c of COMPETENCY_SLUGS)
			for (let k = 0; k < GEN.ratingsPerCompetency; k++) {
				st.rating.run(s, c, 1 + Math.floor(rnd() * 4), '', now - Math.floor(rnd() * span));
				add('self_ratings');
			}
		const goalIds: number[] = [];
		for (let k = 0; k < GEN.goalsPerStudent; k++) {
			const id = ++goalId;
			const at = now - Math.floor(rnd() * 200 * DAY);
			const status = k === 0 ? 'done' : 'open';
			st.goal.run(id, s, pick(COMPETENCY_SLUGS), `Doel ${k + 1}`, isoDay(at + 60 * DAY), status, s, at, at);
			goalIds.push(id);
			add('goals');
		}
		// One conversation held (with agenda and an agreement), one planned.
		const held = ++conversationId;
		const heldAt = now - Math.floor(rnd() * 90 * DAY) - DAY;
		st.conversation.run(
			held,
			s,
			null,
			mentor,
			isoDay(heldAt),
			'held',
			text(2),
			heldAt + DAY,
			heldAt - 7 * DAY,
			heldAt
		);
		st.agenda.run(held, 'student', s, 'Mijn stage', heldAt - 5 * DAY);
		st.agenda.run(held, 'mentor', mentor, 'Je doelen', heldAt - 4 * DAY);
		st.agreement.run(held, s, goalIds[1], heldAt);
		const planned = ++conversationId;
		st.conversation.run(
			planned,
			s,
			null,
			mentor,
			isoDay(now + Math.floor(rnd() * 60 * DAY)),
			'planned',
			'',
			null,
			now,
			null
		);
		add('conversations', 2);
		st.notification.run(s, 'feedback', s, reflectionId, now - DAY, null);
		add('notifications');
	};

	const chunk = 250;
	for (let from = 1; from <= students; from += chunk) {
		client.transaction(() => {
			for (let s = from; s < Math.min(from + chunk, students + 1); s++) fillStudent(s);
		})();
		if ((from - 1) % (chunk * 8) === 0) log(`students ${from - 1}/${students}, reflections ${reflectionId}`);
	}
	client.transaction(() => {
		// A group conversation per group (studentId null).
		for (let g = 1; g <= groups; g++) {
			const id = ++conversationId;
			const local = (g - 1) % 80;
			const block = Math.floor((g - 1) / 80) * 80;
			const mentor = mentorId(local < 40 ? block + Math.floor(local / 4) : block + local - 30);
			school = schoolOfGroup(g - 1);
			st.conversation.run(id, null, g, mentor, isoDay(now + 14 * DAY), 'planned', '', null, now, null);
			add('conversations');
		}
	})();
	school = 1;
	const roundId = generateMatrix(client, {
		staff: [...Array(GEN.staff).keys()].map(staffId),
		mentors: [0, 1, 2, 3, 4].map(mentorId),
		coordinatorId,
		yearStart,
		now,
		rnd
	});
	add('matrix_rounds', 2);
	add('schools', scale);
	client.pragma('wal_checkpoint(TRUNCATE)');

	// The thread to show: the bench student's reflection with the longest thread.
	const thread = client
		.prepare(
			`select r.id from reflection r join comment c on c.reflection_id = r.id where r.student_id = 1
			group by r.id order by count(*) desc, r.id limit 1`
		)
		.get() as { id: number };
	const own = client.prepare(`select id from reflection where student_id = 2 order by id`).all() as {
		id: number;
	}[];
	client.close();
	return {
		scale,
		counts,
		student: 'bench.s1',
		mentor4: `bench.m0`,
		mentor1: `bench.m10`,
		cohortMentor: 'bench.cohort',
		coordinator: 'bench.coordinator',
		admin: 'bench.admin',
		// Student 1 is in group 1, the first of mentor 0's four.
		menteeId: 1,
		threadReflectionId: thread.id,
		writer: 'bench.s2',
		autosaveReflectionIds: own.map((r) => r.id),
		roundId,
		generateSeconds: (Date.now() - started) / 1000
	};
}

function generateMatrix(
	client: ReturnType<typeof openDatabase>['$client'],
	o: {
		staff: number[];
		mentors: number[];
		coordinatorId: number;
		yearStart: number;
		now: number;
		rnd: () => number;
	}
): number {
	const ins = (sql: string) => client.prepare(sql);
	const task = ins(`insert into matrix_task (school_id, kind, name, position) values (1, ?, ?, ?)`);
	const actor = ins(`insert into matrix_actor (school_id, name, position) values (1, ?, ?)`);
	const round = ins(
		`insert into matrix_round (id, school_id, school_year_id, name, status, previous_round_id, created_at, closed_at) values (?, 1, 1, ?, ?, ?, ?, ?)`
	);
	const cell = ins(
		`insert into matrix_cell (school_id, round_id, task_id, actor_id, part, how, rating, wish, updated_by, updated_at) values (1, ?, ?, ?, ?, ?, ?, '', ?, ?)`
	);
	const respondent = ins(
		`insert into matrix_respondent (school_id, round_id, user_id, invited_at, submitted_at) values (1, ?, ?, ?, ?)`
	);
	const answer = ins(
		`insert into matrix_answer (school_id, respondent_id, task_id, actor_id, part, how, rating, wish, updated_by, updated_at) values (1, ?, ?, ?, ?, ?, ?, '', ?, ?)`
	);
	const action = ins(
		`insert into matrix_action (school_id, round_id, task_id, title, owner, status) values (1, ?, ?, ?, 'Decaan', ?)`
	);
	const link = ins(`insert into matrix_actor_user (school_id, actor_id, user_id) values (1, ?, ?)`);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(o.rnd() * list.length)];
	client.transaction(() => {
		let position = 0;
		const taskIds: number[] = [];
		for (const kind of TASK_KINDS)
			for (const name of DEFAULT_TASKS[kind])
				taskIds.push(Number(task.run(kind, name, ++position).lastInsertRowid));
		const actorIds = DEFAULT_ACTORS.map((name, i) => Number(actor.run(name, i + 1).lastInsertRowid));
		for (const [i, userId] of o.staff.entries()) link.run(actorIds[i % actorIds.length], userId);
		const people = [...o.staff, ...o.mentors].slice(0, 20);
		for (const r of [1, 2]) {
			const closed = r === 1;
			round.run(
				r,
				closed ? 'Evaluatie vorig jaar' : 'Evaluatie dit jaar',
				closed ? 'closed' : 'open',
				closed ? null : 1,
				o.yearStart - (closed ? 300 : 0) * 86400000,
				closed ? o.yearStart : null
			);
			for (const t of taskIds)
				for (const a of actorIds)
					cell.run(
						r,
						t,
						a,
						pick(PARTS),
						o.rnd() < 0.3 ? 'Tijdens de mentorles' : '',
						o.rnd() < 0.8 ? 1 + Math.floor(o.rnd() * 4) : null,
						o.coordinatorId,
						o.now
					);
			for (const [i, userId] of people.entries()) {
				const rid = Number(
					respondent.run(r, userId, o.now - 30 * 86400000, closed || i < 15 ? o.now - 86400000 : null)
						.lastInsertRowid
				);
				for (const t of taskIds)
					for (const a of actorIds)
						answer.run(
							rid,
							t,
							a,
							pick(PARTS),
							'',
							o.rnd() < 0.8 ? 1 + Math.floor(o.rnd() * 4) : null,
							userId,
							o.now
						);
			}
			for (let k = 0; k < 5; k++)
				action.run(r, taskIds[k * 3], `Verbeteractie ${k + 1}`, pick(['open', 'bezig', 'klaar']));
		}
	})();
	return 2;
}
