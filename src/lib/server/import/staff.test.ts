import { beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { readCsv } from './csv';
import { guessStaffMapping } from './mapping';
import { roleFromText } from './plan-staff';
import { applyStaffImport, previewStaffImport, setStaffChoices } from './staff';
import { applyImport } from './students';
import { createImportBatch } from './batch';

// A Magister "medewerkers" export, saved by Excel as Windows-1252.
const MAGISTER_STAFF = [
	'Code;Roepnaam;Tussenvoegsel;Achternaam;E-mail;Functie',
	'JNS;Marieke;;Jansen;M.Jansen@school.nl;Mentor 3KB-A',
	'DSM;Pieter;de;Smet;p.desmet@school.nl;Docent Nederlands',
	'DKL;Linda;van;Dijk;l.vandijk@school.nl;Decaan',
	"ELA;Rachid;el;Amrani;r.elamrani@school.nl;SLB'er"
].join('\r\n');

function batch(viewer: ReturnType<typeof viewerOf>, text: string) {
	const csv = readCsv(new Uint8Array(iconv.encode(text, 'win1252')));
	if ('error' in csv) throw new Error(csv.error);
	return createImportBatch(viewer, 'medewerkers.csv', csv, 'staff')!;
}

function account(email: string) {
	const db = getDb();
	const u = db.select().from(table.user).where(eq(table.user.email, email)).get();
	if (!u) return undefined;
	const roles = db
		.select({ role: table.userRole.role })
		.from(table.userRole)
		.where(eq(table.userRole.userId, u.id))
		.all()
		.map((r) => r.role)
		.sort();
	return { ...u, roles };
}

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('staff import', () => {
	it('shows what changes per field, and lets the admin choose for the same name under another address', () => {
		const admin = viewerOf(cast.admin);
		const old = makeUser(cast.schoolA.schoolId, ['mentor'], { givenName: 'Pieter', familyName: 'Smet' });
		getDb()
			.update(table.user)
			.set({ email: 'pieter.smet@oud.nl', familyNamePrefix: 'de' })
			.where(eq(table.user.id, old))
			.run();
		applyStaffImport(admin, batch(admin, MAGISTER_STAFF.split('\r\n').slice(0, 2).join('\r\n')));
		const id = batch(admin, MAGISTER_STAFF.replace(';Jansen;', ';Jansen-Bos;'));
		const plan = previewStaffImport(admin, id)!.plan;
		expect(plan.rows[0].changes).toEqual([{ field: 'familyName', from: 'Jansen', to: 'Jansen-Bos' }]);
		const smet = plan.rows[1];
		expect(smet.duplicates).toEqual([{ id: old, name: 'Pieter de Smet', email: 'pieter.smet@oud.nl' }]);
		expect(plan.undecided).toBe(1);
		expect(applyStaffImport(admin, id)).toEqual({ ok: false, reason: 'choices', undecided: 1 });
		setStaffChoices(admin, id, { [String(smet.row.line)]: old });
		const linked = previewStaffImport(admin, id)!.plan.rows[1];
		expect(linked).toMatchObject({ existingId: old, choice: old, actions: ['update', 'add_role'] });
		expect(linked.changes).toEqual([
			{ field: 'email', from: 'pieter.smet@oud.nl', to: 'p.desmet@school.nl' }
		]);
		expect(applyStaffImport(admin, id)).toMatchObject({ ok: true });
		expect(account('p.desmet@school.nl')).toMatchObject({ id: old, roles: ['mentor', 'staff'] });
		expect(account('pieter.smet@oud.nl')).toBeUndefined();
	});

	it('guesses the columns and reads roles from the job title', () => {
		expect(
			guessStaffMapping(['Code', 'Roepnaam', 'Tussenvoegsel', 'Achternaam', 'E-mail', 'Functie'])
		).toEqual({
			givenName: 1,
			familyNamePrefix: 2,
			familyName: 3,
			email: 4,
			role: 5
		});
		expect(
			['Mentor 3KB-A', "SLB'er", 'Studieloopbaanbegeleider', 'Decaan', 'LOB-coördinator', 'Docent', ''].map(
				roleFromText
			)
		).toEqual(['mentor', 'mentor', 'mentor', 'coordinator', 'coordinator', 'staff', 'staff']);
	});

	it('creates accounts with their roles, keyed by e-mail; the same file again changes nothing', () => {
		const admin = viewerOf(cast.admin);
		const id = batch(admin, MAGISTER_STAFF);
		const preview = previewStaffImport(admin, id)!;
		expect(preview.plan.errorCount).toBe(0);
		expect(preview.plan.counts.create).toBe(4);
		expect(applyStaffImport(admin, id)).toMatchObject({ ok: true, counts: { create: 4 } });
		expect(account('m.jansen@school.nl')).toMatchObject({
			username: 'm.jansen',
			roles: ['mentor'],
			schoolId: cast.schoolA.schoolId
		});
		expect(account('p.desmet@school.nl')).toMatchObject({
			familyNamePrefix: 'de',
			roles: ['staff'],
			passwordHash: null
		});
		expect(account('l.vandijk@school.nl')?.roles).toEqual(['coordinator']);

		const again = batch(admin, MAGISTER_STAFF);
		expect(previewStaffImport(admin, again)!.plan.counts).toMatchObject({
			create: 0,
			update: 0,
			add_role: 0,
			unchanged: 4
		});
		expect(applyStaffImport(admin, again)).toMatchObject({ ok: true });
		expect(applyStaffImport(admin, again)).toEqual({ ok: false, reason: 'applied' });
	});

	it('adds a role and updates a name, never takes a role away or makes anyone admin', () => {
		const admin = viewerOf(cast.admin);
		applyStaffImport(admin, batch(admin, MAGISTER_STAFF));
		const next = batch(
			admin,
			[
				'Roepnaam;Achternaam;E-mail;Functie',
				'Marieke;Jansen-Bos;m.jansen@school.nl;Decaan',
				'Kees;Beheer;k@school.nl;Beheerder'
			].join('\n')
		);
		expect(previewStaffImport(admin, next)!.plan.rows[0].actions).toEqual(['update', 'add_role']);
		applyStaffImport(admin, next);
		expect(account('m.jansen@school.nl')).toMatchObject({
			familyName: 'Jansen-Bos',
			roles: ['coordinator', 'mentor']
		});
		expect(account('k@school.nl')?.roles).toEqual(['staff']);
	});

	it('lists every row problem and applies nothing while there are any', () => {
		const admin = viewerOf(cast.admin);
		getDb()
			.update(table.user)
			.set({ email: 'leerling@school.nl' })
			.where(eq(table.user.id, cast.studentA))
			.run();
		const id = batch(
			admin,
			[
				'Roepnaam;Achternaam;E-mail',
				'Piet;Puk;piet@school.nl',
				';Zonder;zonder@school.nl',
				'Dubbel;Een;piet@school.nl',
				'Fout;Adres;geen-adres',
				'Leer;Ling;leerling@school.nl'
			].join('\n')
		);
		const plan = previewStaffImport(admin, id)!.plan;
		expect(plan.rows.map((r) => r.problems.map((p) => `${p.field}:${p.kind}`))).toEqual([
			[],
			['givenName:required'],
			['email:duplicate'],
			['email:invalid'],
			['email:is_student']
		]);
		expect(applyStaffImport(admin, id)).toEqual({ ok: false, reason: 'errors' });
		expect(account('piet@school.nl')).toBeUndefined();
	});

	it('is the admin’s, of their own school, and a staff batch is not a student batch', () => {
		const admin = viewerOf(cast.admin);
		const id = batch(admin, MAGISTER_STAFF);
		expect(previewStaffImport(viewerOf(cast.otherSchoolAdmin), id)).toBeUndefined();
		expect(applyStaffImport(viewerOf(cast.otherSchoolAdmin), id)).toBeUndefined();
		expect(previewStaffImport(viewerOf(cast.coordinator), id)).toBeUndefined();
		expect(applyImport(admin, id)).toBeUndefined();
		expect(account('m.jansen@school.nl')).toBeUndefined();
	});
});
