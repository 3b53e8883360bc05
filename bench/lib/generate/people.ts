// The people of the board: schools and their year, students, mentors, staff, the coordinator, the admin, the
// groups (and one cohort of 100) and the school's planned activities.
import { GEN } from '../shape';
import { ACTIVITY_TYPES } from '../../../src/lib/portfolio';
import { COMPETENCY_SLUGS } from '../../../src/lib/competencies';
import { DAY, isoDay, primaryMentor, schoolOfGroup, type Board } from './board';

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

export function fillPeople(
	b: Board,
	hash: string,
	year: { name: string; startsOn: string; endsOn: string }
): void {
	const { st, ids, pick, add, scale, students, mentors, groups, now, yearStart } = b;
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

	b.client.transaction(() => {
		for (let k = 1; k <= scale; k++) {
			st.school.run({ id: k, name: `Benchcollege ${k}`, brin: `BN${String(k).padStart(2, '0')}` });
			st.year.run({ id: k, ...year });
		}
		for (let s = 1; s <= students; s++) {
			b.school = schoolOfGroup(Math.floor((s - 1) / GEN.groupSize));
			user(s, `bench.s${s}`, String(s).padStart(7, '0'));
			st.role.run(s, 'student');
		}
		for (let m = 0; m < mentors; m++) {
			b.school = Math.floor(m / GEN.mentors) + 1;
			user(ids.mentor(m), `bench.m${m}`, null);
			st.role.run(ids.mentor(m), 'mentor');
		}
		// The matrix, its staff and the coordinator belong to the first school.
		b.school = 1;
		for (let s = 0; s < GEN.staff; s++) {
			user(ids.staff(s), `bench.staff${s}`, null);
			st.role.run(ids.staff(s), 'staff');
		}
		user(ids.coordinator, 'bench.coordinator', null);
		st.role.run(ids.coordinator, 'coordinator');
		// Per block of 80 groups and 80 mentors: mentors 0–9 have four groups each (groups 0–39), mentors
		// 10–49 one group (40–79), mentors 50–79 share groups 40–69 as a second mentor.
		for (let g = 0; g < groups; g++) {
			const block = Math.floor(g / 80) * 80;
			const local = g % 80;
			b.school = schoolOfGroup(g);
			st.group.run(
				g + 1,
				`G${String(g + 1).padStart(4, '0')}`,
				pick(['vmbo-kb 3', 'vmbo-bb 4', 'mbo-2 Zorg'])
			);
			st.groupMentor.run(g + 1, ids.mentor(primaryMentor(g)));
			if (local >= 40 && local < 70) st.groupMentor.run(g + 1, ids.mentor(block + local + 10));
			for (let i = 0; i < GEN.groupSize; i++) st.groupStudent.run(g + 1, g * GEN.groupSize + i + 1);
			add('groups');
		}
		// A cohort of 100 (the students of the first four groups, as an mbo year group is) with a mentor of its
		// own: the overview of a large group, and the same number of queries as for 25.
		b.school = 1;
		user(ids.cohortMentor, 'bench.cohort', null);
		st.role.run(ids.cohortMentor, 'mentor');
		st.group.run(groups + 1, 'Cohort 2026', 'mbo-2 Zorg');
		st.groupMentor.run(groups + 1, ids.cohortMentor);
		for (let i = 1; i <= 4 * GEN.groupSize; i++) st.groupStudent.run(groups + 1, i);
		add('groups');
		user(ids.admin, 'bench.admin', null);
		st.role.run(ids.admin, 'admin');
		for (let a = 1; a <= GEN.activities; a++) {
			const date = isoDay(yearStart + a * 7 * DAY);
			// Every third activity is for one group (the programme's "chosen groups"), the rest for the school.
			st.activity.run(
				a,
				pick(ACTIVITY_TYPES),
				`Activiteit ${a}`,
				date,
				'Utrecht',
				a % 3 ? 'school' : 'groups',
				ids.coordinator
			);
			if (a % 3 === 0) st.activityGroup.run(a, a);
			st.activityCompetency.run(a, COMPETENCY_SLUGS[a % COMPETENCY_SLUGS.length]);
		}
	})();
}
