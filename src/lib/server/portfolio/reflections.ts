// Reflections (DOMAIN.md §2): one experience, one or more competencies, the four C2 parts. Every query
// carries the policy's scope in its WHERE, so a reflection out of scope is simply not found.
import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ActivityType, Visibility } from '../../portfolio';
import type { ReflectionContent, ReflectionFilter } from '../../schemas/reflections';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { reflectionReadScope, reflectionWriteScope } from '../access-scopes/reflections';
import { getPlannedActivity } from '../school/activities';
import { getDb, inTransaction, type Db } from '../db';
import { groupCommit } from '../db/group-commit';
import { pageOf } from '../http/paging';
import { reflection, reflectionCompetency, reflectionVersion, transfer } from '../db/schema-portfolio';

export const PAGE_SIZE = 10;
// Autosaves within this window refine the same history row (see recordVersion).
const AUTOSAVE_SESSION_MS = 10 * 60 * 1000;

export interface ReflectionDetail extends ReflectionContent {
	id: number;
	studentId: number;
	activityType: ActivityType;
	activityDate: string | null;
	activityPlace: string;
	version: number;
	finished: boolean;
	updatedAt: number;
	/** The previous school it came from with a transfer, or null. */
	fromSchool: string | null;
}

export interface ReflectionListItem {
	id: number;
	title: string;
	activityType: ActivityType;
	activityDate: string | null;
	visibility: Visibility;
	finished: boolean;
	competencies: CompetencySlug[];
	updatedAt: number;
	/** The previous school it came from with a transfer, or null. */
	fromSchool: string | null;
}

export type SaveResult =
	| { ok: true; version: number; updatedAt: number }
	| { ok: false; reason: 'conflict'; current: ReflectionDetail }
	| { ok: false; reason: 'missing' };

export interface NewReflection {
	activityId?: number;
	activityType?: ActivityType;
	activityDate?: string;
	activityPlace?: string;
	title?: string;
}

const detailColumns = {
	id: reflection.id,
	studentId: reflection.studentId,
	activityType: reflection.activityType,
	activityDate: reflection.activityDate,
	activityPlace: reflection.activityPlace,
	title: reflection.title,
	doel: reflection.doel,
	resultaat: reflection.resultaat,
	evaluatie: reflection.evaluatie,
	vervolg: reflection.vervolg,
	visibility: reflection.visibility,
	version: reflection.version,
	finishedAt: reflection.finishedAt,
	updatedAt: reflection.updatedAt,
	fromSchool: transfer.fromSchool
};

function competenciesOf(db: Db, ids: number[]): Map<number, CompetencySlug[]> {
	const byId = new Map<number, CompetencySlug[]>(ids.map((id) => [id, []]));
	if (!ids.length) return byId;
	const rows = db
		.select({ id: reflectionCompetency.reflectionId, c: reflectionCompetency.competency })
		.from(reflectionCompetency)
		.where(inArray(reflectionCompetency.reflectionId, ids))
		.all();
	for (const row of rows) byId.get(row.id)?.push(row.c);
	// Always in the vmbo order, whatever order they were ticked in.
	for (const list of byId.values())
		list.sort((a, b) => COMPETENCY_SLUGS.indexOf(a) - COMPETENCY_SLUGS.indexOf(b));
	return byId;
}

const SCOPES = { read: reflectionReadScope, write: reflectionWriteScope };

function findDetail(
	db: Db,
	scope: keyof typeof SCOPES,
	viewer: Viewer,
	id: number
): ReflectionDetail | undefined {
	const row = db
		.select(detailColumns)
		.from(reflection)
		.leftJoin(transfer, eq(transfer.id, reflection.transferId))
		.where(and(eq(reflection.id, id), SCOPES[scope](viewer)))
		.get();
	if (!row) return undefined;
	const { finishedAt, updatedAt, ...rest } = row;
	return {
		...rest,
		competencies: competenciesOf(db, [id]).get(id) ?? [],
		finished: finishedAt !== null,
		updatedAt: updatedAt.getTime()
	};
}

/** A reflection the viewer may read (their own, or a mentee's finished and shared one). */
export function getReflection(viewer: Viewer, id: number, db: Db = getDb()): ReflectionDetail | undefined {
	return findDetail(db, 'read', viewer, id);
}

/** A reflection the viewer may change: only the student's own. */
export function getOwnReflection(viewer: Viewer, id: number, db: Db = getDb()): ReflectionDetail | undefined {
	return findDetail(db, 'write', viewer, id);
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

/** Starts a draft about a planned activity or the student's own experience; undefined if not allowed. */
export function createReflection(viewer: Viewer, input: NewReflection, db: Db = getDb()): number | undefined {
	if (!canOn(viewer, 'reflection.write', 'self')) return undefined;
	let experience = {
		activityId: null as number | null,
		activityType: input.activityType ?? 'anders',
		activityDate: input.activityDate || null,
		activityPlace: input.activityPlace ?? '',
		title: input.title ?? ''
	};
	if (input.activityId !== undefined) {
		const planned = getPlannedActivity(viewer, input.activityId, db);
		if (!planned) return undefined;
		experience = {
			activityId: planned.id,
			activityType: planned.type,
			activityDate: planned.date,
			activityPlace: planned.place,
			title: planned.title
		};
	}
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
	return inTransaction(db, (tx) => {
		const now = new Date();
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
				...(options.finish ? { finishedAt: now } : {})
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
		return { ok: true, version: updated.version, updatedAt: now.getTime() };
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

/** Finished reflections are what a mentor sees; back to draft hides it again until it is finished. */
export function setFinished(viewer: Viewer, id: number, finished: boolean, db: Db = getDb()): boolean {
	return updateMeta(viewer, id, { finishedAt: finished ? new Date() : null }, db);
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

function escapeLike(s: string): string {
	return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of the reflections the viewer may read, newest experience first, with filters and search. */
export function listReflections(
	viewer: Viewer,
	filter: Partial<ReflectionFilter> & { studentId?: number },
	db: Db = getDb()
): { items: ReflectionListItem[]; total: number; page: number; pages: number } {
	const conditions: SQL[] = [reflectionReadScope(viewer)];
	if (filter.studentId !== undefined) conditions.push(eq(reflection.studentId, filter.studentId));
	if (filter.type) conditions.push(eq(reflection.activityType, filter.type));
	if (filter.from) conditions.push(gte(reflection.activityDate, filter.from));
	if (filter.to) conditions.push(lte(reflection.activityDate, filter.to));
	if (filter.competency)
		conditions.push(
			inArray(
				reflection.id,
				db
					.select({ id: reflectionCompetency.reflectionId })
					.from(reflectionCompetency)
					.where(eq(reflectionCompetency.competency, filter.competency))
			)
		);
	if (filter.q) {
		const pattern = `%${escapeLike(filter.q)}%`;
		const fields = [
			reflection.title,
			reflection.activityPlace,
			reflection.doel,
			reflection.resultaat,
			reflection.evaluatie,
			reflection.vervolg
		];
		conditions.push(or(...fields.map((f) => sql`${f} like ${pattern} escape '\\'`)) as SQL);
	}
	const where = and(...conditions);
	const total = db.select({ n: count() }).from(reflection).where(where).get()?.n ?? 0;
	const { page, pages, offset } = pageOf(total, PAGE_SIZE, filter.page);
	const rows = db
		.select({
			id: reflection.id,
			title: reflection.title,
			activityType: reflection.activityType,
			activityDate: reflection.activityDate,
			visibility: reflection.visibility,
			finishedAt: reflection.finishedAt,
			updatedAt: reflection.updatedAt,
			fromSchool: transfer.fromSchool
		})
		.from(reflection)
		.leftJoin(transfer, eq(transfer.id, reflection.transferId))
		.where(where)
		.orderBy(sql`${reflection.activityDate} is null`, desc(reflection.activityDate), desc(reflection.id))
		.limit(PAGE_SIZE)
		.offset(offset)
		.all();
	const competencies = competenciesOf(
		db,
		rows.map((r) => r.id)
	);
	const items = rows.map(({ finishedAt, updatedAt, ...r }) => ({
		...r,
		finished: finishedAt !== null,
		updatedAt: updatedAt.getTime(),
		competencies: competencies.get(r.id) ?? []
	}));
	return { items, total, page, pages };
}
