import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { rawZip } from '../testing/zip';
import * as portfolio from '../db/schema-portfolio';
import type { Db } from '../db';
import { createReflection, saveReflection } from './reflection-save';
import { listReflections, getReflection } from './reflections';
import { addAttachment, listAttachments, readAttachment } from './attachments';
import { addGoal, addRating, listGoals, listRatings } from './growth';
import { portfolioZip, buildPortfolioExport } from './portfolio-export';
import { importTransfer } from './transfer';
import { listTransfers, undoTransfer } from './transfer-history';
import { openSafeZip } from './zip-reader';
import { TRANSFER_ZIP_LIMITS } from './transfer';

let dir: string;
let db: Db;
let cast: ReturnType<typeof makeCast>;

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-transfer-'));
	process.env.UPLOADS_PATH = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.UPLOADS_PATH;
});
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

const photo = () =>
	sharp({ create: { width: 16, height: 12, channels: 3, background: '#0b5e6b' } })
		.jpeg()
		.toBuffer();

/** Student A at school A writes a portfolio and downloads it. */
async function exportedPortfolio(): Promise<Buffer> {
	const me = viewerOf(cast.studentA);
	const id = createReflection(me, {
		activityType: 'meeloopdag',
		activityDate: '2026-10-08',
		title: 'Meeloopdag'
	})!;
	saveReflection(
		me,
		id,
		1,
		{
			title: 'Meeloopdag in de zorg',
			doel: 'Weten of de zorg bij mij past.',
			resultaat: 'Ik liep mee.',
			evaluatie: 'Leuk.',
			vervolg: 'Open dag.',
			visibility: 'mentor',
			competencies: ['werkexploratie', 'kwaliteiten']
		},
		{ finish: true }
	);
	createReflection(me, { activityType: 'stage', title: 'Privé concept' });
	await addAttachment(me, id, { name: 'foto.jpg', bytes: await photo() });
	addGoal(
		me,
		{ title: 'Naar de open dag', description: '', competency: 'werkexploratie', dueOn: '2027-01-20' },
		id
	);
	addRating(me, { competency: 'werkexploratie', level: 3, note: 'Beter' });
	return Buffer.from(await new Response(portfolioZip(me)).arrayBuffer());
}

describe('bringing a portfolio to a new school', () => {
	it('keeps reflections, goals, ratings and files, marked as from the previous school', async () => {
		const zip = await exportedPortfolio();
		const newMe = viewerOf(cast.otherSchoolStudent);
		const result = await importTransfer(newMe, zip, { keepVisibility: false });
		expect(result).toMatchObject({ ok: true, reflections: 2, goals: 1, ratings: 1, files: 1 });

		const reflections = listReflections(newMe, {}).items;
		expect(reflections.map((r) => r.title).sort()).toEqual(['Meeloopdag in de zorg', 'Privé concept']);
		const rows = db
			.select()
			.from(portfolio.reflection)
			.where(eq(portfolio.reflection.studentId, cast.otherSchoolStudent))
			.all();
		expect(rows.every((r) => r.transferId !== null && r.schoolId === cast.schoolB.schoolId)).toBe(true);
		// Private at first: the new mentor sees nothing until the student chooses.
		expect(rows.every((r) => r.visibility === 'private')).toBe(true);
		const finished = rows.find((r) => r.title === 'Meeloopdag in de zorg')!;
		expect(finished.finishedAt).not.toBeNull();
		expect(finished.activityDate).toBe('2026-10-08');
		expect(getReflection(newMe, finished.id)?.competencies.sort()).toEqual(['kwaliteiten', 'werkexploratie']);

		const files = listAttachments(newMe, finished.id);
		expect(files).toMatchObject([{ fileName: 'foto.jpg', mimeType: 'image/jpeg' }]);
		expect((await sharp(readAttachment(newMe, files[0].id)!.bytes).metadata()).width).toBe(16);
		expect(listGoals(newMe)).toMatchObject([
			{ title: 'Naar de open dag', status: 'open', sourceReflectionId: finished.id }
		]);
		expect(listRatings(newMe)).toMatchObject([{ competency: 'werkexploratie', level: 3 }]);
		expect(listTransfers(newMe)).toMatchObject([{ fromSchool: 'School A', reflections: 2, files: 1 }]);

		// Nothing of it is visible at school A, and A's own portfolio is untouched.
		expect(listReflections(viewerOf(cast.studentA), {}).items).toHaveLength(2);
	});

	it('keeps the old visibility when the student asks for it', async () => {
		const newMe = viewerOf(cast.otherSchoolStudent);
		await importTransfer(newMe, await exportedPortfolio(), { keepVisibility: true });
		const rows = db
			.select()
			.from(portfolio.reflection)
			.where(eq(portfolio.reflection.studentId, cast.otherSchoolStudent))
			.all();
		expect(rows.map((r) => r.visibility).sort()).toEqual(['mentor', 'mentor']);
	});

	it('does not read the same file in twice', async () => {
		const zip = await exportedPortfolio();
		const newMe = viewerOf(cast.otherSchoolStudent);
		expect((await importTransfer(newMe, zip, { keepVisibility: false }))?.ok).toBe(true);
		expect(await importTransfer(newMe, zip, { keepVisibility: false })).toEqual({
			ok: false,
			reason: 'already_imported'
		});
		expect(listTransfers(newMe)).toHaveLength(1);
	});

	it('can be undone as a whole, files included', async () => {
		const newMe = viewerOf(cast.otherSchoolStudent);
		const before = readdirSync(dir).length;
		const result = await importTransfer(newMe, await exportedPortfolio(), { keepVisibility: false });
		if (!result?.ok) throw new Error('import failed');
		expect(readdirSync(dir).length).toBe(before + 2); // A's own file and the copy
		expect(undoTransfer(viewerOf(cast.studentB), result.transferId)).toBe(false);
		expect(undoTransfer(newMe, result.transferId)).toBe(true);
		expect(listReflections(newMe, {}).items).toHaveLength(0);
		expect(listGoals(newMe)).toHaveLength(0);
		expect(listRatings(newMe)).toHaveLength(0);
		expect(readdirSync(dir).length).toBe(before + 1);
		expect(undoTransfer(newMe, result.transferId)).toBe(false);
	});

	it('is only for students, into their own account', async () => {
		const zip = await exportedPortfolio();
		expect(await importTransfer(viewerOf(cast.mentor), zip, { keepVisibility: false })).toBeUndefined();
		expect(
			await importTransfer(viewerOf(cast.otherSchoolAdmin), zip, { keepVisibility: false })
		).toBeUndefined();
	});
});

describe('a bad or tampered portfolio ZIP is refused, and nothing is kept of it', () => {
	async function entriesOf(zip: Buffer) {
		const z = await openSafeZip(zip, TRANSFER_ZIP_LIMITS);
		const out = await Promise.all(z.names.map(async (name) => ({ name, data: (await z.read(name))! })));
		z.close();
		return out;
	}
	function json(entries: { name: string; data: Buffer }[]) {
		return JSON.parse(entries.find((e) => e.name === 'portfolio.json')!.data.toString());
	}
	function withJson(entries: { name: string; data: Buffer }[], value: unknown) {
		return rawZip(
			entries.map((e) =>
				e.name === 'portfolio.json' ? { name: e.name, data: Buffer.from(JSON.stringify(value)) } : e
			)
		);
	}
	async function refused(zip: Buffer) {
		const newMe = viewerOf(cast.otherSchoolStudent);
		const files = readdirSync(dir).length;
		const result = await importTransfer(newMe, zip, { keepVisibility: false });
		expect(listReflections(newMe, {}).items).toHaveLength(0);
		expect(listTransfers(newMe)).toHaveLength(0);
		expect(readdirSync(dir).length).toBe(files);
		return result?.ok ? 'accepted' : result?.reason;
	}

	it('a newer schema version', async () => {
		const entries = await entriesOf(await exportedPortfolio());
		expect(await refused(withJson(entries, { ...json(entries), schemaVersion: 2 }))).toBe('wrong_version');
	});

	it('a field that is not what the schema says', async () => {
		const entries = await entriesOf(await exportedPortfolio());
		const value = json(entries);
		value.reflections[0].parts.doel = 'x'.repeat(100_000);
		expect(await refused(withJson(entries, value))).toBe('invalid');
		value.reflections[0].parts.doel = '';
		value.reflections[0].visibility = 'everyone';
		expect(await refused(withJson(entries, value))).toBe('invalid');
	});

	it('an attachment path that is not in the ZIP, or points outside it', async () => {
		const entries = await entriesOf(await exportedPortfolio());
		const value = json(entries);
		const withFile = value.reflections.find((r: { attachments: unknown[] }) => r.attachments.length);
		withFile.attachments[0].path = '../../../../etc/passwd';
		expect(await refused(withJson(entries, value))).toBe('missing_file');
	});

	it('a file that is not what it says (HTML posing as a photo)', async () => {
		const entries = await entriesOf(await exportedPortfolio());
		const tampered = entries.map((e) =>
			e.name.startsWith('attachments/') ? { name: e.name, data: Buffer.from('<script>alert(1)</script>') } : e
		);
		expect(await refused(rawZip(tampered))).toBe('bad_file');
	});

	it('not JSON, no portfolio.json, not a ZIP, empty', async () => {
		expect(await refused(rawZip([{ name: 'portfolio.json', data: Buffer.from('{nope') }]))).toBe('not_json');
		expect(await refused(rawZip([{ name: 'other.json', data: Buffer.from('{}') }]))).toBe('no_portfolio');
		expect(await refused(Buffer.from('PK nope'))).toBe('not_zip');
		expect(await refused(Buffer.alloc(0))).toBe('empty');
	});

	it('zip slip, a symlink and a bomb', async () => {
		const entries = await entriesOf(await exportedPortfolio());
		expect(await refused(rawZip([...entries, { name: '../../koers.db', data: Buffer.from('x') }]))).toBe(
			'unsafe_path'
		);
		expect(
			await refused(rawZip([...entries, { name: 'link', data: Buffer.from('/etc'), mode: 0o120777 }]))
		).toBe('symlink');
		expect(
			await refused(
				rawZip([...entries, { name: 'pad.bin', data: Buffer.alloc(15 * 1024 * 1024), deflate: true }])
			)
		).toBe('bomb');
	});

	it('the export format is what the reader reads (round trip of buildPortfolioExport)', async () => {
		await exportedPortfolio();
		const { json: file } = buildPortfolioExport(viewerOf(cast.studentA));
		expect(file.schemaVersion).toBe(1);
	});
});
