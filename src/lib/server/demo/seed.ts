// The demo school: deterministic, so the README's logins and every screenshot stay the same.
import { getDb, inTransaction, type Db } from '../db';
import { hashPassword } from '../auth/password';
import {
	addGroupMembers,
	createGroupRecord,
	createSchool,
	insertAccount,
	schoolYearFor
} from '../school/schools';
import { seedGrowth } from './growth';
import { seedMatrix } from './matrix';
import { seedReflections } from './reflections';
import { seedDialog } from './dialog';
import { seedTalks } from './talks';
import { seedProgramme } from '../programme/seed';
import { seedDossier } from './dossier';
import { seedSecondSchool, type SecondSchool } from './second-school';
import type { DemoContext } from './context';

export type { DemoContext };
import { DEMO_PARENT, seedParents } from '../parents/seed-parents';

export const DEMO_PASSWORDS = {
	student: 'Leerling-2026',
	mentor: 'Mentor-2026',
	coordinator: 'Decaan-2026',
	admin: 'Beheer-2026',
	staff: 'Docent-2026'
} as const;

export const DEMO_LOGINS = [
	{
		role: 'student',
		username: 'sanne.devries',
		password: DEMO_PASSWORDS.student,
		note: 'vmbo-kb 3, groep 3KB-A'
	},
	{
		role: 'student',
		username: 'daan.bakker',
		password: DEMO_PASSWORDS.student,
		note: 'mbo niveau 2, groep ZW2-B'
	},
	{ role: 'mentor', username: 'm.jansen', password: DEMO_PASSWORDS.mentor, note: 'mentor van 3KB-A' },
	{ role: 'mentor', username: 'r.elamrani', password: DEMO_PASSWORDS.mentor, note: "SLB'er van ZW2-B" },
	{
		role: 'coordinator',
		username: 'l.vandijk',
		password: DEMO_PASSWORDS.coordinator,
		note: 'decaan / LOB-coördinator'
	},
	{ role: 'admin', username: 'beheer', password: DEMO_PASSWORDS.admin, note: 'functioneel beheerder' },
	{
		role: 'staff',
		username: 'p.desmet',
		password: DEMO_PASSWORDS.staff,
		note: 'vakdocent (LOB-takenmatrix)'
	},
	{ role: 'staff', username: 'a.bos', password: DEMO_PASSWORDS.staff, note: 'teamleider (LOB-takenmatrix)' },
	{
		role: 'student',
		username: 's.devries',
		password: DEMO_PASSWORDS.student,
		note: 'Vakcollege Rijnmond (tweede school): Sanne na de overstap naar het mbo'
	},
	{ role: 'mentor', username: 'k.smit', password: DEMO_PASSWORDS.mentor, note: 'Vakcollege Rijnmond, VZ2-A' },
	{ role: 'admin', username: 'beheer.rijnmond', password: DEMO_PASSWORDS.admin, note: 'Vakcollege Rijnmond' },
	{ role: 'parent', ...DEMO_PARENT, note: 'moeder van Sanne de Vries (ziet wat Sanne ook thuis deelt)' }
] as const;

type Name = [given: string, prefix: string, family: string];

const VMBO_STUDENTS: Name[] = [
	['Sanne', 'de', 'Vries'],
	['Mohamed', '', 'Yilmaz'],
	['Lotte', 'van den', 'Berg'],
	['Jayden', '', 'Visser'],
	['Noa', '', 'Smit'],
	['Finn', 'de', 'Boer'],
	['Aya', '', 'El Idrissi'],
	['Tim', '', 'Mulder'],
	['Julia', 'van', 'Leeuwen'],
	['Sem', '', 'Kok'],
	['Fenna', '', 'Hendriks'],
	['Milan', 'van der', 'Meer'],
	['Zoë', '', 'Dekker']
];

const MBO_STUDENTS: Name[] = [
	['Daan', '', 'Bakker'],
	['Fatima', '', 'Ouali'],
	['Lars', '', 'Peters'],
	['Emma', 'van', 'Dam'],
	['Kevin', '', 'Nguyen'],
	['Iris', '', 'Willems'],
	['Bram', 'de', 'Jong'],
	['Yara', '', 'Koster'],
	['Stijn', '', 'Vos'],
	['Amira', '', 'Bouzid'],
	['Ruben', 'van', 'Wijk'],
	['Eva', '', 'Jacobs']
];

function username(given: string, prefix: string, family: string): string {
	const plain = (s: string) =>
		s
			.normalize('NFD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z]/g, '');
	return `${plain(given)}.${plain(prefix)}${plain(family)}`;
}

// Each feature adds its demo data here, in order (one line per feature keeps merges trivial).
const DEMO_EXTENSIONS: ((ctx: DemoContext) => void)[] = [
	seedReflections,
	seedGrowth,
	seedDialog,
	seedTalks,
	seedMatrix,
	seedParents,
	seedProgramme,
	seedDossier
];

export async function seedDemo(db: Db = getDb()): Promise<DemoContext & { second: SecondSchool }> {
	const [studentHash, mentorHash, coordinatorHash, adminHash] = await Promise.all([
		hashPassword(DEMO_PASSWORDS.student),
		hashPassword(DEMO_PASSWORDS.mentor),
		hashPassword(DEMO_PASSWORDS.coordinator),
		hashPassword(DEMO_PASSWORDS.admin)
	]);
	return inTransaction(db, (tx) => {
		const { schoolId, schoolYearId } = createSchool({ name: 'Demo College Koers', brin: '99XX' }, tx);
		const account = (
			name: Name,
			roles: Parameters<typeof insertAccount>[0]['roles'],
			passwordHash: string,
			extra: { username?: string; studentNumber?: string; email?: string } = {}
		) =>
			insertAccount(
				{
					schoolId,
					username: extra.username ?? username(...name),
					givenName: name[0],
					familyNamePrefix: name[1],
					familyName: name[2],
					studentNumber: extra.studentNumber ?? null,
					email: extra.email ?? null,
					roles,
					passwordHash
				},
				tx
			);

		const jansen = account(['Marieke', '', 'Jansen'], ['mentor'], mentorHash, {
			username: 'm.jansen',
			email: 'm.jansen@demo-college.nl'
		});
		const elAmrani = account(['Rachid', 'el', 'Amrani'], ['mentor'], mentorHash, {
			username: 'r.elamrani',
			email: 'r.elamrani@demo-college.nl'
		});
		// The decaan is also a teacher-mentor elsewhere in real schools; here only coordinator, to show the split.
		const coordinator = account(['Linda', 'van', 'Dijk'], ['coordinator'], coordinatorHash, {
			username: 'l.vandijk',
			email: 'l.vandijk@demo-college.nl'
		});
		const admin = account(['Functioneel', '', 'Beheer'], ['admin'], adminHash, { username: 'beheer' });

		const kb3 = createGroupRecord({ schoolId, schoolYearId, name: '3KB-A', programme: 'vmbo-kb 3' }, tx);
		const zw2 = createGroupRecord(
			{ schoolId, schoolYearId, name: 'ZW2-B', programme: 'mbo niveau 2 Zorg en welzijn' },
			tx
		);
		// Student numbers with leading zeros, as Magister and Somtoday export them.
		const vmbo = VMBO_STUDENTS.map((n, i) =>
			account(n, ['student'], studentHash, { studentNumber: String(4101 + i).padStart(6, '0') })
		);
		const mbo = MBO_STUDENTS.map((n, i) =>
			account(n, ['student'], studentHash, { studentNumber: String(88201 + i).padStart(7, '0') })
		);
		// In their groups since the school year began.
		const since = new Date(schoolYearFor(new Date()).startsOn);
		addGroupMembers({ schoolId, groupId: kb3, studentIds: vmbo, mentorIds: [jansen], since }, tx);
		addGroupMembers({ schoolId, groupId: zw2, studentIds: mbo, mentorIds: [elAmrani], since }, tx);
		const ctx: DemoContext = {
			db: tx,
			schoolId,
			schoolYearId,
			groups: { kb3, zw2 },
			students: { vmbo, mbo },
			mentors: { jansen, elAmrani },
			coordinator,
			admin
		};
		for (const extend of DEMO_EXTENSIONS) extend(ctx);
		const second = seedSecondSchool(tx, { student: studentHash, mentor: mentorHash, admin: adminHash });
		return { ...ctx, second };
	});
}
