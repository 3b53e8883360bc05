// Operator-level building blocks: schools, school years and accounts as the CLI, the seed and the import
// create them. Nothing here reads student-owned data; pages reach these only through viewer-scoped modules.
import { and, count, eq } from 'drizzle-orm';
import { getDb, type Db } from '../db';
import * as table from '../db/schema';
import { hashPassword } from '../auth/password';
import { joinGroup } from './membership';
import type { Role } from '../../roles';

export interface NewSchool {
	name: string;
	brin?: string | null;
	yearName?: string;
}

/** The school year that runs on a date, e.g. 2026-11-30 → "2026-2027" (Dutch years start 1 August). */
export function schoolYearFor(date: Date): { name: string; startsOn: string; endsOn: string } {
	const y = date.getMonth() >= 7 ? date.getFullYear() : date.getFullYear() - 1;
	return { name: `${y}-${y + 1}`, startsOn: `${y}-08-01`, endsOn: `${y + 1}-07-31` };
}

export function createSchool(input: NewSchool, db: Db = getDb()): { schoolId: number; schoolYearId: number } {
	return db.transaction((tx) => {
		const school = tx
			.insert(table.school)
			.values({ name: input.name, brin: input.brin ?? null })
			.returning({ id: table.school.id })
			.get();
		const year = schoolYearFor(new Date());
		const sy = tx
			.insert(table.schoolYear)
			.values({ schoolId: school.id, ...year, name: input.yearName ?? year.name, isCurrent: true })
			.returning({ id: table.schoolYear.id })
			.get();
		return { schoolId: school.id, schoolYearId: sy.id };
	});
}

export function listSchools(db: Db = getDb()) {
	return db
		.select({ id: table.school.id, name: table.school.name, brin: table.school.brin })
		.from(table.school)
		.all();
}

export function getCurrentSchoolYear(schoolId: number, db: Db = getDb()) {
	return db
		.select({ id: table.schoolYear.id, name: table.schoolYear.name })
		.from(table.schoolYear)
		.where(and(eq(table.schoolYear.schoolId, schoolId), eq(table.schoolYear.isCurrent, true)))
		.get();
}

export interface NewAccount {
	schoolId: number;
	username: string;
	givenName: string;
	familyNamePrefix?: string;
	familyName: string;
	email?: string | null;
	studentNumber?: string | null;
	roles: Role[];
	/** Plain password to hash, or a ready hash (the seed hashes one password once for many accounts). */
	password?: string;
	passwordHash?: string | null;
	mustChangePassword?: boolean;
}

export async function createAccount(input: NewAccount, db: Db = getDb()): Promise<number> {
	const passwordHash = input.passwordHash ?? (input.password ? await hashPassword(input.password) : null);
	return insertAccount({ ...input, passwordHash }, db);
}

export function insertAccount(input: Omit<NewAccount, 'password'>, db: Db = getDb()): number {
	return db.transaction((tx) => {
		const row = tx
			.insert(table.user)
			.values({
				schoolId: input.schoolId,
				username: input.username.trim().toLowerCase(),
				givenName: input.givenName,
				familyNamePrefix: input.familyNamePrefix ?? '',
				familyName: input.familyName,
				email: input.email ?? null,
				studentNumber: input.studentNumber ?? null,
				passwordHash: input.passwordHash ?? null,
				mustChangePassword: input.mustChangePassword ?? false
			})
			.returning({ id: table.user.id })
			.get();
		if (input.roles.length) {
			tx.insert(table.userRole)
				.values(input.roles.map((role) => ({ userId: row.id, schoolId: input.schoolId, role })))
				.run();
		}
		return row.id;
	});
}

export function createGroupRecord(
	input: { schoolId: number; schoolYearId: number; name: string; programme?: string },
	db: Db = getDb()
): number {
	return db
		.insert(table.group)
		.values({ ...input, programme: input.programme ?? '' })
		.returning({ id: table.group.id })
		.get().id;
}

export function addGroupMembers(
	input: { schoolId: number; groupId: number; studentIds?: number[]; mentorIds?: number[]; since?: Date },
	db: Db = getDb()
): void {
	db.transaction((tx) => {
		const { schoolId, groupId, since } = input;
		joinGroup(tx, { schoolId, groupId, kind: 'student', userIds: input.studentIds ?? [], since });
		joinGroup(tx, { schoolId, groupId, kind: 'mentor', userIds: input.mentorIds ?? [], since });
	});
}

export function countUsers(db: Db = getDb()): number {
	return db.select({ n: count() }).from(table.user).get()?.n ?? 0;
}
