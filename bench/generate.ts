// A synthetic school board for the benchmark: at scale 1 one school with 2,000 students in 80 groups, 80
// mentors (ten with four groups), ~100,000 reflections, ~200,000 comments, conversations, goals, ratings,
// attachment metadata and two matrix rounds with 20 respondents; --scale N is a board of N such schools.
// Written with prepared statements in big transactions into a database that has the real migrations, so the
// real pages render real data. The parts are in lib/generate/.
import { hashSync } from '@node-rs/argon2';
import { openDatabase, migrateDatabase } from '../src/lib/server/db';
import { schoolYearFor } from '../src/lib/server/school/schools';
import { GEN } from './lib/shape';
import { createBoard } from './lib/generate/board';
import { fillPeople } from './lib/generate/people';
import { fillGroupConversations, fillStudent } from './lib/generate/portfolios';
import { generateMatrix } from './lib/generate/matrix';

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
	/** A planned activity for the whole school: every mentor follows it. */
	activityId: number;
	generateSeconds: number;
}

export function generate(path: string, scale: number, log: (line: string) => void = () => {}): Manifest {
	const started = Date.now();
	const db = openDatabase(path);
	migrateDatabase(db);
	const client = db.$client;
	// A throwaway database: no fsync per commit while filling it. The server reopens it with its own pragmas.
	client.pragma('synchronous = OFF');
	client.pragma('cache_size = -200000');
	const now = Date.now();
	const year = schoolYearFor(new Date(now));
	const yearStart = new Date(`${year.startsOn}T00:00:00Z`).getTime();
	const b = createBoard(client, scale, now, yearStart);
	const hash = hashSync(BENCH_PASSWORD, { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 });
	const { students, mentors, groups } = b;

	fillPeople(b, hash, year);
	log(`users and groups: ${students} students, ${mentors} mentors, ${groups} groups`);
	const chunk = 250;
	for (let from = 1; from <= students; from += chunk) {
		client.transaction(() => {
			for (let s = from; s < Math.min(from + chunk, students + 1); s++) fillStudent(b, s);
		})();
		if ((from - 1) % (chunk * 8) === 0)
			log(`students ${from - 1}/${students}, reflections ${b.last.reflection}`);
	}
	fillGroupConversations(b);
	b.school = 1;
	const roundId = generateMatrix(client, {
		staff: [...Array(GEN.staff).keys()].map(b.ids.staff),
		mentors: [0, 1, 2, 3, 4].map(b.ids.mentor),
		coordinatorId: b.ids.coordinator,
		yearStart,
		now,
		rnd: b.rnd
	});
	b.add('matrix_rounds', 2);
	b.add('schools', scale);
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
		counts: b.counts,
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
		activityId: 1,
		generateSeconds: (Date.now() - started) / 1000
	};
}
