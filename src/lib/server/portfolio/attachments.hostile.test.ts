// Hostile uploads: polyglots, script-carrying images, a decompression bomb that is tiny on disk, and file
// names built to climb directories, break headers or fool the eye.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { createTestDb, makeCast, viewerOf } from '../testing';
import * as portfolio from '../db/schema-portfolio';
import { addAttachment, readAttachment, safeFileName, sniffType } from './attachments';

let dir: string;
let cast: ReturnType<typeof makeCast>;
let db: ReturnType<typeof createTestDb>;

function reflection(studentId: number) {
	return db
		.insert(portfolio.reflection)
		.values({ schoolId: cast.schoolA.schoolId, studentId, activityType: 'stage' })
		.returning({ id: portfolio.reflection.id })
		.get().id;
}

function chunk(type: string, data: Buffer): Buffer {
	const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}

/** A valid PNG header claiming width × height pixels, with a few bytes of image data: tiny on disk. */
function pngClaiming(width: number, height: number): Buffer {
	const ihdr = Buffer.alloc(13);
	ihdr.writeUInt32BE(width, 0);
	ihdr.writeUInt32BE(height, 4);
	ihdr.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
	return Buffer.concat([
		Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		chunk('IHDR', ihdr),
		chunk('IDAT', deflateSync(Buffer.alloc(1024))),
		chunk('IEND', Buffer.alloc(0))
	]);
}

const SCRIPT = '<html><body><script>alert(document.domain)</script></body></html>';

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-hostile-'));
	process.env.UPLOADS_PATH = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.UPLOADS_PATH;
});
beforeEach(() => {
	for (const f of readdirSync(dir)) rmSync(join(dir, f));
	db = createTestDb();
	cast = makeCast();
});

describe('hostile uploads', () => {
	it('refuses a 20,000 × 20,000-pixel PNG quickly, without decoding it', async () => {
		const bomb = pngClaiming(20_000, 20_000);
		expect(bomb.byteLength).toBeLessThan(2048);
		expect(await sniffType(bomb)).toBe('image/png');
		const rssBefore = process.memoryUsage().rss;
		const started = performance.now();
		const res = await addAttachment(viewerOf(cast.studentA), reflection(cast.studentA), {
			name: 'bom.png',
			bytes: bomb
		});
		expect(res).toEqual({ ok: false, reason: 'unreadable' });
		expect(performance.now() - started).toBeLessThan(2000);
		// Decoding would need 1.2 GB; the header check refuses before any pixel buffer exists.
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(200 * 1024 * 1024);
		expect(readdirSync(dir)).toEqual([]);
	});

	it('refuses SVG with script, HTML named .jpg, a GIF/JS polyglot and a GIFAR', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA);
		const svg = `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>`;
		const gifJs = Buffer.from(`GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=1;alert(1);//;`, 'latin1');
		const gifar = Buffer.concat([
			Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
			Buffer.from([0x50, 0x4b, 0x03, 0x04]),
			Buffer.alloc(64)
		]);
		const files: [string, Buffer][] = [
			['foto.svg', Buffer.from(svg)],
			['foto.jpg', Buffer.from(svg)],
			['foto.jpg', Buffer.from(SCRIPT)],
			['foto.png', Buffer.from(`\uFEFF${SCRIPT}`)],
			['foto.gif', gifJs],
			['foto.jpg', gifar]
		];
		for (const [name, bytes] of files)
			expect(await addAttachment(me, r, { name, bytes }), name).toEqual({ ok: false, reason: 'wrong_type' });
		expect(readdirSync(dir)).toEqual([]);
	});

	it('drops script appended to a real photo (JPEG/HTML polyglot) by re-encoding it', async () => {
		const photo = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#123456' } })
			.jpeg()
			.toBuffer();
		const polyglot = Buffer.concat([photo, Buffer.from(SCRIPT)]);
		const me = viewerOf(cast.studentA);
		const res = await addAttachment(me, reflection(cast.studentA), { name: 'x.jpg', bytes: polyglot });
		expect(res).toMatchObject({ ok: true });
		const stored = readAttachment(me, (res as { id: number }).id)!;
		expect(stored.mimeType).toBe('image/jpeg');
		expect(stored.bytes.includes(Buffer.from('<script'))).toBe(false);
	});

	it('keeps a PDF carrying HTML and JavaScript as a PDF (served only as a download)', async () => {
		const pdf = Buffer.from(
			`%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R/OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n${SCRIPT}\ntrailer<</Root 1 0 R>>\n%%EOF\n`
		);
		const me = viewerOf(cast.studentA);
		const res = await addAttachment(me, reflection(cast.studentA), { name: 'x.html', bytes: pdf });
		const stored = readAttachment(me, (res as { id: number }).id)!;
		expect(stored).toMatchObject({ mimeType: 'application/pdf', fileName: 'x.pdf' });
	});

	it('never lets a file name choose where the file is stored', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA);
		const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#fff' } })
			.png()
			.toBuffer();
		for (const name of [
			'../../../../tmp/evil.png',
			'..\\..\\evil.png',
			'/etc/passwd',
			'a\u0000.png',
			'.htaccess'
		])
			expect(await addAttachment(me, r, { name, bytes: png })).toMatchObject({ ok: true });
		const stored = readdirSync(dir);
		expect(stored).toHaveLength(5);
		for (const key of stored) expect(key).toMatch(/^[A-Za-z0-9_-]{24}$/);
		expect(readFileSync(join(dir, stored[0])).byteLength).toBeGreaterThan(0);
	});

	it('makes every name a short, well-formed, single path segment', () => {
		const cases: [string, string][] = [
			['../../etc/passwd', 'passwd.pdf'],
			['..\\..\\boot.ini', 'boot.pdf'],
			['a\u0000b\u0007c.pdf', 'abc.pdf'],
			['regel\r\nSet-Cookie: x=1.pdf', 'regelSet-Cookie x=1.pdf'],
			// Right-to-left override: "fotogpj.exe" would show as "fotoexe.jpg"; zero-width marks hide text.
			['foto\u202Egpj.exe', 'fotogpj.pdf'],
			['a\u200Bb\u2066c\uFEFF.pdf', 'abc.pdf'],
			['   ', 'bestand.pdf']
		];
		for (const [input, want] of cases) expect(safeFileName(input, 'application/pdf'), input).toBe(want);
		// 79 letters and an emoji: a cut by UTF-16 units would leave half a surrogate pair behind.
		const long = safeFileName(`${'a'.repeat(79)}😀😀.pdf`, 'application/pdf');
		expect(long.isWellFormed()).toBe(true);
		expect(() => encodeURIComponent(long)).not.toThrow();
		expect(Array.from(safeFileName('x'.repeat(5000), 'image/png')).length).toBeLessThanOrEqual(84);
	});
});
