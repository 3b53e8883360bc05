// The history of a reflection: every save leaves a row, so earlier text can always be read back.
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ReflectionContent } from '../../schemas/reflections';
import type { Viewer } from '../auth/viewer';
import { reflectionWriteScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import { reflection, reflectionVersion } from '../db/schema-portfolio';

export interface VersionSummary {
	version: number;
	title: string;
	savedAt: number;
	words: number;
}

export interface VersionDetail extends ReflectionContent {
	version: number;
	savedAt: number;
}

// History holds drafts too, so only the student themself reads it (write scope).
function ownedVersions(db: Db, viewer: Viewer, id: number) {
	return and(
		eq(reflectionVersion.reflectionId, id),
		inArray(
			reflectionVersion.reflectionId,
			db
				.select({ id: reflection.id })
				.from(reflection)
				.where(and(eq(reflection.id, id), reflectionWriteScope(viewer)))
		)
	);
}

export function listVersions(viewer: Viewer, id: number, db: Db = getDb()): VersionSummary[] {
	const rows = db
		.select({
			version: reflectionVersion.version,
			title: reflectionVersion.title,
			savedAt: reflectionVersion.savedAt,
			text: sql<string>`${reflectionVersion.doel} || ' ' || ${reflectionVersion.resultaat} || ' ' || ${reflectionVersion.evaluatie} || ' ' || ${reflectionVersion.vervolg}`
		})
		.from(reflectionVersion)
		.where(ownedVersions(db, viewer, id))
		.orderBy(desc(reflectionVersion.version))
		.all();
	return rows.map((r) => ({
		version: r.version,
		title: r.title,
		savedAt: r.savedAt.getTime(),
		words: r.text.split(/\s+/).filter(Boolean).length
	}));
}

export function getVersion(
	viewer: Viewer,
	id: number,
	version: number,
	db: Db = getDb()
): VersionDetail | undefined {
	const row = db
		.select()
		.from(reflectionVersion)
		.where(and(ownedVersions(db, viewer, id), eq(reflectionVersion.version, version)))
		.orderBy(asc(reflectionVersion.id))
		.get();
	if (!row) return undefined;
	return {
		version: row.version,
		savedAt: row.savedAt.getTime(),
		title: row.title,
		doel: row.doel,
		resultaat: row.resultaat,
		evaluatie: row.evaluatie,
		vervolg: row.vervolg,
		visibility: row.visibility,
		competencies: row.competencies.filter((c): c is CompetencySlug =>
			(COMPETENCY_SLUGS as readonly string[]).includes(c)
		)
	};
}
