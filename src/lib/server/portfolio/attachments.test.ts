import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createTestDb, makeCast, viewerOf } from '../testing';
import * as portfolio from '../db/schema-portfolio';
import type { Db } from '../db';
import {
	addAttachment,
	deleteAttachment,
	listAttachments,
	MAX_ATTACHMENTS_PER_REFLECTION,
	readAttachment,
	safeFileName,
	sniffType,
	stripImage
} from './attachments';

let dir: string;
let db: Db;
let cast: ReturnType<typeof makeCast>;

// Small test files made in code: a JPEG that carries EXIF (camera and copyright), a PNG, a WebP, a PDF.
async function jpegWithExif(): Promise<Buffer> {
	return sharp({ create: { width: 32, height: 24, channels: 3, background: '#c05b00' } })
		.jpeg()
		.withExif({ IFD0: { Make: 'TestCam', Copyright: 'Sanne', ImageDescription: 'Thuis, Dorpsstraat 1' } })
		.toBuffer();
}
const png = () =>
	sharp({ create: { width: 8, height: 8, channels: 4, background: '#0b5e6b' } })
		.png()
		.toBuffer();
const webp = () =>
	sharp({ create: { width: 8, height: 8, channels: 3, background: '#ffd166' } })
		.webp()
		.toBuffer();
const pdf = () =>
	Buffer.from(
		'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n'
	);

function reflection(studentId: number, values: Partial<typeof portfolio.reflection.$inferInsert> = {}) {
	return db
		.insert(portfolio.reflection)
		.values({ schoolId: cast.schoolA.schoolId, studentId, activityType: 'stage', ...values })
		.returning({ id: portfolio.reflection.id })
		.get().id;
}

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-uploads-'));
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

describe('type sniffing', () => {
	it('goes by the bytes, not the name', async () => {
		expect(await sniffType(await jpegWithExif())).toBe('image/jpeg');
		expect(await sniffType(await png())).toBe('image/png');
		expect(await sniffType(await webp())).toBe('image/webp');
		expect(await sniffType(pdf())).toBe('application/pdf');
		expect(await sniffType(Buffer.from('<html><script>alert(1)</script></html>'))).toBeUndefined();
		expect(await sniffType(Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'))).toBeUndefined();
	});
});

describe('EXIF stripping', () => {
	it('re-encodes a photo without its metadata', async () => {
		const original = await jpegWithExif();
		expect((await sharp(original).metadata()).exif).toBeDefined();
		const clean = await stripImage(original, 'image/jpeg');
		const meta = await sharp(clean).metadata();
		expect(meta.exif).toBeUndefined();
		expect(meta.format).toBe('jpeg');
		expect(clean.includes(Buffer.from('TestCam'))).toBe(false);
		expect(clean.includes(Buffer.from('Dorpsstraat'))).toBe(false);
	});

	// Making a real 41-megapixel PNG takes seconds on a busy machine: the timeout matches that work.
	it('refuses a pixel bomb before decoding it', { timeout: 60_000 }, async () => {
		const bomb = await sharp({ create: { width: 6400, height: 6400, channels: 3, background: '#fff' } })
			.png({ compressionLevel: 1 })
			.toBuffer();
		await expect(stripImage(bomb, 'image/png')).rejects.toThrow(/pixel limit/);
		const r = reflection(cast.studentA);
		expect(await addAttachment(viewerOf(cast.studentA), r, { name: 'bom.png', bytes: bomb })).toEqual({
			ok: false,
			reason: 'unreadable'
		});
	});
});

describe('uploads', () => {
	it('stores a clean photo under a random key and serves it to the student and, once shared, the mentor', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA, { visibility: 'mentor' });
		const res = await addAttachment(me, r, { name: '../../etc/IMG_0001.JPG', bytes: await jpegWithExif() });
		expect(res).toMatchObject({ ok: true });
		const id = (res as { id: number }).id;
		expect(listAttachments(me, r)).toMatchObject([{ id, fileName: 'IMG_0001.jpg', mimeType: 'image/jpeg' }]);
		const stored = readdirSync(dir);
		expect(stored.some((f) => f.includes('IMG'))).toBe(false);
		const file = readAttachment(me, id);
		expect((await sharp(file!.bytes).metadata()).exif).toBeUndefined();

		// A draft is not the mentor's to see yet; once finished and shared it is.
		expect(readAttachment(viewerOf(cast.mentor), id)).toBeUndefined();
		db.update(portfolio.reflection).set({ finishedAt: new Date() }).run();
		expect(readAttachment(viewerOf(cast.mentor), id)?.mimeType).toBe('image/jpeg');
		expect(readAttachment(viewerOf(cast.otherMentor), id)).toBeUndefined();
		expect(readAttachment(viewerOf(cast.studentB), id)).toBeUndefined();
		expect(readAttachment(viewerOf(cast.coordinator), id)).toBeUndefined();
		db.update(portfolio.reflection).set({ visibility: 'private' }).run();
		expect(readAttachment(viewerOf(cast.mentor), id)).toBeUndefined();
	});

	it('refuses a fake .jpg, an empty file, an oversized file and an 11th file', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA);
		const fake = Buffer.from('dit is geen foto maar tekst');
		expect(await addAttachment(me, r, { name: 'foto.jpg', bytes: fake })).toEqual({
			ok: false,
			reason: 'wrong_type'
		});
		expect(await addAttachment(me, r, { name: 'leeg.jpg', bytes: new Uint8Array() })).toEqual({
			ok: false,
			reason: 'empty'
		});
		const big = new Uint8Array(10 * 1024 * 1024 + 1);
		big.set(await png());
		expect(await addAttachment(me, r, { name: 'groot.png', bytes: big })).toEqual({
			ok: false,
			reason: 'too_big'
		});
		for (let i = 0; i < MAX_ATTACHMENTS_PER_REFLECTION; i++)
			expect(await addAttachment(me, r, { name: `${i}.pdf`, bytes: pdf() })).toMatchObject({ ok: true });
		expect(await addAttachment(me, r, { name: 'elf.pdf', bytes: pdf() })).toEqual({
			ok: false,
			reason: 'too_many'
		});
		expect(listAttachments(me, r)).toHaveLength(MAX_ATTACHMENTS_PER_REFLECTION);
	});

	it("is undefined on another student's reflection, and deletes only one's own", async () => {
		const theirs = reflection(cast.studentB);
		expect(
			await addAttachment(viewerOf(cast.studentA), theirs, { name: 'x.png', bytes: await png() })
		).toBeUndefined();
		const res = await addAttachment(viewerOf(cast.studentB), theirs, { name: 'x.webp', bytes: await webp() });
		const id = (res as { id: number }).id;
		expect(deleteAttachment(viewerOf(cast.studentA), theirs, id)).toBe(false);
		expect(deleteAttachment(viewerOf(cast.mentor), theirs, id)).toBe(false);
		const before = readdirSync(dir).length;
		expect(deleteAttachment(viewerOf(cast.studentB), theirs, id)).toBe(true);
		expect(readdirSync(dir).length).toBe(before - 1);
		expect(readAttachment(viewerOf(cast.studentB), id)).toBeUndefined();
		expect(existsSync(dir)).toBe(true);
	});

	it('keeps file names readable and harmless', () => {
		expect(safeFileName('C:\\Users\\x\\Certificaat "stage".PDF', 'application/pdf')).toBe(
			'Certificaat stage.pdf'
		);
		expect(safeFileName('...', 'image/png')).toBe('bestand.png');
		expect(safeFileName('foto.exe', 'image/jpeg')).toBe('foto.jpg');
	});
});
