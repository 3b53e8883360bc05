import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withDbTiming } from '../db/timing';
import { createTestDb, makeCast, makeGroup, makeReflection, makeUser, viewerOf } from '../testing';
import type { Db } from '../db';
import * as core from '../db/schema';
import { goal, reflection, selfRating } from '../db/schema-portfolio';
import { comment } from '../db/schema-dialog';
import { addComment, deleteComment } from '../dialog/comments';
import { planConversation } from '../dialog/conversation-planning';
import { groupOverview, OVERVIEW_PAGE_SIZE, type OverviewQuery } from './group-overview';

let db: Db;
let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});
const agenda = () => 'punt';

describe('group overview', () => {
	// Statements run, counted by the Server-Timing instrumentation (prepared ones are not prepared again).
	function countStatements(run: () => void): number {
		return withDbTiming((t) => {
			run();
			return t.queries;
		});
	}

	function groupOf(size: number): number {
		const school = { schoolId: cast.schoolA.schoolId, schoolYearId: cast.schoolA.schoolYearId };
		const mentor = makeUser(school.schoolId, ['mentor']);
		const students = Array.from({ length: size }, () => makeUser(school.schoolId, ['student']));
		makeGroup(school, { students, mentors: [mentor] });
		for (const s of students.slice(0, 3)) makeReflection(s);
		return mentor;
	}

	it('runs the same number of queries for 25 and for 100 students', () => {
		const query = { sort: 'name', filter: 'all', weeks: 4 } as const;
		const small = viewerOf(groupOf(25));
		const big = viewerOf(groupOf(100));
		let rows = 0;
		let matching = 0;
		const a = countStatements(() => (rows = groupOverview(small, query).shown?.rows.length ?? 0));
		expect(rows).toBe(25);
		const b = countStatements(() => {
			const shown = groupOverview(big, { ...query, sort: 'activity' }).shown;
			rows = shown?.rows.length ?? 0;
			matching = shown?.matching ?? 0;
		});
		// A hundred students are counted (to sort them), a page of them is shown.
		expect(matching).toBe(100);
		expect(rows).toBe(OVERVIEW_PAGE_SIZE);
		expect(a).toBe(b);
		// The groups, the group's students, three counts for filters, sorts and reasons, two for the rows shown.
		expect(a).toBe(7);
	});

	it('shows every kind of write to a student at the next view, whoever writes', () => {
		const mentor = viewerOf(cast.mentor);
		const query: OverviewQuery = { sort: 'name', filter: 'all', weeks: 4, group: cast.group };
		const rowOf = (id: number) => groupOverview(mentor, query).shown?.rows.find((r) => r.id === id);
		expect(rowOf(cast.studentA)?.perCompetency.werkexploratie).toBe(0);
		// A new shared reflection (insert, competencies, finish).
		const id = makeReflection(cast.studentA);
		expect(rowOf(cast.studentA)).toMatchObject({ waiting: 1, perCompetency: { werkexploratie: 1 } });
		// A comment (through the thread-state triggers on reflection).
		addComment(mentor, id, 'Mooi!');
		expect(rowOf(cast.studentA)?.waiting).toBe(0);
		// A raw write, as an import or another process would make it: made private, the mentor no longer sees it.
		db.update(reflection).set({ visibility: 'private' }).where(eq(reflection.id, id)).run();
		expect(rowOf(cast.studentA)).toMatchObject({ lastActivity: null, perCompetency: { werkexploratie: 0 } });
		// Goals.
		db.insert(goal)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				title: 'Stage zoeken',
				dueOn: '2000-01-01'
			})
			.run();
		expect(rowOf(cast.studentA)).toMatchObject({ openGoals: 1, overdueGoals: 1 });
		db.update(goal).set({ status: 'done' }).where(eq(goal.studentId, cast.studentA)).run();
		expect(rowOf(cast.studentA)).toMatchObject({ openGoals: 0, overdueGoals: 0 });
		// A group conversation counts for everyone in the group.
		expect(planConversation(mentor, { groupId: cast.group }, '2999-01-10', agenda)).toMatchObject({
			ok: true
		});
		expect(rowOf(cast.studentA)?.nextConversation).toBe('2999-01-10');
		expect(rowOf(cast.studentB)?.nextConversation).toBe('2999-01-10');
		// Leaving the group's other place: a student who leaves is not shown at all.
		db.delete(core.groupStudent).where(eq(core.groupStudent.studentId, cast.studentB)).run();
		expect(rowOf(cast.studentB)).toBeUndefined();
	});

	it('counts per viewer: another mentor sees the group once they mentor it', () => {
		const school = { schoolId: cast.schoolA.schoolId, schoolYearId: cast.schoolA.schoolYearId };
		const student = makeUser(school.schoolId, ['student']);
		const first = viewerOf(makeUser(school.schoolId, ['mentor']));
		const group = makeGroup(school, { students: [student], mentors: [first.userId] });
		makeReflection(student);
		const query: OverviewQuery = { sort: 'name', filter: 'all', weeks: 4, group };
		expect(groupOverview(first, query).shown?.rows[0].waiting).toBe(1);
		// Nothing of the first mentor's view reaches someone who is not (yet) a mentor of the group.
		const otherId = makeUser(school.schoolId, ['mentor']);
		expect(groupOverview(viewerOf(otherId), query).shown).toBeNull();
		db.insert(core.groupMentor)
			.values({ groupId: group, mentorId: otherId, schoolId: school.schoolId })
			.run();
		// Once they are, their figures are counted for them, through their own read scope.
		expect(groupOverview(viewerOf(otherId), query).shown?.rows[0].waiting).toBe(1);
	});

	it('counts per competency, waiting and needs-attention filter', () => {
		const id = makeReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const shown = (q: OverviewQuery) => groupOverview(mentor, q).shown ?? { rows: [] };
		let g = shown({ sort: 'waiting', filter: 'waiting', weeks: 4 });
		expect(g.rows.map((r) => r.id)).toEqual([cast.studentA]);
		expect(g.rows[0].perCompetency).toMatchObject({ werkexploratie: 1, motieven: 1, netwerken: 0 });
		addComment(mentor, id, 'Goed!');
		g = shown({ sort: 'name', filter: 'waiting', weeks: 4 });
		expect(g.rows).toEqual([]);
		g = shown({ sort: 'name', filter: 'quiet', weeks: 4 });
		expect(g.rows.map((r) => r.id)).toEqual([cast.studentB]);
	});

	it('gives each student of "needs attention" their reasons, and leaves out those without one', () => {
		const mentor = viewerOf(cast.mentor);
		const query: OverviewQuery = { sort: 'name', filter: 'attention', weeks: 4, group: cast.group };
		// Student A writes and has a talk planned this year; B never wrote and never talked.
		makeReflection(cast.studentA);
		const soon = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
		planConversation(mentor, { studentId: cast.studentA }, soon, agenda);
		db.insert(selfRating)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				competency: 'netwerken',
				level: 3
			})
			.run();
		let rows = groupOverview(mentor, query).shown?.rows ?? [];
		expect(rows.map((r) => [r.id, r.reasons])).toEqual([
			[cast.studentB, [{ kind: 'neverWrote' }, { kind: 'noTalk' }]]
		]);
		// Self-ratings are part of the overview: A's newest one shows.
		const all = groupOverview(mentor, { ...query, filter: 'all' }).shown?.rows ?? [];
		expect(all.find((r) => r.id === cast.studentA)).toMatchObject({ reasons: [], ratings: { netwerken: 3 } });
		// An overdue goal gives A a reason too.
		db.insert(goal)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				title: 'Stage',
				dueOn: '2000-01-01'
			})
			.run();
		rows = groupOverview(mentor, query).shown?.rows ?? [];
		expect(rows.find((r) => r.id === cast.studentA)?.reasons).toEqual([{ kind: 'overdue', count: 1 }]);
	});

	it('keeps the thread state on the reflection through every kind of comment write (triggers)', () => {
		const id = makeReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const student = viewerOf(cast.studentA);
		const state = () =>
			db
				.select({ staff: reflection.staffAnswered, reply: reflection.replyWaiting })
				.from(reflection)
				.where(eq(reflection.id, id))
				.get();
		expect(state()).toEqual({ staff: false, reply: false });
		// The student's own comment is not an answer.
		addComment(student, id, 'Nog een gedachte');
		expect(state()).toEqual({ staff: false, reply: false });
		const answer = addComment(mentor, id, 'Goed gedaan!') ?? 0;
		expect(state()).toEqual({ staff: true, reply: false });
		addComment(student, id, 'Dank je, maar hoe nu verder?');
		expect(state()).toEqual({ staff: true, reply: true });
		// The mentor's answer removed (soft delete): no staff answer left, so nothing is "waiting for reply".
		expect(deleteComment(mentor, id, answer)).toBe('ok');
		expect(state()).toEqual({ staff: false, reply: false });
		addComment(mentor, id, 'Kom even langs.');
		expect(state()).toEqual({ staff: true, reply: false });
		// A hard delete (an erasure's cascade) counts too.
		db.delete(comment).where(eq(comment.reflectionId, id)).run();
		expect(state()).toEqual({ staff: false, reply: false });
	});

	it('shows one group at a time and pages a large group', () => {
		const school = { schoolId: cast.schoolA.schoolId, schoolYearId: cast.schoolA.schoolYearId };
		const mentorId = makeUser(school.schoolId, ['mentor']);
		const small = makeGroup(
			school,
			{ students: [makeUser(school.schoolId, ['student'])], mentors: [mentorId] },
			'A-klas'
		);
		const bigStudents = Array.from({ length: OVERVIEW_PAGE_SIZE + 5 }, () =>
			makeUser(school.schoolId, ['student'])
		);
		const big = makeGroup(school, { students: bigStudents, mentors: [mentorId] }, 'B-cohort');
		const mentor = viewerOf(mentorId);
		const query: OverviewQuery = { sort: 'name', filter: 'all', weeks: 4 };
		let o = groupOverview(mentor, query);
		expect(o.groups.map((g) => [g.id, g.students])).toEqual([
			[small, 1],
			[big, OVERVIEW_PAGE_SIZE + 5]
		]);
		expect(o.shown?.group.id).toBe(small);
		o = groupOverview(mentor, { ...query, group: big, page: 2 });
		expect(o.shown).toMatchObject({ page: 2, pages: 2, matching: OVERVIEW_PAGE_SIZE + 5 });
		expect(o.shown?.rows).toHaveLength(5);
		// A page past the end shows the last; someone else's group shows the viewer's first.
		expect(groupOverview(mentor, { ...query, group: big, page: 9 }).shown?.page).toBe(2);
		expect(groupOverview(mentor, { ...query, group: cast.group }).shown?.group.id).toBe(small);
		// Sorted by activity, the pages still hold every student once.
		const ids = [1, 2].flatMap(
			(page) =>
				groupOverview(mentor, { ...query, sort: 'activity', group: big, page }).shown?.rows.map(
					(r) => r.id
				) ?? []
		);
		expect(new Set(ids).size).toBe(OVERVIEW_PAGE_SIZE + 5);
		// The most recently active student sorts last, onto page 2: counted for sorting while page 1 was
		// shown, their per-competency figures are added when their row is shown.
		const active = bigStudents[3];
		makeReflection(active);
		const byActivity = { ...query, sort: 'activity', group: big } as const;
		expect(groupOverview(mentor, { ...byActivity, page: 1 }).shown?.rows.some((r) => r.id === active)).toBe(
			false
		);
		const row = groupOverview(mentor, { ...byActivity, page: 2 }).shown?.rows.at(-1);
		expect(row).toMatchObject({ id: active, waiting: 1, perCompetency: { werkexploratie: 1, motieven: 1 } });
	});

	it('shows a member joining, leaving, renamed or leaving the school at the next view', () => {
		const school = { schoolId: cast.schoolA.schoolId, schoolYearId: cast.schoolA.schoolYearId };
		const mentorId = makeUser(school.schoolId, ['mentor']);
		const [first, second] = [makeUser(school.schoolId, ['student']), makeUser(school.schoolId, ['student'])];
		const group = makeGroup(school, { students: [first], mentors: [mentorId] }, 'D-klas');
		const mentor = viewerOf(mentorId);
		const rows = () =>
			groupOverview(mentor, { sort: 'name', filter: 'all', weeks: 4 }).shown?.rows.map((r) => [r.id, r.name]);
		const nameOf = (id: number) => rows()?.find(([rid]) => rid === id)?.[1];
		expect(rows()).toHaveLength(1);
		db.insert(core.groupStudent)
			.values({ groupId: group, studentId: second, schoolId: school.schoolId })
			.run();
		expect(
			rows()
				?.map(([id]) => id)
				.sort()
		).toEqual([first, second].sort());
		db.update(core.user).set({ givenName: 'Zoë', familyName: 'Zomer' }).where(eq(core.user.id, second)).run();
		expect(nameOf(second)).toBe('Zoë Zomer');
		db.update(core.user).set({ active: false }).where(eq(core.user.id, first)).run();
		expect(rows()?.map(([id]) => id)).toEqual([second]);
		db.delete(core.groupStudent).where(eq(core.groupStudent.studentId, second)).run();
		expect(rows()).toEqual([]);
		// A write to the portfolio shows in the figures.
		db.insert(core.groupStudent)
			.values({ groupId: group, studentId: second, schoolId: school.schoolId })
			.run();
		expect(rows()).toHaveLength(1);
		makeReflection(second);
		expect(groupOverview(mentor, { sort: 'name', filter: 'all', weeks: 4 }).shown?.rows[0]).toMatchObject({
			id: second,
			waiting: 1
		});
	});

	it('counts a group without the students who left', () => {
		const school = { schoolId: cast.schoolA.schoolId, schoolYearId: cast.schoolA.schoolYearId };
		const mentorId = makeUser(school.schoolId, ['mentor']);
		const students = Array.from({ length: 4 }, () => makeUser(school.schoolId, ['student']));
		const group = makeGroup(school, { students, mentors: [mentorId] }, 'C-klas');
		db.update(core.user).set({ active: false }).where(eq(core.user.id, students[1])).run();
		// Someone who left another school's group changes nothing here.
		const other = makeUser(cast.schoolB.schoolId, ['student']);
		db.update(core.user).set({ active: false }).where(eq(core.user.id, other)).run();
		const o = groupOverview(viewerOf(mentorId), { sort: 'name', filter: 'all', weeks: 4 });
		expect(o.groups).toEqual([expect.objectContaining({ id: group, students: 3 })]);
		expect(o.shown?.rows.map((r) => r.id).sort()).toEqual([students[0], students[2], students[3]].sort());
	});
});
