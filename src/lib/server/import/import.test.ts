import { beforeEach, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { listMyAudit } from '../privacy/audit';
import { readCsv } from './csv';
import { guessMapping } from './mapping';
import { applyImport, previewImport } from './students';
import {
	createImportBatch,
	getImportBatch,
	listEncodingCandidates,
	setImportEncoding,
	setImportMapping
} from './batch';

const MAGISTER = [
	'Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas;Profiel;Mentor;E-mail',
	'000123;Sanne;de;Vries;3KB-A;vmbo-kb 3;M. Jansen;sanne@example.nl',
	'000124;Zoë;van der;Meer;3KB-A;vmbo-kb 3;M. Jansen;',
	'000125;Mehmet;;Yılmaz;3KB-B;vmbo-kb 3;;'
].join('\r\n');

const SOMTODAY = [
	'leerlingnummer,roepnaam,voorvoegsel,achternaam,stamgroep,leerjaar',
	'000123,Sanne,de,Vries,4KB-A,4',
	'000124,Zoë,van der,Meer,4KB-A,4'
].join('\n');

function bytes(text: string, encoding = 'utf-8'): Uint8Array {
	return new Uint8Array(iconv.encode(text, encoding));
}

describe('readCsv', () => {
	it('reads a ;-separated Windows-1252 file with accents, particles and leading zeros', () => {
		const csv = readCsv(
			bytes('Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas\n000042;Zoë;van der;Meer;3KB-A', 'win1252')
		);
		if ('error' in csv) throw new Error(csv.error);
		expect(csv.encoding).toBe('windows-1252');
		expect(csv.delimiter).toBe(';');
		expect(csv.rows[0]).toEqual(['000042', 'Zoë', 'van der', 'Meer', '3KB-A']);
	});

	it('reads a ,-separated UTF-8 file and a UTF-16 file with a BOM', () => {
		const utf8 = readCsv(bytes(SOMTODAY));
		if ('error' in utf8) throw new Error(utf8.error);
		expect(utf8.delimiter).toBe(',');
		const utf16 = readCsv(new Uint8Array([0xff, 0xfe, ...iconv.encode(SOMTODAY, 'utf-16le')]));
		if ('error' in utf16) throw new Error(utf16.error);
		expect(utf16.encoding).toBe('utf-16le');
		expect(utf16.rows[1][1]).toBe('Zoë');
	});

	it.each([
		['empty', new Uint8Array()],
		['no_rows', bytes('Stamnummer;Roepnaam\n')],
		['too_many_columns', bytes('a;b\n' + Array(10_000).fill('x').join(';'))],
		['too_large', new Uint8Array(6 * 1024 * 1024).fill(65)],
		['binary', new Uint8Array([1, 0, 2, 0, 3])],
		['malformed', bytes('a;b\n"open;quote\n')]
	])('refuses %s', (error, input) => {
		expect(readCsv(input)).toEqual({ error });
	});
});

describe('guessMapping', () => {
	it('knows the usual Magister and Somtoday headers', () => {
		expect(
			guessMapping([
				'Stamnummer',
				'Roepnaam',
				'Tussenvoegsel',
				'Achternaam',
				'Klas',
				'Profiel',
				'Mentor',
				'E-mail'
			])
		).toEqual({
			studentNumber: 0,
			givenName: 1,
			familyNamePrefix: 2,
			familyName: 3,
			group: 4,
			programme: 5,
			mentor: 6,
			email: 7
		});
		expect(
			guessMapping(['leerlingnummer', 'roepnaam', 'voorvoegsel', 'achternaam', 'stamgroep', 'leerjaar'])
		).toMatchObject({
			studentNumber: 0,
			familyNamePrefix: 2,
			group: 4,
			programme: 5
		});
	});
});

describe('student import', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	function upload(text: string, encoding = 'utf-8') {
		const csv = readCsv(bytes(text, encoding));
		if ('error' in csv) throw new Error(csv.error);
		const id = createImportBatch(viewerOf(cast.admin), 'export.csv', csv);
		if (!id) throw new Error('no batch');
		return id;
	}

	function studentsByNumber() {
		return getDb()
			.select({
				id: table.user.id,
				nr: table.user.studentNumber,
				given: table.user.givenName,
				prefix: table.user.familyNamePrefix,
				leftAt: table.user.leftAt
			})
			.from(table.user)
			.where(eq(table.user.schoolId, cast.schoolA.schoolId))
			.all();
	}

	it('previews, applies in one go, and re-applying the same file changes nothing', () => {
		const jansen = makeUser(cast.schoolA.schoolId, ['mentor'], {
			givenName: 'Marieke',
			familyName: 'Jansen'
		});
		const admin = viewerOf(cast.admin);
		const id = upload(MAGISTER, 'win1252');
		const preview = previewImport(admin, id);
		expect(preview?.plan.errorCount).toBe(0);
		expect(preview?.plan.counts).toMatchObject({ create: 3, newGroups: 2 });
		expect(applyImport(admin, id)).toMatchObject({ ok: true });
		const rows = studentsByNumber();
		expect(rows.find((r) => r.nr === '000124')).toMatchObject({ given: 'Zoë', prefix: 'van der' });
		const group = getDb().select().from(table.group).where(eq(table.group.name, '3KB-A')).get();
		const mentors = getDb()
			.select()
			.from(table.groupMentor)
			.where(eq(table.groupMentor.groupId, group!.id))
			.all();
		expect(mentors.map((m) => m.mentorId)).toEqual([jansen]);
		// Applying a batch twice is refused; the same file again is a no-op.
		expect(applyImport(admin, id)).toEqual({ ok: false, reason: 'applied' });
		const again = upload(MAGISTER, 'win1252');
		setImportMapping(admin, again, previewImport(admin, again)!.batch.mapping, false);
		expect(previewImport(admin, again)?.plan.counts).toMatchObject({
			create: 0,
			update: 0,
			move: 0,
			unchanged: 3
		});
		expect(applyImport(admin, again)).toMatchObject({ ok: true });
		expect(studentsByNumber()).toHaveLength(rows.length);
	});

	it('a newer file moves students, adds new ones and marks the missing as left when asked', () => {
		const admin = viewerOf(cast.admin);
		applyImport(admin, upload(MAGISTER));
		const id = upload(SOMTODAY);
		// Nobody leaves unless the admin ticks the box.
		expect(previewImport(admin, id)!.plan.leaving).toEqual([]);
		setImportMapping(admin, id, previewImport(admin, id)!.batch.mapping, true);
		const plan = previewImport(admin, id)!.plan;
		expect(plan.counts).toMatchObject({ move: 2 });
		expect(plan.leaving.map((l) => l.studentNumber)).toContain('000125');
		// One of the few students in this school is far more than a tenth: the number must be typed.
		expect(plan.leaveNeedsConfirmation).toBe(true);
		expect(applyImport(admin, id)).toEqual({ ok: false, reason: 'confirm' });
		expect(applyImport(admin, id, '99')).toEqual({ ok: false, reason: 'confirm' });
		expect(studentsByNumber().find((r) => r.nr === '000125')?.leftAt).toBeNull();
		expect(applyImport(admin, id, String(plan.leaving.length))).toMatchObject({ ok: true });
		const left = studentsByNumber().find((r) => r.nr === '000125');
		expect(left?.leftAt).toBeInstanceOf(Date);
	});

	it("puts what an import changed into each student's own trail", () => {
		const admin = viewerOf(cast.admin);
		applyImport(admin, upload(MAGISTER));
		applyImport(admin, upload(SOMTODAY));
		const zoe = studentsByNumber().find((r) => r.nr === '000124')!;
		const trail = listMyAudit(viewerOf(zoe.id)).map((e) => JSON.parse(e.detail));
		expect(trail).toEqual([
			{ file: 'export.csv', returned: false, changes: [{ field: 'group', from: '3KB-A', to: '4KB-A' }] },
			{ file: 'export.csv', created: true, group: '3KB-A' }
		]);
	});

	it('a partial file with the box untouched marks nobody as left', () => {
		const admin = viewerOf(cast.admin);
		applyImport(admin, upload(MAGISTER));
		const id = upload(['Stamnummer;Roepnaam;Achternaam;Klas', '000124;Zoë;Linden;3KB-A'].join('\n'));
		expect(applyImport(admin, id)).toMatchObject({ ok: true, counts: { leave: 0 } });
		expect(studentsByNumber().filter((r) => r.leftAt)).toEqual([]);
	});

	it('a Mac Roman file cannot be applied until an encoding is chosen', () => {
		const admin = viewerOf(cast.admin);
		const text = [
			'Stamnummer;Roepnaam;Tussenvoegsel;Achternaam;Klas',
			'000201;Ömer;;Çelik;3KB-A',
			'000202;Zoë;;Bakker;3KB-A'
		].join('\r\n');
		const file = iconv.encode(text, 'macintosh');
		const csv = readCsv(file);
		if ('error' in csv) throw new Error(csv.error);
		expect(csv.encoding).toBe('windows-1252');
		const id = createImportBatch(admin, 'mac.csv', csv, 'students', file)!;
		expect(getImportBatch(admin, id)?.encodingChecked).toBe(false);
		expect(applyImport(admin, id)).toEqual({ ok: false, reason: 'encoding' });
		const candidates = listEncodingCandidates(admin, id)!;
		const mac = candidates.find((c) => c.encoding === 'macintosh')!;
		const win = candidates.find((c) => c.encoding === 'windows-1252')!;
		expect(mac.samples).toEqual(['Ömer Çelik', 'Zoë Bakker']);
		expect(win.samples).toEqual(['…mer ‚elik', 'Zo‘ Bakker']);
		expect(win.suspect).toBeGreaterThan(0);
		expect(mac.suspect).toBe(0);
		expect(setImportEncoding(admin, id, 'macintosh')).toBe(true);
		expect(getImportBatch(admin, id)).toMatchObject({ encodingChecked: true, encoding: 'macintosh' });
		expect(applyImport(admin, id)).toMatchObject({ ok: true });
		expect(studentsByNumber().some((r) => r.given === 'Ömer')).toBe(true);
	});

	it('lists every row problem and refuses to apply anything', () => {
		const admin = viewerOf(cast.admin);
		const before = studentsByNumber().length;
		const id = upload(
			['Stamnummer;Roepnaam;Achternaam;Klas', '1;A;B;3A', '1;C;D;3A', ';E;F;3A', '2;G;H;', '3;I;J;3A'].join(
				'\n'
			)
		);
		const plan = previewImport(admin, id)!.plan;
		expect(plan.errorCount).toBe(4);
		expect(plan.rows[0].problems).toEqual([{ field: 'studentNumber', kind: 'duplicate', otherLine: 3 }]);
		expect(plan.rows[2].problems).toEqual([{ field: 'studentNumber', kind: 'required' }]);
		expect(applyImport(admin, id)).toEqual({ ok: false, reason: 'errors' });
		expect(studentsByNumber()).toHaveLength(before);
	});

	it('is only for admins of the school', () => {
		const id = upload(MAGISTER);
		expect(previewImport(viewerOf(cast.otherSchoolAdmin), id)).toBeUndefined();
		expect(applyImport(viewerOf(cast.otherSchoolAdmin), id)).toBeUndefined();
		expect(previewImport(viewerOf(cast.mentor), id)).toBeUndefined();
		expect(applyImport(viewerOf(cast.coordinator), id)).toBeUndefined();
		const stillThere = getDb()
			.select()
			.from(table.importBatch)
			.where(and(eq(table.importBatch.id, id), eq(table.importBatch.schoolId, cast.schoolA.schoolId)))
			.get();
		expect(stillThere?.appliedAt).toBeNull();
	});
});
