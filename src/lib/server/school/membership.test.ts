import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeGroup, viewerOf } from '../testing';
import { addMembers, removeMember } from './group-members';
import { updatePerson } from './person-changes';
import { buildMyData } from '../privacy/access-request';

let cast: ReturnType<typeof makeCast>;
const at = (day: string) => vi.setSystemTime(new Date(`${day}T10:00:00Z`));

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	at('2026-09-01');
	createTestDb();
	cast = makeCast();
});
afterEach(() => vi.useRealTimers());

const history = (userId: number) =>
	getDb()
		.select({ groupId: table.groupMembership.groupId, kind: table.groupMembership.kind })
		.from(table.groupMembership)
		.where(eq(table.groupMembership.userId, userId))
		.all();

it('a move keeps the old group in the inzage, with the mentors the student had there and when', () => {
	const admin = viewerOf(cast.admin);
	const second = makeGroup(cast.schoolA, {}, '3KB-B');
	at('2026-11-10');
	expect(removeMember(admin, cast.group, 'student', cast.studentA)).toMatchObject({ ok: true });
	expect(addMembers(admin, second, 'student', [cast.studentA])).toMatchObject({ ok: true });
	at('2026-12-01');
	expect(addMembers(admin, second, 'mentor', [cast.otherMentor])).toMatchObject({ ok: true });

	const groups = buildMyData(viewerOf(cast.studentA))!.groups;
	expect(groups.map(({ from, until }) => ({ from, until }))).toEqual([
		{ from: '2026-09-01', until: '2026-11-10' },
		{ from: '2026-11-10', until: null }
	]);
	expect(groups[1].group).toBe('3KB-B');
	expect(groups[0].mentors).toEqual([{ name: expect.any(String), from: '2026-09-01', until: '2026-11-10' }]);
	expect(groups[1].mentors).toEqual([{ name: expect.any(String), from: '2026-12-01', until: null }]);
	// Adding someone already in the group opens no second period.
	addMembers(admin, second, 'student', [cast.studentA]);
	expect(history(cast.studentA)).toHaveLength(2);
});

it('a mentor who loses the role leaves their groups, and the history says until when', () => {
	const admin = viewerOf(cast.admin);
	const mentor = getDb().select().from(table.user).where(eq(table.user.id, cast.mentor)).get()!;
	at('2026-10-05');
	const res = updatePerson(admin, cast.mentor, {
		givenName: mentor.givenName,
		familyNamePrefix: mentor.familyNamePrefix,
		familyName: mentor.familyName,
		username: mentor.username,
		email: mentor.email,
		studentNumber: null,
		roles: ['coordinator']
	});
	expect(res).toMatchObject({ ok: true });
	const groups = buildMyData(viewerOf(cast.studentA))!.groups;
	expect(groups[0].until).toBeNull();
	expect(groups[0].mentors).toEqual([{ name: expect.any(String), from: '2026-09-01', until: '2026-10-05' }]);
});
