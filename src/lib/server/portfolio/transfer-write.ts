// The rows a brought-in portfolio becomes, in one transaction once its files are stored (transfer.ts).
import { getDb, inTransaction } from '../db';
import * as portfolio from '../db/schema-portfolio';
import type { Viewer } from '../auth/viewer';
import type { PortfolioFile } from '../../schemas/transfer';
import { REFLECTION_PARTS } from '../../portfolio';

/** A file from the ZIP, checked and stored under its key, waiting for its row. */
export interface StoredFile {
	reflectionId: number;
	fileName: string;
	mimeType: string;
	size: number;
	storageKey: string;
	createdAt: Date;
}

/**
 * One transaction: the transfer row, then everything that came with it. Undefined if it was already in.
 * Only for importTransfer, which has checked portfolio.transfer: everything goes to the viewer's own file.
 */
export function writeTransfer(
	viewer: Viewer,
	file: PortfolioFile,
	files: StoredFile[],
	contentHash: string,
	keepVisibility: boolean
): number | undefined {
	const { schoolId, userId: studentId } = viewer;
	return inTransaction(getDb(), (db) => {
		const t = portfolio.transfer;
		const made = db
			.insert(t)
			.values({
				schoolId,
				studentId,
				fromSchool: file.student.school.trim() || '?',
				exportedAt: file.exportedAt,
				contentHash,
				reflections: file.reflections.length,
				goals: file.goals.length,
				ratings: file.selfRatings.length,
				files: files.length
			})
			.onConflictDoNothing()
			.returning({ id: t.id })
			.get();
		if (!made) return undefined;
		const transferId = made.id;
		const newId = new Map<number, number>();
		for (const r of file.reflections) {
			const content = {
				title: r.title,
				...Object.fromEntries(REFLECTION_PARTS.map((p) => [p, r.parts[p]])),
				visibility: keepVisibility ? r.visibility : ('private' as const)
			} as {
				title: string;
				doel: string;
				resultaat: string;
				evaluatie: string;
				vervolg: string;
				visibility: 'private' | 'mentor' | 'dossier';
			};
			const row = db
				.insert(portfolio.reflection)
				.values({
					schoolId,
					studentId,
					activityType: r.activity.type,
					activityDate: r.activity.date,
					activityPlace: r.activity.place,
					...content,
					finishedAt: r.finishedAt,
					createdAt: r.createdAt,
					updatedAt: r.updatedAt,
					transferId
				})
				.returning({ id: portfolio.reflection.id })
				.get();
			newId.set(r.id, row.id);
			if (r.competencies.length)
				db.insert(portfolio.reflectionCompetency)
					.values(
						[...new Set(r.competencies)].map((competency) => ({ reflectionId: row.id, schoolId, competency }))
					)
					.run();
			db.insert(portfolio.reflectionVersion)
				.values({
					reflectionId: row.id,
					schoolId,
					version: 1,
					...content,
					competencies: [...new Set(r.competencies)],
					kind: 'save',
					savedAt: r.updatedAt
				})
				.run();
		}
		if (files.length)
			db.insert(portfolio.attachment)
				.values(
					files.map((f) => ({
						schoolId,
						studentId,
						reflectionId: newId.get(f.reflectionId)!,
						fileName: f.fileName,
						mimeType: f.mimeType,
						size: f.size,
						storageKey: f.storageKey,
						createdAt: f.createdAt
					}))
				)
				.run();
		for (const g of file.goals)
			db.insert(portfolio.goal)
				.values({
					schoolId,
					studentId,
					competency: g.competency,
					title: g.title,
					description: g.description,
					dueOn: g.dueOn,
					status: g.status,
					// A goal that names a reflection not in the file simply loses the link.
					sourceReflectionId: g.fromReflectionId === null ? null : (newId.get(g.fromReflectionId) ?? null),
					createdBy: studentId,
					createdAt: g.createdAt,
					updatedAt: g.updatedAt,
					transferId
				})
				.run();
		if (file.selfRatings.length)
			db.insert(portfolio.selfRating)
				.values(
					file.selfRatings.map((s) => ({
						schoolId,
						studentId,
						competency: s.competency,
						level: s.level,
						note: s.note,
						createdAt: s.createdAt,
						transferId
					}))
				)
				.run();
		return transferId;
	});
}
