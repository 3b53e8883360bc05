// Writing reflections: drafts, saves with their version history, and "Klaar". A reflection is only Klaar
// with all four C2 parts and a competency (DOMAIN.md §2); a refused Klaar still keeps every word typed.
import { and, desc, eq, sql } from 'drizzle-orm';
import type { ActivityType, Visibility } from '../../portfolio';
import { missingForFinish, type FinishGap } from '../../reflection-draft';
import type { ReflectionContent } from '../../schemas/reflections';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { reflectionWriteScope } from '../access-scopes/reflections';
import { getPlannedActivity } from '../school/activities';
import { getDb, inTransaction, type Db } from '../db';
import { groupCommit } from '../db/group-commit';
import { reflection, reflectionCompetency, reflectionVersion } from '../db/schema-portfolio';
import { findDetail, type ReflectionDetail } from './reflections';

export type { FinishGap };

// Autosaves within this window refine the same history row (see recordVersion).
const AUTOSAVE_SESSION_MS = 10 * 60 * 1000;

export type SaveResult =
	| {
			ok: true;
			version: number;
			updatedAt: number;
			finished: boolean;
			/** Why "Klaar" was refused; empty when it was not asked or when it worked. */
			missing: FinishGap[];
	  }
	| { ok: false; reason: 'conflict'; current: ReflectionDetail }
	| { ok: false; reason: 'missing' };

export type FinishResult =
	{ ok: true } | { ok: false; reason: 'missing' } | { ok: false; reason: 'incomplete'; missing: FinishGap[] };

export interface NewReflection {
	activityId?: number;
	activityType?: ActivityType;
	activityDate?: string;
	activityPlace?: string;
	title?: string;
}

function recordVersion(
	db: Db,
	row: { id: number; schoolId: number; version: number },
	content: ReflectionContent,
	kind: 'save' | 'autosave'
): void {
	const values = {
		version: row.version,
		title: content.title,
		doel: content.doel,
		resultaat: content.resultaat,
		evaluatie: content.evaluatie,
		vervolg: content.vervolg,
		visibility: content.visibility,
		competencies: [...content.competencies],
		kind,
		savedAt: new Date()
	};
	if (kind === 'autosave') {
		const last = db
			.select({ id: reflectionVersion.id, kind: reflectionVersion.kind, savedAt: reflectionVersion.savedAt })
			.from(reflectionVersion)
			.where(eq(reflectionVersion.reflectionId, row.id))
			.orderBy(desc(reflectionVersion.version))
			.get();
		if (last?.kind === 'autosave' && Date.now() - last.savedAt.getTime() < AUTOSAVE_SESSION_MS) {
			db.update(reflectionVersion).set(values).where(eq(reflectionVersion.id, last.id)).run();
			return;
		}
	}
	db.insert(reflectionVersion)
		.values({ ...values, reflectionId: row.id, schoolId: row.schoolId })
		.run();
}

export interface Experience {
	activityId: number | null;
	activityType: ActivityType;
	activityDate: string | null;
	activityPlace: string;
	title: string;
}

/** What a reflection is about: a planned activity of the student's, or what they typed; undefined if not theirs. */
export function resolveExperience(
	viewer: Viewer,
	input: NewReflection,
	db: Db = getDb()
): Experience | undefined {
	if (input.activityId === undefined)
		return {
			activityId: null,
			activityType: input.activityType ?? 'anders',
			activityDate: input.activityDate || null,
			activityPlace: input.activityPlace ?? '',
			title: input.title ?? ''
		};
	const planned = getPlannedActivity(viewer, input.activityId, db);
	if (!planned) return undefined;
	return {
		activityId: planned.id,
		activityType: planned.type,
		activityDate: planned.date,
		activityPlace: planned.place,
		title: planned.title
	};
}

/** Starts a draft about a planned activity or the student's own experience; undefined if not allowed. */
export function createReflection(viewer: Viewer, input: NewReflection, db: Db = getDb()): number | undefined {
	if (!canOn(viewer, 'reflection.write', 'self')) return undefined;
	const experience = resolveExperience(viewer, input, db);
	if (!experience) return undefined;
	return inTransaction(db, (tx) => {
		const created = tx
			.insert(reflection)
			.values({ ...experience, schoolId: viewer.schoolId, studentId: viewer.userId })
			.returning({ id: reflection.id })
			.get();
		const content: ReflectionContent = {
			title: experience.title,
			doel: '',
			resultaat: '',
			evaluatie: '',
			vervolg: '',
			visibility: 'mentor',
			competencies: []
		};
		recordVersion(tx, { id: created.id, schoolId: viewer.schoolId, version: 1 }, content, 'save');
		return created.id;
	});
}

/**
 * Saves the text if nobody saved since baseVersion. A stale save is never applied: it returns the server
 * copy so the student can compare and choose. Every save leaves a version row.
 */
export function saveReflection(
	viewer: Viewer,
	id: number,
	baseVersion: number,
	content: ReflectionContent,
	options: { kind?: 'save' | 'autosave'; finish?: boolean } = {},
	db: Db = getDb()
): SaveResult {
	const gaps = missingForFinish(content);
	return inTransaction(db, (tx) => {
		const now = new Date();
		const before = tx
			.select({ finishedAt: reflection.finishedAt })
			.from(reflection)
			.where(and(eq(reflection.id, id), reflectionWriteScope(viewer)))
			.get();
		// Klaar asked, or a finished text saved on purpose: both must hold all parts, else it is a draft.
		const wantsFinished = options.finish || (options.kind !== 'autosave' && Boolean(before?.finishedAt));
		const refused = wantsFinished && gaps.length > 0;
		const finishedAt = refused ? null : options.finish ? now : undefined;
		const updated = tx
			.update(reflection)
			.set({
				title: content.title,
				doel: content.doel,
				resultaat: content.resultaat,
				evaluatie: content.evaluatie,
				vervolg: content.vervolg,
				visibility: content.visibility,
				version: sql`${reflection.version} + 1`,
				updatedAt: now,
				...(finishedAt !== undefined ? { finishedAt } : {})
			})
			.where(and(eq(reflection.id, id), eq(reflection.version, baseVersion), reflectionWriteScope(viewer)))
			.returning({ id: reflection.id, schoolId: reflection.schoolId, version: reflection.version })
			.get();
		if (!updated) {
			const current = findDetail(tx, 'write', viewer, id);
			return current ? { ok: false, reason: 'conflict', current } : { ok: false, reason: 'missing' };
		}
		tx.delete(reflectionCompetency).where(eq(reflectionCompetency.reflectionId, id)).run();
		const unique = [...new Set(content.competencies)];
		if (unique.length)
			tx.insert(reflectionCompetency)
				.values(unique.map((competency) => ({ reflectionId: id, schoolId: updated.schoolId, competency })))
				.run();
		recordVersion(tx, updated, content, options.kind ?? 'save');
		return {
			ok: true,
			version: updated.version,
			updatedAt: now.getTime(),
			finished: refused ? false : finishedAt !== undefined || Boolean(before?.finishedAt),
			missing: refused ? gaps : []
		};
	});
}

/**
 * saveReflection for the autosave endpoint: saves that arrive together share one commit (and one fsync),
 * so a class autosaving at once does not queue on the disk. Same answer, after the commit is durable.
 */
export function saveReflectionShared(
	viewer: Viewer,
	id: number,
	baseVersion: number,
	content: ReflectionContent,
	options: { kind?: 'save' | 'autosave'; finish?: boolean } = {}
): Promise<SaveResult> {
	const db = getDb();
	return groupCommit(db, () => saveReflection(viewer, id, baseVersion, content, options, db));
}

/** Metadata changes from the read view: they bump the version, so an open edit tab notices them. */
function updateMeta(
	viewer: Viewer,
	id: number,
	set: Partial<typeof reflection.$inferInsert>,
	db: Db
): boolean {
	return inTransaction(db, (tx) => {
		const updated = tx
			.update(reflection)
			.set({ ...set, version: sql`${reflection.version} + 1`, updatedAt: new Date() })
			.where(and(eq(reflection.id, id), reflectionWriteScope(viewer)))
			.returning({ id: reflection.id, schoolId: reflection.schoolId, version: reflection.version })
			.get();
		if (!updated) return false;
		const current = findDetail(tx, 'write', viewer, id);
		if (current) recordVersion(tx, updated, current, 'save');
		return true;
	});
}

export function setVisibility(viewer: Viewer, id: number, visibility: Visibility, db: Db = getDb()): boolean {
	return updateMeta(viewer, id, { visibility }, db);
}

/** Finished reflections are what a mentor sees; only a complete text may be finished. */
export function finishReflection(viewer: Viewer, id: number, db: Db = getDb()): FinishResult {
	const current = findDetail(db, 'write', viewer, id);
	if (!current) return { ok: false, reason: 'missing' };
	const missing = missingForFinish(current);
	if (missing.length) return { ok: false, reason: 'incomplete', missing };
	return updateMeta(viewer, id, { finishedAt: new Date() }, db)
		? { ok: true }
		: { ok: false, reason: 'missing' };
}

/** Back to draft hides it from the mentor again until it is finished. */
export function reopenReflection(viewer: Viewer, id: number, db: Db = getDb()): boolean {
	return updateMeta(viewer, id, { finishedAt: null }, db);
}

/** Soft delete: the row stays (for retention and export rules) but is out of every scope. */
export function deleteReflection(viewer: Viewer, id: number, db: Db = getDb()): boolean {
	const done = db
		.update(reflection)
		.set({ deletedAt: new Date() })
		.where(and(eq(reflection.id, id), reflectionWriteScope(viewer)))
		.run();
	return done.changes > 0;
}
