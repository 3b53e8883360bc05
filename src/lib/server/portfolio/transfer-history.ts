// The portfolios a student brought in, and taking one back.
import { and, desc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import { canOn } from '../access';
import type { Viewer } from '../auth/viewer';
import { removeFiles } from './transfer';

export interface TransferDto {
	id: number;
	fromSchool: string;
	exportedAt: Date;
	createdAt: Date;
	reflections: number;
	goals: number;
	ratings: number;
	files: number;
}

export function listTransfers(viewer: Viewer): TransferDto[] {
	if (!canOn(viewer, 'portfolio.transfer', 'self')) return [];
	const t = portfolio.transfer;
	return getDb()
		.select({
			id: t.id,
			fromSchool: t.fromSchool,
			exportedAt: t.exportedAt,
			createdAt: t.createdAt,
			reflections: t.reflections,
			goals: t.goals,
			ratings: t.ratings,
			files: t.files
		})
		.from(t)
		.where(and(eq(t.studentId, viewer.userId), eq(t.schoolId, viewer.schoolId)))
		.orderBy(desc(t.createdAt), desc(t.id))
		.all();
}

/** Takes back one import whole, with anything added to its reflections since; false when not the viewer's. */
export function undoTransfer(viewer: Viewer, transferId: number): boolean {
	if (!canOn(viewer, 'portfolio.transfer', 'self')) return false;
	const t = portfolio.transfer;
	const a = portfolio.attachment;
	const r = portfolio.reflection;
	const db = getDb();
	const keys = db.transaction((tx) => {
		const own = tx
			.select({ id: t.id })
			.from(t)
			.where(and(eq(t.id, transferId), eq(t.studentId, viewer.userId), eq(t.schoolId, viewer.schoolId)))
			.get();
		if (!own) return undefined;
		const files = tx
			.select({ key: a.storageKey })
			.from(a)
			.innerJoin(r, eq(r.id, a.reflectionId))
			.where(eq(r.transferId, own.id))
			.all();
		// ON DELETE CASCADE takes the reflections (with their files' rows, versions and comments), the goals
		// and the self-ratings that came with it.
		tx.delete(t).where(eq(t.id, own.id)).run();
		return files.map((f) => f.key);
	});
	if (!keys) return false;
	removeFiles(keys);
	return true;
}
