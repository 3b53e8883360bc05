import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '../roles';
import {
	can,
	canOn,
	homePath,
	mentoredGroupScope,
	navAreas,
	OPERATIONS,
	RELATIONS,
	studentScope,
	type Operation,
	type Relation
} from './access';
import { createViewer } from './auth/viewer';
import { createTestDb, makeCast, viewerOf } from './testing';
import { getDb } from './db';
import * as table from './db/schema';

// THE expected policy, written once: for every operation and every role, the relations it is allowed on.
// 'area' = allowed on the whole area (not about one student), so on every relation. [] = denied.
type Expected = Relation[] | 'area';
const S: Relation = 'self';
const M: Relation = 'mentee';
const SS: Relation = 'schoolStudent';
const C: Relation = 'child';

const EXPECTED: Record<Operation, Record<Role, Expected>> = {
	'student.home': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'student.profile.read': { student: [S], mentor: [M], coordinator: [], admin: [SS], staff: [], parent: [] },
	'student.loginCode.create': {
		student: [],
		mentor: [M],
		coordinator: [],
		admin: [SS],
		staff: [],
		parent: []
	},
	'mentee.loginCode.create': { student: [], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'mentor.groups.read': { student: [], mentor: 'area', coordinator: [], admin: [], staff: [], parent: [] },
	'mentor.student.read': { student: [], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'school.aggregates.read': {
		student: [],
		mentor: [],
		coordinator: 'area',
		admin: 'area',
		staff: [],
		parent: []
	},
	'people.manage': { student: [], mentor: [], coordinator: [], admin: 'area', staff: [], parent: [] },
	'groups.manage': { student: [], mentor: [], coordinator: [], admin: 'area', staff: [], parent: [] },
	'reflection.read': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'reflection.write': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'audit.own': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'audit.search': { student: [], mentor: [], coordinator: [], admin: 'area', staff: [], parent: [] },
	'schoolYear.manage': { student: [], mentor: [], coordinator: [], admin: 'area', staff: [], parent: [] },
	'student.erase': { student: [], mentor: [], coordinator: [], admin: [SS], staff: [], parent: [] },
	'student.dataExport': { student: [S], mentor: [], coordinator: [], admin: [SS], staff: [], parent: [] },
	'portfolio.transfer': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'selfRating.read': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'selfRating.write': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'goal.read': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'goal.write': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'matrix.read': {
		student: [],
		mentor: 'area',
		coordinator: 'area',
		admin: 'area',
		staff: 'area',
		parent: []
	},
	'matrix.respond': {
		student: [],
		mentor: 'area',
		coordinator: 'area',
		admin: 'area',
		staff: 'area',
		parent: []
	},
	'matrix.edit': { student: [], mentor: [], coordinator: 'area', admin: [], staff: [], parent: [] },
	'comment.write': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'conversation.read': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'conversation.manage': { student: [], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'conversation.agenda.add': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'conversation.confirm': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'conversation.mentorNote.read': {
		student: [],
		mentor: [M],
		coordinator: [],
		admin: [],
		staff: [],
		parent: []
	},
	'parent.home': { student: [], mentor: [], coordinator: [], admin: [], staff: [], parent: 'area' },
	'parent.link.manage': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'home.share': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'parent.child.read': { student: [], mentor: [], coordinator: [], admin: [], staff: [], parent: [C] },
	'parent.note.write': { student: [], mentor: [], coordinator: [], admin: [], staff: [], parent: [C] },
	'parent.agenda.add': { student: [], mentor: [], coordinator: [], admin: [], staff: [], parent: [C] },
	'conversation.parent.invite': {
		student: [],
		mentor: [M],
		coordinator: [],
		admin: [],
		staff: [],
		parent: []
	},
	'parent.link.school': { student: [], mentor: [], coordinator: [], admin: [SS], staff: [], parent: [] },
	'parent.programme.read': { student: [], mentor: [], coordinator: [], admin: [], staff: [], parent: [C] },
	'programme.read': { student: [], mentor: 'area', coordinator: 'area', admin: [], staff: [], parent: [] },
	'programme.manage': { student: [], mentor: [], coordinator: 'area', admin: [], staff: [], parent: [] },
	'programme.manageOwnGroups': {
		student: [],
		mentor: 'area',
		coordinator: [],
		admin: [],
		staff: [],
		parent: []
	},
	'programme.follow': { student: [], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'programme.take': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] },
	'programme.reach': { student: [], mentor: [], coordinator: 'area', admin: [], staff: [], parent: [] },
	'dossier.requirements.manage': {
		student: [],
		mentor: [],
		coordinator: 'area',
		admin: [],
		staff: [],
		parent: []
	},
	'dossier.progress.read': { student: [S], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'dossier.signoff': { student: [], mentor: [M], coordinator: [], admin: [], staff: [], parent: [] },
	'dossier.signoff.counts': {
		student: [],
		mentor: [],
		coordinator: 'area',
		admin: [],
		staff: [],
		parent: []
	},
	'dossier.share': { student: [S], mentor: [], coordinator: [], admin: [], staff: [], parent: [] }
};

function viewerWith(...roles: Role[]) {
	return createViewer({ userId: 1, schoolId: 1, roles, locale: 'nl', sessionId: 's' });
}

describe('policy table', () => {
	it('covers every operation (a new operation must be added to EXPECTED)', () => {
		expect(Object.keys(EXPECTED).sort()).toEqual([...OPERATIONS].sort());
	});

	const cases = OPERATIONS.flatMap((op) =>
		ROLES.flatMap((role) =>
			RELATIONS.map((relation) => {
				const e = EXPECTED[op][role];
				return { op, role, relation, allowed: e === 'area' || e.includes(relation) };
			})
		)
	);

	it.each(cases)('$role · $op · $relation → $allowed', ({ op, role, relation, allowed }) => {
		expect(canOn(viewerWith(role), op, relation)).toBe(allowed);
	});

	it.each(OPERATIONS.flatMap((op) => ROLES.map((role) => ({ op, role }))))(
		'can($role, $op) is true exactly when some relation is allowed',
		({ op, role }) => {
			const e = EXPECTED[op][role];
			expect(can(viewerWith(role), op)).toBe(e === 'area' || e.length > 0);
		}
	);

	it('a user with several roles gets the union of their grants', () => {
		const v = viewerWith('mentor', 'coordinator');
		expect(canOn(v, 'student.profile.read', 'mentee')).toBe(true);
		expect(can(v, 'school.aggregates.read')).toBe(true);
		expect(canOn(v, 'student.profile.read', 'schoolStudent')).toBe(false);
	});

	it('a user without roles may do nothing', () => {
		const v = viewerWith();
		for (const op of OPERATIONS) expect(can(v, op)).toBe(false);
	});
});

describe('SQL scopes', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	function visibleStudents(userId: number, op: Operation): number[] {
		return getDb()
			.select({ id: table.user.id })
			.from(table.user)
			.where(studentScope(viewerOf(userId), op, table.user.id))
			.all()
			.map((r) => r.id)
			.sort((a, b) => a - b);
	}

	it('studentScope: a student sees only themself', () => {
		expect(visibleStudents(cast.studentA, 'student.profile.read')).toEqual([cast.studentA]);
	});

	it('studentScope: a mentor sees the students of their own group only', () => {
		expect(visibleStudents(cast.mentor, 'student.profile.read')).toEqual(
			[cast.studentA, cast.studentB].sort((a, b) => a - b)
		);
		expect(visibleStudents(cast.otherMentor, 'student.loginCode.create')).toEqual([cast.studentOtherGroup]);
	});

	it('studentScope: an admin sees the students of their own school, never another school', () => {
		expect(visibleStudents(cast.admin, 'student.loginCode.create')).toEqual(
			[cast.studentA, cast.studentB, cast.studentOtherGroup].sort((a, b) => a - b)
		);
		expect(visibleStudents(cast.otherSchoolAdmin, 'student.profile.read')).toEqual([cast.otherSchoolStudent]);
	});

	it('studentScope: a coordinator and an operation without a grant see no one', () => {
		expect(visibleStudents(cast.coordinator, 'student.profile.read')).toEqual([]);
		expect(visibleStudents(cast.studentA, 'student.loginCode.create')).toEqual([]);
		expect(visibleStudents(cast.mentor, 'reflection.write')).toEqual([]);
	});

	it('studentScope: a closed group no longer gives its mentor access', () => {
		closeGroup(cast.group);
		expect(visibleStudents(cast.mentor, 'student.profile.read')).toEqual([]);
	});

	it('mentoredGroupScope: own open groups only', () => {
		const groupsOf = (userId: number) =>
			getDb()
				.select({ id: table.group.id })
				.from(table.group)
				.where(mentoredGroupScope(viewerOf(userId)))
				.all()
				.map((r) => r.id);
		expect(groupsOf(cast.mentor)).toEqual([cast.group]);
		expect(groupsOf(cast.otherMentor)).toEqual([cast.otherGroup]);
		expect(groupsOf(cast.coordinator)).toEqual([]);
		closeGroup(cast.group);
		expect(groupsOf(cast.mentor)).toEqual([]);
	});
});

describe('navigation', () => {
	it.each([
		[['student'], ['/student'], '/student'],
		[['mentor'], ['/mentor', '/lob-taken'], '/mentor'],
		[['coordinator'], ['/coordinator', '/lob-taken'], '/coordinator'],
		[['admin'], ['/admin', '/lob-taken'], '/admin'],
		[['staff'], ['/lob-taken'], '/lob-taken'],
		[['admin', 'mentor'], ['/mentor', '/admin', '/lob-taken'], '/mentor'],
		[['coordinator', 'mentor'], ['/mentor', '/coordinator', '/lob-taken'], '/mentor'],
		[[], [], '/account']
	] as [Role[], string[], string][])('%j → areas %j, home %s', (roles, hrefs, home) => {
		const v = viewerWith(...roles);
		expect(navAreas(v).map((a) => a.href)).toEqual(hrefs);
		expect(homePath(v)).toBe(home);
	});
});

function closeGroup(groupId: number) {
	getDb().update(table.group).set({ closedAt: new Date() }).where(eq(table.group.id, groupId)).run();
}
