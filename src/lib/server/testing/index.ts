// Test helpers: a fresh in-memory database with the real migrations, and factories for the usual cast.
import { eq } from 'drizzle-orm';
import { closeDb, getDb, type Db } from '../db';
import * as table from '../db/schema';
import { addGroupMembers, createGroupRecord, createSchool, insertAccount } from '../school/schools';
import { createViewer, type Viewer } from '../auth/viewer';
import { createReflection, saveReflection } from '../portfolio/reflection-save';
import { createInvitation, registerParent } from '../parents/invitations';
import type { Role } from '../../roles';

/** A new, empty, migrated in-memory database (DATABASE_PATH is ":memory:" under vitest). */
export function createTestDb(): Db {
	closeDb();
	return getDb();
}

let seq = 0;

export function makeSchool(name = `School ${++seq}`) {
	return createSchool({ name, brin: `T${String(++seq).padStart(3, '0')}` });
}

export function makeUser(
	schoolId: number,
	roles: Role[],
	extra: Partial<{
		username: string;
		givenName: string;
		familyName: string;
		studentNumber: string;
		passwordHash: string;
	}> = {}
): number {
	const n = ++seq;
	return insertAccount({
		schoolId,
		username: extra.username ?? `user${n}`,
		givenName: extra.givenName ?? `Voornaam${n}`,
		familyName: extra.familyName ?? `Achternaam${n}`,
		studentNumber: extra.studentNumber ?? (roles.includes('student') ? String(n).padStart(6, '0') : null),
		roles,
		passwordHash: extra.passwordHash ?? null
	});
}

export function makeGroup(
	school: { schoolId: number; schoolYearId: number },
	members: { students?: number[]; mentors?: number[] } = {},
	name = `Groep ${++seq}`
): number {
	const groupId = createGroupRecord({ ...school, name });
	addGroupMembers({
		schoolId: school.schoolId,
		groupId,
		studentIds: members.students,
		mentorIds: members.mentors
	});
	return groupId;
}

/** The Viewer a guard would make for this user (tests stand in for a signed-in request). */
export function viewerOf(userId: number): Viewer {
	const db = getDb();
	const u = db.select().from(table.user).where(eq(table.user.id, userId)).get();
	if (!u) throw new Error(`no user ${userId}`);
	const roles = db
		.select({ role: table.userRole.role })
		.from(table.userRole)
		.where(eq(table.userRole.userId, userId))
		.all()
		.map((r) => r.role);
	return createViewer({ userId, schoolId: u.schoolId, roles, locale: u.locale, sessionId: `test-${userId}` });
}

/** A reflection of this student with all four parts and two competencies, finished unless told; returns its id. */
export function makeReflection(
	studentId: number,
	finish = true,
	visibility: 'mentor' | 'private' = 'mentor'
): number {
	const v = viewerOf(studentId);
	const id = createReflection(v, { activityType: 'meeloopdag', activityDate: '2026-10-01' }) ?? 0;
	const parts = { doel: 'a', resultaat: 'b', evaluatie: 'c', vervolg: 'd' };
	const competencies = ['werkexploratie' as const, 'motieven' as const];
	saveReflection(v, id, 1, { title: 'Bij de bakker', ...parts, visibility, competencies }, { finish });
	return id;
}

let parents = 0;

/** A parent account registered through an invitation of this student (each from an address of its own). */
export async function makeParent(studentId: number, username = `ouder${++parents}`): Promise<number> {
	const inv = createInvitation(viewerOf(studentId));
	if (!inv?.ok) throw new Error('no invitation');
	const res = await registerParent(
		{ code: inv.code, givenName: 'Ingrid', familyName: 'Ouder', username, password: 'Ouder-wachtwoord' },
		`10.0.0.${++parents}`
	);
	if (!res.ok) throw new Error(res.reason);
	return res.userId;
}

/** A school with one group, its mentor, two students, and a second school with its own student. */
export function makeCast() {
	const a = makeSchool('School A');
	const b = makeSchool('School B');
	const studentA = makeUser(a.schoolId, ['student']);
	const studentB = makeUser(a.schoolId, ['student']);
	const studentOtherGroup = makeUser(a.schoolId, ['student']);
	const mentor = makeUser(a.schoolId, ['mentor']);
	const otherMentor = makeUser(a.schoolId, ['mentor']);
	const coordinator = makeUser(a.schoolId, ['coordinator']);
	const admin = makeUser(a.schoolId, ['admin']);
	const otherSchoolStudent = makeUser(b.schoolId, ['student']);
	const otherSchoolAdmin = makeUser(b.schoolId, ['admin']);
	const group = makeGroup(a, { students: [studentA, studentB], mentors: [mentor] });
	const otherGroup = makeGroup(a, { students: [studentOtherGroup], mentors: [otherMentor] });
	makeGroup(b, { students: [otherSchoolStudent] });
	return {
		schoolA: a,
		schoolB: b,
		studentA,
		studentB,
		studentOtherGroup,
		mentor,
		otherMentor,
		coordinator,
		admin,
		otherSchoolStudent,
		otherSchoolAdmin,
		group,
		otherGroup
	};
}
