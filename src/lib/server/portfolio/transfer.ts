// Doorstroom: a student brings their previous school's portfolio ZIP in, checked as hostile input throughout.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import { canOn } from '../access';
import type { Viewer } from '../auth/viewer';
import {
	IMAGE_TYPES,
	MAX_ATTACHMENT_BYTES,
	safeFileName,
	sniffType,
	stripImage,
	uploadsPath
} from './attachments';
import { openSafeZip, ZipRefused, type ZipContents, type ZipLimits, type ZipProblem } from './zip-reader';
import { writeTransfer, type StoredFile } from './transfer-write';
import { portfolioExportSchema, type PortfolioFile } from '../../schemas/transfer';
import { logger } from '../ops/logger';

/** The largest ZIP the form takes (the request body limit in hooks.server.ts follows it). */
export const MAX_TRANSFER_ZIP_BYTES = 50 * 1024 * 1024;

export const TRANSFER_ZIP_LIMITS: ZipLimits = {
	maxEntries: 25_000,
	maxEntryBytes: Math.max(MAX_ATTACHMENT_BYTES, 20 * 1024 * 1024),
	maxTotalBytes: 400 * 1024 * 1024,
	maxRatio: 100
};

export type TransferProblem =
	| ZipProblem
	| 'empty'
	| 'zip_too_big'
	| 'no_portfolio'
	| 'not_json'
	| 'wrong_version'
	| 'invalid'
	| 'missing_file'
	| 'bad_file'
	| 'already_imported';

export type TransferResult =
	| { ok: true; transferId: number; reflections: number; goals: number; ratings: number; files: number }
	| { ok: false; reason: TransferProblem };

const fail = (reason: TransferProblem): TransferResult => ({ ok: false, reason });

/** portfolio.json parsed and checked: the version first, so a newer format gets its own message. */
function parsePortfolio(bytes: Buffer): PortfolioFile | TransferProblem {
	let raw: unknown;
	try {
		raw = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
	} catch {
		return 'not_json';
	}
	const version = (raw as { schemaVersion?: unknown } | null)?.schemaVersion;
	if (version !== 1) return 'wrong_version';
	const parsed = portfolioExportSchema.safeParse(raw);
	return parsed.success ? parsed.data : 'invalid';
}

/** Checks every file the portfolio names and stores it under a random key; undone by the caller on failure. */
async function storeFiles(
	zip: ZipContents,
	file: PortfolioFile,
	written: string[]
): Promise<StoredFile[] | TransferProblem> {
	const stored: StoredFile[] = [];
	const dir = uploadsPath();
	mkdirSync(dir, { recursive: true });
	for (const r of file.reflections) {
		for (const att of r.attachments) {
			const bytes = await zip.read(att.path);
			if (!bytes) return 'missing_file';
			if (bytes.byteLength === 0 || bytes.byteLength > MAX_ATTACHMENT_BYTES) return 'bad_file';
			const type = await sniffType(bytes);
			if (!type || type !== att.mimeType) return 'bad_file';
			let out: Uint8Array = bytes;
			if ((IMAGE_TYPES as readonly string[]).includes(type)) {
				try {
					out = await stripImage(bytes, type as (typeof IMAGE_TYPES)[number]);
				} catch {
					return 'bad_file';
				}
			}
			const storageKey = randomBytes(18).toString('base64url');
			writeFileSync(join(dir, storageKey), out, { flag: 'wx' });
			written.push(storageKey);
			stored.push({
				reflectionId: r.id,
				fileName: safeFileName(att.fileName, type),
				mimeType: type,
				size: out.byteLength,
				storageKey,
				createdAt: att.createdAt
			});
		}
	}
	return stored;
}

export function removeFiles(keys: string[]): void {
	for (const key of keys) rmSync(join(uploadsPath(), key), { force: true });
}

/** Undefined when the viewer may not bring a portfolio in (only a student, into their own account). */
export async function importTransfer(
	viewer: Viewer,
	zipBytes: Buffer,
	options: { keepVisibility: boolean }
): Promise<TransferResult | undefined> {
	if (!canOn(viewer, 'portfolio.transfer', 'self')) return undefined;
	if (zipBytes.byteLength === 0) return fail('empty');
	if (zipBytes.byteLength > MAX_TRANSFER_ZIP_BYTES) return fail('zip_too_big');
	let zip: ZipContents;
	try {
		zip = await openSafeZip(zipBytes, TRANSFER_ZIP_LIMITS);
	} catch (err) {
		if (err instanceof ZipRefused) {
			logger.info({ reason: err.reason, message: err.message }, 'transfer zip refused');
			return fail(err.reason);
		}
		throw err;
	}
	const written: string[] = [];
	try {
		const json = await zip.read('portfolio.json');
		if (!json) return fail('no_portfolio');
		const file = parsePortfolio(json);
		if (typeof file === 'string') return fail(file);
		const contentHash = createHash('sha256').update(json).digest('hex');
		if (findTransfer(viewer, contentHash)) return fail('already_imported');
		const files = await storeFiles(zip, file, written);
		if (typeof files === 'string') {
			removeFiles(written);
			return fail(files);
		}
		const transferId = writeTransfer(viewer, file, files, contentHash, options.keepVisibility);
		if (transferId === undefined) {
			removeFiles(written);
			return fail('already_imported');
		}
		return {
			ok: true,
			transferId,
			reflections: file.reflections.length,
			goals: file.goals.length,
			ratings: file.selfRatings.length,
			files: files.length
		};
	} catch (err) {
		removeFiles(written);
		if (err instanceof ZipRefused) return fail(err.reason);
		throw err;
	} finally {
		zip.close();
	}
}

function findTransfer(viewer: Viewer, contentHash: string) {
	const t = portfolio.transfer;
	return getDb()
		.select({ id: t.id })
		.from(t)
		.where(and(eq(t.studentId, viewer.userId), eq(t.contentHash, contentHash)))
		.get();
}
