// What every part of the generator shares: the prepared statements, the seeded randomness, the counts, the
// ids of the people and the school that new rows belong to.
import { openDatabase } from '../../../src/lib/server/db';
import { GEN, random } from '../shape';

export type Client = ReturnType<typeof openDatabase>['$client'];

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
	activity: `insert into activity (id, school_id, school_year_id, type, title, date, start_time, place, audience, preparation_question, organiser_id)
		values (?, 1, 1, ?, ?, ?, '09:00', ?, ?, 'Wat wil je te weten komen?', ?)`,
	activityGroup: `insert into activity_group (activity_id, group_id, school_id) values (?, ?, 1)`,
	activityCompetency: `insert into activity_competency (activity_id, competency, school_id) values (?, ?, 1)`,
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

export const DAY = 24 * 3600 * 1000;
export const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export interface Board {
	client: Client;
	st: Record<keyof typeof SQL, ReturnType<Client['prepare']>>;
	/** The school new rows belong to: bench_school() in the statements reads it. */
	school: number;
	scale: number;
	groups: number;
	mentors: number;
	students: number;
	now: number;
	yearStart: number;
	rnd: () => number;
	pick: <T>(list: readonly T[]) => T;
	text: (n: number) => string;
	counts: Record<string, number>;
	add: (k: string, n?: number) => void;
	/** The last id handed out per table that the generator numbers itself. */
	last: { reflection: number; comment: number; goal: number; conversation: number };
	ids: {
		mentor: (m: number) => number;
		staff: (s: number) => number;
		coordinator: number;
		cohortMentor: number;
		admin: number;
	};
}

export function createBoard(client: Client, scale: number, now: number, yearStart: number): Board {
	const board = {} as Board;
	// A board of schools of 2,000 students each: --scale 10 is ten schools, as a school board is. The
	// school a row belongs to comes from this function, so the statements stay one list.
	client.function('bench_school', { deterministic: false }, () => board.school);
	const rnd = random(42);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
	const groups = GEN.groups * scale;
	const mentors = GEN.mentors * scale;
	const students = groups * GEN.groupSize;
	const counts: Record<string, number> = {};
	// Users: students 1..S, mentors after them, then staff, the coordinator, the cohort's mentor and an admin.
	const coordinator = students + mentors + GEN.staff + 1;
	return Object.assign(board, {
		client,
		st: Object.fromEntries(Object.entries(SQL).map(([k, v]) => [k, client.prepare(v)])) as Board['st'],
		school: 1,
		scale,
		groups,
		mentors,
		students,
		now,
		yearStart,
		rnd,
		pick,
		text: (n: number) => Array.from({ length: n }, () => pick(SENTENCES)).join(' '),
		counts,
		add: (k: string, n = 1) => (counts[k] = (counts[k] ?? 0) + n),
		last: { reflection: 0, comment: 0, goal: 0, conversation: 0 },
		ids: {
			mentor: (m: number) => students + 1 + m,
			staff: (s: number) => students + mentors + 1 + s,
			coordinator,
			cohortMentor: coordinator + 1,
			admin: coordinator + 2
		}
	});
}

export const schoolOfGroup = (g: number) => Math.floor(g / GEN.groups) + 1;

/** The first mentor (by index from 0) of a group (by index from 0); fillPeople tells the pattern. */
export function primaryMentor(g: number): number {
	const local = g % 80;
	const block = Math.floor(g / 80) * 80;
	return local < 40 ? block + Math.floor(local / 4) : block + local - 30;
}
