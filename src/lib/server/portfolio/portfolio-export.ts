// The student's whole portfolio as a ZIP: portfolio.json (docs/portfolio-export.md), a readable index.html
// of it, the files, and the rest of what Koers holds about them (right of access).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PassThrough, Readable } from 'node:stream';
import { existsSync } from 'node:fs';
import * as archiverModule from 'archiver';
import type { Archiver, ArchiverOptions } from 'archiver';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import type { Viewer } from '../auth/viewer';
import { COMPETENCY_SLUGS } from '../../competencies';
import { REFLECTION_PARTS } from '../../portfolio';
import { listGoals, listRatings } from './growth';
import { storedFilePath } from './attachments';
import { logger } from '../ops/logger';
import { buildMyData, type MyData, type MyDataOptions } from '../privacy/access-request';
import { ownerInfo, ownReflections } from './dossier';
import { dossierConversations, ownerOfViewer } from './dossier-content';
import { getSignoff } from './signoff';
import { renderDocument } from '../html/document';
import ExportIndex from './ExportIndex.svelte';
import { getLocale } from '$lib/paraglide/runtime';

export const EXPORT_SCHEMA_VERSION = 1;

const a = portfolio.attachment;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface ExportFile {
	path: string;
	storageKey: string;
}

/** portfolio.json (schemaVersion 1) and the list of files to put beside it. See docs/portfolio-export.md. */
export function buildPortfolioExport(viewer: Viewer, now = new Date()) {
	const reflections = ownReflections(viewer, false);
	const owner = ownerOfViewer(viewer);
	const signoff = getSignoff(viewer);
	const files = reflections.length
		? getDb()
				.select({
					id: a.id,
					reflectionId: a.reflectionId,
					fileName: a.fileName,
					mimeType: a.mimeType,
					size: a.size,
					storageKey: a.storageKey,
					createdAt: a.createdAt
				})
				.from(a)
				.where(
					and(
						eq(a.studentId, viewer.userId),
						inArray(
							a.reflectionId,
							reflections.map((x) => x.id)
						)
					)
				)
				.orderBy(asc(a.id))
				.all()
		: [];
	const toZip: ExportFile[] = files.map((f) => ({
		path: `attachments/${f.reflectionId}/${f.id}-${f.fileName}`,
		storageKey: f.storageKey
	}));
	const json = {
		schemaVersion: EXPORT_SCHEMA_VERSION,
		exportedAt: now.toISOString(),
		student: ownerInfo(viewer),
		competencies: [...COMPETENCY_SLUGS],
		reflections: reflections.map((x) => ({
			id: x.id,
			title: x.title,
			activity: { type: x.activityType, date: x.activityDate, place: x.activityPlace },
			competencies: x.competencies,
			parts: Object.fromEntries(REFLECTION_PARTS.map((p) => [p, x[p]])),
			visibility: x.visibility,
			finishedAt: iso(x.finishedAt),
			createdAt: iso(x.createdAt),
			updatedAt: iso(x.updatedAt),
			attachments: files
				.filter((f) => f.reflectionId === x.id)
				.map((f, i) => ({
					fileName: f.fileName,
					mimeType: f.mimeType,
					size: f.size,
					path: toZip[files.indexOf(f)].path,
					createdAt: iso(f.createdAt),
					order: i + 1
				}))
		})),
		selfRatings: listRatings(viewer)
			.reverse()
			.map((x) => ({ competency: x.competency, level: x.level, note: x.note, createdAt: iso(x.createdAt) })),
		goals: listGoals(viewer).map((g) => ({
			title: g.title,
			description: g.description,
			competency: g.competency,
			dueOn: g.dueOn,
			status: g.status,
			fromReflectionId: g.sourceReflectionId,
			createdAt: iso(g.createdAt),
			updatedAt: iso(g.updatedAt)
		})),
		// Since issue 19, still version 1 (only added): held conversations and this year's sign-off.
		conversations: owner
			? dossierConversations(owner).map((c) => ({
					plannedAt: c.plannedAt,
					summary: c.summary,
					confirmed: c.confirmed,
					mentor: c.mentor,
					agreements: c.agreements
				}))
			: [],
		signoff: signoff
			? {
					status: signoff.status,
					reason: signoff.reason,
					signedBy: signoff.signedBy,
					signedAt: new Date(signoff.signedAt).toISOString(),
					schoolYear: signoff.yearName
				}
			: null
	};
	return { json, files: toZip };
}
export type PortfolioExport = ReturnType<typeof buildPortfolioExport>['json'];

// archiver 8 exports ZipArchive as a named class; @types/archiver still describes the v7 factory.
const { ZipArchive } = archiverModule as unknown as {
	ZipArchive: new (options?: ArchiverOptions) => Archiver;
};

/** index.html: portfolio.json made readable, for any browser, offline, with the files beside it. */
export function exportIndexHtml(json: PortfolioExport, mine?: MyData): string {
	const locale: 'nl' | 'en' = getLocale() === 'en' ? 'en' : 'nl';
	return renderDocument(
		ExportIndex,
		{
			locale,
			exportedAt: json.exportedAt,
			student: json.student,
			reflections: json.reflections,
			selfRatings: json.selfRatings,
			goals: json.goals,
			conversations: json.conversations.map((c, i) => ({ ...c, id: i })),
			signoff: json.signoff && { ...json.signoff, signedAt: Date.parse(json.signoff.signedAt) },
			mine
		},
		locale
	);
}

/** The ZIP as a web stream: portfolio.json and index.html first, then every attachment, one at a time. */
export function portfolioZip(viewer: Viewer, options: MyDataOptions = {}): ReadableStream<Uint8Array> {
	const { json, files } = buildPortfolioExport(viewer);
	const zip = new ZipArchive({ zlib: { level: 6 } });
	const out = new PassThrough();
	zip.on('error', (err) => {
		logger.error({ err }, 'portfolio export failed');
		out.destroy(err);
	});
	zip.pipe(out);
	zip.append(JSON.stringify(json, null, 2), { name: 'portfolio.json' });
	// The rest of what Koers holds about the student (right of access); see docs/portfolio-export.md.
	const mine = buildMyData(viewer, options);
	zip.append(exportIndexHtml(json, mine), { name: 'index.html' });
	if (mine) zip.append(JSON.stringify(mine, null, 2), { name: 'mijn-gegevens.json' });
	for (const f of files) {
		// Lazily read by archiver, one file at a time, so a large portfolio does not sit in memory.
		const path = storedFilePath(f.storageKey);
		if (existsSync(path)) zip.file(path, { name: f.path });
	}
	void zip.finalize();
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
