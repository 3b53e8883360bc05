// A second demo school, an mbo college, to show that schools never see each other's data and to try the
// transfer (doorstroom): Sanne's portfolio exported at Demo College can be imported by her account here.
import type { Db } from '../db';
import { addGroupMembers, createGroupRecord, createSchool, insertAccount } from '../school/schools';

export const SECOND_SCHOOL = { name: 'Vakcollege Rijnmond', brin: '98YY' } as const;

export interface SecondSchool {
	schoolId: number;
	admin: number;
	mentor: number;
	students: number[];
	group: number;
}

type Name = [given: string, prefix: string, family: string];

const STUDENTS: { name: Name; username: string; number: string }[] = [
	// The same Sanne who is in 3KB-A at Demo College, now with her account at the mbo school.
	{ name: ['Sanne', 'de', 'Vries'], username: 's.devries', number: '0520001' },
	{ name: ['Ilias', '', 'Amrani'], username: 'i.amrani', number: '0520002' },
	{ name: ['Romy', 'van', 'Rijn'], username: 'r.vanrijn', number: '0520003' },
	{ name: ['Thijs', '', 'Bosman'], username: 't.bosman', number: '0520004' }
];

export function seedSecondSchool(
	db: Db,
	hashes: { student: string; mentor: string; admin: string }
): SecondSchool {
	const { schoolId, schoolYearId } = createSchool(SECOND_SCHOOL, db);
	const account = (
		name: Name,
		username: string,
		roles: Parameters<typeof insertAccount>[0]['roles'],
		passwordHash: string,
		studentNumber: string | null = null
	) =>
		insertAccount(
			{
				schoolId,
				username,
				givenName: name[0],
				familyNamePrefix: name[1],
				familyName: name[2],
				studentNumber,
				roles,
				passwordHash
			},
			db
		);
	const admin = account(['Beheer', '', 'Rijnmond'], 'beheer.rijnmond', ['admin'], hashes.admin);
	const mentor = account(['Karin', '', 'Smit'], 'k.smit', ['mentor'], hashes.mentor);
	const students = STUDENTS.map((s) => account(s.name, s.username, ['student'], hashes.student, s.number));
	const group = createGroupRecord(
		{ schoolId, schoolYearId, name: 'VZ2-A', programme: 'mbo niveau 2 Verzorgende' },
		db
	);
	addGroupMembers({ schoolId, groupId: group, studentIds: students, mentorIds: [mentor] }, db);
	return { schoolId, admin, mentor, students, group };
}
