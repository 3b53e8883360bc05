// Evidence on a reflection: photos and PDFs. A file's type is decided by its bytes, never by its name;
// photos are re-encoded so their EXIF data (location, camera, time) is gone; files live outside the web
// root under a random key and are served only through the reflection's read scope.
import { and, count, desc, eq } from 'drizzle-orm';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import { reflectionReadScope, reflectionWriteScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { logger } from '../ops/logger';

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_REFLECTION = 10;
// 40 megapixels: more than any phone photo, far less than a decompression bomb needs.
const MAX_INPUT_PIXELS = 40_000_000;

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;
export const ACCEPTED_TYPES = [...IMAGE_TYPES, 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

export function uploadsPath(): string {
	return resolve(process.env.UPLOADS_PATH ?? './data/uploads');
}

/** The accepted type these bytes really are, or undefined (whatever the file name says). */
export async function sniffType(bytes: Uint8Array): Promise<AcceptedType | undefined> {
	const found = await fileTypeFromBuffer(bytes);
	return ACCEPTED_TYPES.find((t) => t === found?.mime);
}

function isImage(type: AcceptedType): type is (typeof IMAGE_TYPES)[number] {
	return (IMAGE_TYPES as readonly string[]).includes(type);
}

/**
 * A photo decoded and encoded again: sharp writes no metadata unless asked, so EXIF, GPS and XMP are
 * dropped. rotate() first bakes the EXIF orientation into the pixels so the photo stays upright.
 */
export async function stripImage(bytes: Uint8Array, type: (typeof IMAGE_TYPES)[number]): Promise<Buffer> {
	const img = sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' }).rotate();
	if (type === 'image/png') return img.png().toBuffer();
	if (type === 'image/webp') return img.webp({ quality: 85 }).toBuffer();
	return img.jpeg({ quality: 85, mozjpeg: true }).toBuffer();
}

export interface AttachmentDto {
	id: number;
	fileName: string;
	mimeType: string;
	size: number;
	createdAt: Date;
}

export type UploadResult =
	| { ok: true; id: number }
	| { ok: false; reason: 'empty' | 'too_big' | 'wrong_type' | 'unreadable' | 'too_many' };

const a = portfolio.attachment;
const r = portfolio.reflection;

/** A reflection the viewer may add evidence to, or undefined (missing or not theirs look the same). */
export function getWritableReflection(viewer: Viewer, reflectionId: number) {
	return getDb()
		.select({ id: r.id, title: r.title, activityType: r.activityType })
		.from(r)
		.where(and(eq(r.id, reflectionId), reflectionWriteScope(viewer)))
		.get();
}

export function listAttachments(viewer: Viewer, reflectionId: number): AttachmentDto[] {
	return getDb()
		.select({ id: a.id, fileName: a.fileName, mimeType: a.mimeType, size: a.size, createdAt: a.createdAt })
		.from(a)
		.innerJoin(r, eq(r.id, a.reflectionId))
		.where(and(eq(a.reflectionId, reflectionId), reflectionReadScope(viewer)))
		.orderBy(desc(a.createdAt), desc(a.id))
		.all();
}

/** Names stay readable but cannot carry paths or control characters into a header or a ZIP. */
export function safeFileName(name: string, type: AcceptedType): string {
	const ext = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp', 'application/pdf': 'pdf' }[
		type
	];
	const base = (name.split(/[\\/]/).pop() ?? '')
		.replace(/\.[^.]*$/, '')
		// Control characters, and format characters: a right-to-left override would make "fotogpj.exe"
		// read as "fotoexe.jpg", zero-width marks hide text. Lone surrogates become U+FFFD.
		.toWellFormed()
		.replace(/[\p{Cc}\p{Cf}"<>|:*?]/gu, '')
		// No hidden files and no "..": leading dots go.
		.replace(/^[.\s]+/, '')
		.trim();
	// Cut by code point, not UTF-16 unit: half an emoji would make encodeURIComponent throw in the header.
	const short = Array.from(base).slice(0, 80).join('').trim();
	return `${short || 'bestand'}.${ext}`;
}

/** Undefined when the reflection is not the viewer's own to edit. */
export async function addAttachment(
	viewer: Viewer,
	reflectionId: number,
	file: { name: string; bytes: Uint8Array }
): Promise<UploadResult | undefined> {
	const target = getWritableReflection(viewer, reflectionId);
	if (!target) return undefined;
	if (file.bytes.byteLength === 0) return { ok: false, reason: 'empty' };
	if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_big' };
	if (countAttachments(reflectionId) >= MAX_ATTACHMENTS_PER_REFLECTION)
		return { ok: false, reason: 'too_many' };
	const type = await sniffType(file.bytes);
	if (!type) return { ok: false, reason: 'wrong_type' };
	let stored: Uint8Array = file.bytes;
	if (isImage(type)) {
		try {
			stored = await stripImage(file.bytes, type);
		} catch (err) {
			logger.info({ err, reflectionId }, 'image could not be re-encoded');
			return { ok: false, reason: 'unreadable' };
		}
	}
	const storageKey = randomBytes(18).toString('base64url');
	const dir = uploadsPath();
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, storageKey), stored, { flag: 'wx' });
	// The count is checked again inside the transaction: two uploads at once cannot pass the limit.
	let id: number | undefined;
	try {
		id = getDb().transaction((tx) => {
			const [{ n }] = tx.select({ n: count() }).from(a).where(eq(a.reflectionId, reflectionId)).all();
			if (n >= MAX_ATTACHMENTS_PER_REFLECTION) return undefined;
			return tx
				.insert(a)
				.values({
					schoolId: viewer.schoolId,
					studentId: viewer.userId,
					reflectionId,
					fileName: safeFileName(file.name, type),
					mimeType: type,
					size: stored.byteLength,
					storageKey
				})
				.returning({ id: a.id })
				.get().id;
		});
	} catch (err) {
		// No orphan file when the row could not be written.
		rmSync(join(dir, storageKey), { force: true });
		throw err;
	}
	if (id === undefined) {
		rmSync(join(dir, storageKey), { force: true });
		return { ok: false, reason: 'too_many' };
	}
	return { ok: true, id };
}

function countAttachments(reflectionId: number): number {
	return getDb().select({ n: count() }).from(a).where(eq(a.reflectionId, reflectionId)).get()?.n ?? 0;
}

/** False when the attachment is not on a reflection the viewer may edit. */
export function deleteAttachment(viewer: Viewer, reflectionId: number, attachmentId: number): boolean {
	const db = getDb();
	const row = db
		.select({ id: a.id, storageKey: a.storageKey })
		.from(a)
		.innerJoin(r, eq(r.id, a.reflectionId))
		.where(and(eq(a.id, attachmentId), eq(a.reflectionId, reflectionId), reflectionWriteScope(viewer)))
		.get();
	if (!row) return false;
	db.delete(a).where(eq(a.id, row.id)).run();
	rmSync(join(uploadsPath(), row.storageKey), { force: true });
	return true;
}

export interface StoredFile {
	/** Whose evidence it is: a view by anyone else goes into the audit log. */
	studentId: number;
	fileName: string;
	mimeType: AcceptedType;
	bytes: Buffer;
}

/** The file, if the viewer may read its reflection (the student; a mentor once shared and finished). */
export function readAttachment(viewer: Viewer, attachmentId: number): StoredFile | undefined {
	const row = getDb()
		.select({ studentId: a.studentId, fileName: a.fileName, mimeType: a.mimeType, storageKey: a.storageKey })
		.from(a)
		.innerJoin(r, eq(r.id, a.reflectionId))
		.where(and(eq(a.id, attachmentId), reflectionReadScope(viewer)))
		.get();
	return row ? readStoredFile(row, attachmentId) : undefined;
}

/** The bytes of a row the caller already read through a scope (or a share link's part). */
export function readStoredFile(
	row: { studentId: number; fileName: string; mimeType: string; storageKey: string },
	attachmentId: number
): StoredFile | undefined {
	const mimeType = ACCEPTED_TYPES.find((t) => t === row.mimeType);
	if (!mimeType) return undefined;
	try {
		return {
			studentId: row.studentId,
			fileName: row.fileName,
			mimeType,
			bytes: readFileSync(join(uploadsPath(), row.storageKey))
		};
	} catch (err) {
		logger.error({ err, attachmentId }, 'attachment file missing');
		return undefined;
	}
}

/** Where a stored file lives; only for rows the caller already read through a scope. */
export function storedFilePath(storageKey: string): string {
	return join(uploadsPath(), storageKey);
}
