// Reading reflections (DOMAIN.md §2): one experience, one or more competencies, the four C2 parts. Writing
// is in reflection-save.ts. Every query carries the policy's scope in its WHERE, so a reflection out of
// scope is simply not found.
import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ActivityType, Visibility } from '../../portfolio';
import type { ReflectionContent, ReflectionFilter } from '../../schemas/reflections';
import type { Viewer } from '../auth/viewer';
import { reflectionReadScope, reflectionWriteScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import { pageOf } from '../http/paging';
import { reflection, reflectionCompetency, transfer } from '../db/schema-portfolio';

export const PAGE_SIZE = 10;

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

export const SCOPES = { read: reflectionReadScope, write: reflectionWriteScope };

export function findDetail(
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
