// The student's own dossier: a print view of what they chose to show (visibility "dossier"), and a
// download of their whole portfolio as a ZIP with portfolio.json (docs/portfolio-export.md) and the files.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { PassThrough, Readable } from 'node:stream';
import * as archiverModule from 'archiver';
import type { Archiver, ArchiverOptions } from 'archiver';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { reflectionWriteScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import { REFLECTION_PARTS, type ActivityType, type Visibility } from '../../portfolio';
import { latestRatings, listGoals, listRatings, type GoalDto, type RatingDto } from './growth';
import { storedFilePath } from './attachments';
import { existsSync } from 'node:fs';
import { logger } from '../ops/logger';
import { buildMyData, type MyDataOptions } from '../privacy/access-request';
import { fullName } from '$lib/names';

export const EXPORT_SCHEMA_VERSION = 1;

const r = portfolio.reflection;
const rc = portfolio.reflectionCompetency;
const a = portfolio.attachment;

export interface ReflectionEntry {
	id: number;
	title: string;
	activityType: ActivityType;
	activityDate: string | null;
	activityPlace: string;
	doel: string;
	resultaat: string;
	evaluatie: string;
	vervolg: string;
	visibility: Visibility;
	competencies: CompetencySlug[];
	finishedAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
}

/** The viewer's own reflections (drafts and private ones too), with their competencies: two queries. */
function ownReflections(viewer: Viewer, onlyDossier: boolean): ReflectionEntry[] {
	const db = getDb();
	const rows = db
		.select({
			id: r.id,
			title: r.title,
			activityType: r.activityType,
			activityDate: r.activityDate,
			activityPlace: r.activityPlace,
			doel: r.doel,
			resultaat: r.resultaat,
			evaluatie: r.evaluatie,
			vervolg: r.vervolg,
			visibility: r.visibility,
			finishedAt: r.finishedAt,
			createdAt: r.createdAt,
			updatedAt: r.updatedAt
		})
		.from(r)
		.where(
			onlyDossier
				? and(reflectionWriteScope(viewer), eq(r.visibility, 'dossier'))
				: reflectionWriteScope(viewer)
		)
		.orderBy(asc(r.activityDate), asc(r.createdAt))
		.all()
		.filter((x) => !onlyDossier || x.finishedAt !== null);
	if (!rows.length) return [];
	const tags = db
		.select({ reflectionId: rc.reflectionId, competency: rc.competency })
		.from(rc)
		.where(
			inArray(
				rc.reflectionId,
				rows.map((x) => x.id)
			)
		)
		.all();
	return rows.map((x) => ({
		...x,
		competencies: COMPETENCY_SLUGS.filter((c) =>
			tags.some((t) => t.reflectionId === x.id && t.competency === c)
		)
	}));
}

function ownerInfo(viewer: Viewer) {
	const db = getDb();
	const me = db
		.select({
			givenName: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			studentNumber: core.user.studentNumber,
			school: core.school.name
		})
		.from(core.user)
		.innerJoin(core.school, eq(core.school.id, core.user.schoolId))
		.where(and(eq(core.user.id, viewer.userId), eq(core.user.schoolId, viewer.schoolId)))
		.get();
	return {
		name: me ? fullName({ ...me, familyNamePrefix: me.prefix }) : '',
		studentNumber: me?.studentNumber ?? null,
		school: me?.school ?? ''
	};
}

export interface Dossier {
	owner: { name: string; studentNumber: string | null; school: string };
	byCompetency: { competency: CompetencySlug | null; reflections: ReflectionEntry[] }[];
	goals: GoalDto[];
	ratings: (RatingDto | null)[];
	ratingHistory: RatingDto[];
}

/**
 * The print view: finished reflections the student put in their dossier, each listed once under its
 * first competency (in vmbo order), plus goals and the latest self-rating per competency.
 */
export function getDossier(viewer: Viewer): Dossier {
	const reflections = ownReflections(viewer, true);
	const groups = [...COMPETENCY_SLUGS, null].map((competency) => ({
		competency,
		reflections: reflections.filter((x) => (x.competencies[0] ?? null) === competency)
	}));
	const ratings = listRatings(viewer);
	const latest = latestRatings(ratings);
	return {
		owner: ownerInfo(viewer),
		byCompetency: groups.filter((g) => g.reflections.length > 0),
		goals: listGoals(viewer).filter((g) => g.status !== 'dropped'),
		ratings: COMPETENCY_SLUGS.map((c) => latest[c] ?? null),
		ratingHistory: ratings
	};
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

interface ExportFile {
	path: string;
	storageKey: string;
}

/** portfolio.json (schemaVersion 1) and the list of files to put beside it. See docs/portfolio-export.md. */
export function buildPortfolioExport(viewer: Viewer, now = new Date()) {
	const reflections = ownReflections(viewer, false);
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
		}))
	};
	return { json, files: toZip };
}
export type PortfolioExport = ReturnType<typeof buildPortfolioExport>['json'];

// archiver 8 exports ZipArchive as a named class; @types/archiver still describes the v7 factory.
const { ZipArchive } = archiverModule as unknown as {
	ZipArchive: new (options?: ArchiverOptions) => Archiver;
};

/** The ZIP as a web stream: portfolio.json first, then every attachment, read one at a time. */
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
	if (mine) zip.append(JSON.stringify(mine, null, 2), { name: 'mijn-gegevens.json' });
	for (const f of files) {
		// Lazily read by archiver, one file at a time, so a large portfolio does not sit in memory.
		const path = storedFilePath(f.storageKey);
		if (existsSync(path)) zip.file(path, { name: f.path });
	}
	void zip.finalize();
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
