// LOB figures for the coordinator: counts per group and competency, feedback response times and
// conversations held, for the current school year. Aggregates only: no student names, no reflection text.
import { and, eq, gte, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/sqlite-core';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import * as dialog from '../db/schema-dialog';
import { can } from '../access';
import type { Viewer } from '../auth/viewer';

export interface GroupReach {
	groupId: number;
	groupName: string;
	students: number;
	/** Students of the group who finished at least one reflection on the competency this school year. */
	reached: Record<CompetencySlug, number>;
	conversationsHeld: number;
}

export interface SchoolAggregates {
	since: string;
	groups: GroupReach[];
	feedback: { shared: number; answered: number; medianHours: number | null };
	conversationsHeld: number;
}

export function median(values: number[]): number | null {
	if (!values.length) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function getSchoolAggregates(viewer: Viewer): SchoolAggregates | undefined {
	if (!can(viewer, 'school.aggregates.read')) return undefined;
	const db = getDb();
	const year = db
		.select({ id: core.schoolYear.id, startsOn: core.schoolYear.startsOn })
		.from(core.schoolYear)
		.where(and(eq(core.schoolYear.schoolId, viewer.schoolId), eq(core.schoolYear.isCurrent, true)))
		.get();
	if (!year)
		return {
			since: '',
			groups: [],
			feedback: { shared: 0, answered: 0, medianHours: null },
			conversationsHeld: 0
		};
	const since = new Date(`${year.startsOn}T00:00:00`);
	const g = core.group;
	const gs = core.groupStudent;
	const r = portfolio.reflection;
	const rc = portfolio.reflectionCompetency;
	const openGroups = and(eq(g.schoolId, viewer.schoolId), eq(g.schoolYearId, year.id), isNull(g.closedAt));
	const groups = db
		.select({ id: g.id, name: g.name, students: sql<number>`count(${gs.studentId})` })
		.from(g)
		.leftJoin(gs, eq(gs.groupId, g.id))
		.where(openGroups)
		.groupBy(g.id)
		.orderBy(g.name)
		.all();
	const reach = db
		.select({
			groupId: gs.groupId,
			competency: rc.competency,
			n: sql<number>`count(distinct ${r.studentId})`
		})
		.from(gs)
		.innerJoin(g, eq(g.id, gs.groupId))
		.innerJoin(r, eq(r.studentId, gs.studentId))
		.innerJoin(rc, eq(rc.reflectionId, r.id))
		.where(and(openGroups, isNotNull(r.finishedAt), isNull(r.deletedAt), gte(r.finishedAt, since)))
		.groupBy(gs.groupId, rc.competency)
		.all();
	const c = dialog.conversation;
	// A group conversation counts for its group, a one-to-one one for the student's groups: two joins, each
	// on its own index (one join on "same group or same student" reads every conversation per student).
	const heldThisYear = and(eq(c.schoolId, viewer.schoolId), eq(c.status, 'held'), gte(c.heldAt, since));
	const perGroup = (on: SQL) =>
		db
			.select({ groupId: gs.groupId, conversationId: sql<number>`${c.id}`.as('conversation_id') })
			.from(gs)
			.innerJoin(g, eq(g.id, gs.groupId))
			.innerJoin(c, on)
			.where(and(openGroups, heldThisYear));
	const both = unionAll(perGroup(eq(c.studentId, gs.studentId)), perGroup(eq(c.groupId, gs.groupId))).as(
		'held'
	);
	const held = db
		.select({ groupId: both.groupId, n: sql<number>`count(distinct ${both.conversationId})` })
		.from(both)
		.groupBy(both.groupId)
		.all();
	const heldTotal =
		db
			.select({ n: sql<number>`count(*)` })
			.from(c)
			.where(and(eq(c.schoolId, viewer.schoolId), eq(c.status, 'held'), gte(c.heldAt, since)))
			.get()?.n ?? 0;
	// Time from a reflection shared with the mentor to the first comment by someone else than the student.
	const cm = dialog.comment;
	const waits = db
		.select({
			finishedAt: r.finishedAt,
			// Spelled out with an alias: drizzle leaves columns unqualified in a one-table query, and an
			// unqualified "id" inside the subquery would mean the comment's own id.
			firstAnswer: sql<
				number | null
			>`(select min(c2.created_at) from ${cm} c2 where c2.reflection_id = "reflection"."id" and c2.author_id != "reflection"."student_id" and c2.deleted_at is null)`
		})
		.from(r)
		.where(
			and(
				eq(r.schoolId, viewer.schoolId),
				isNotNull(r.finishedAt),
				isNull(r.deletedAt),
				sql`${r.visibility} in ('mentor', 'dossier')`,
				gte(r.finishedAt, since)
			)
		)
		.all();
	const answered = waits.filter((w) => w.firstAnswer !== null && w.finishedAt);
	const hours = answered.map((w) =>
		Math.max(0, (Number(w.firstAnswer) - (w.finishedAt?.getTime() ?? 0)) / 3_600_000)
	);
	const reachOf = new Map<string, number>(reach.map((x) => [`${x.groupId}:${x.competency}`, x.n]));
	const heldOf = new Map(held.map((x) => [x.groupId, x.n]));
	return {
		since: year.startsOn,
		groups: groups.map((grp) => ({
			groupId: grp.id,
			groupName: grp.name,
			students: grp.students,
			reached: Object.fromEntries(
				COMPETENCY_SLUGS.map((s) => [s, reachOf.get(`${grp.id}:${s}`) ?? 0])
			) as Record<CompetencySlug, number>,
			conversationsHeld: heldOf.get(grp.id) ?? 0
		})),
		feedback: { shared: waits.length, answered: answered.length, medianHours: median(hours) },
		conversationsHeld: heldTotal
	};
}

// The figures change slowly and cost a pass over the whole school year; the coordinator page reads them
// through this cache, so a school board's worth of reflections is counted at most every few minutes.
export const AGGREGATES_CACHE_MS = 5 * 60 * 1000;
const cache = new Map<number, { at: number; value: SchoolAggregates }>();

/** getSchoolAggregates, computed at most once per AGGREGATES_CACHE_MS per school. */
export function cachedSchoolAggregates(viewer: Viewer, now = Date.now()): SchoolAggregates | undefined {
	if (!can(viewer, 'school.aggregates.read')) return undefined;
	const hit = cache.get(viewer.schoolId);
	if (hit && now - hit.at < AGGREGATES_CACHE_MS) return hit.value;
	const value = getSchoolAggregates(viewer);
	if (value) cache.set(viewer.schoolId, { at: now, value });
	return value;
}

export function clearAggregatesCache(): void {
	cache.clear();
}
