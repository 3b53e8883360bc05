// The mentor's group overview, feedback queue and one student's page. The overview runs a fixed number of
// grouped queries whatever the number of students (a mentor may have four groups of 30).
import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { CompetencySlug } from '../competencies';
import type { Viewer } from './auth/viewer';
import { mentoredGroupScope, reflectionReadScope, studentScope } from './access';
import { getDb, type Db } from './db';
import { fullName, sortName } from './people';
import { pageOf } from './paging';
import { preparedFor, viewerValues } from './db/prepared';
import * as core from './db/schema';
import { conversation } from './db/schema-dialog';
import { goal, reflection, reflectionCompetency, selfRating } from './db/schema-portfolio';
import type { MentorGroupStudent } from './mentoring';
import { OVERVIEW_PAGE_SIZE } from '../mentor-overview-page';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

export interface OverviewRow extends MentorGroupStudent {
	perCompetency: Record<CompetencySlug, number>;
	lastActivity: number | null;
	waiting: number;
	unanswered: number;
	openGoals: number;
	overdueGoals: number;
	lastConversation: string | null;
	nextConversation: string | null;
}

export interface OverviewGroup {
	id: number;
	name: string;
	programme: string;
	/** Active students in the group. */
	students: number;
}

export interface OverviewPage {
	group: OverviewGroup;
	/** Students that pass the filter, on all pages. */
	matching: number;
	rows: OverviewRow[];
	page: number;
	pages: number;
}

export interface Overview {
	/** Every open group the viewer mentors, for the group picker. */
	groups: OverviewGroup[];
	/** The group shown; null when the viewer mentors no open group. */
	shown: OverviewPage | null;
}

export const OVERVIEW_SORTS = ['name', 'activity', 'waiting', 'overdue'] as const;
export const OVERVIEW_FILTERS = ['all', 'attention', 'quiet', 'waiting', 'overdue'] as const;
export interface OverviewQuery {
	sort: (typeof OVERVIEW_SORTS)[number];
	filter: (typeof OVERVIEW_FILTERS)[number];
	weeks: number;
	/** The group to show; null (or one the viewer does not mentor) is their first group. */
	group?: number | null;
	page?: number;
}

export { OVERVIEW_PAGE_SIZE };

const today = () => new Date().toISOString().slice(0, 10);
// Literal objects, not spreads: V8 (Node 20) makes `{ ...row, more }` a slow, large object (~0.7 µs and
// ~0.4 KB per added property), which on a page of rows cost more than its queries.
const emptyCounts = (): Record<CompetencySlug, number> => ({
	kwaliteiten: 0,
	motieven: 0,
	werkexploratie: 0,
	loopbaansturing: 0,
	netwerken: 0
});

// "Has a mentor response" (anyone but the student commented) and "a reply waiting" (the last word is the
// student's, after a mentor had spoken) are kept on the reflection row by triggers on comment (migration
// 0005): reading them is an index lookup, where searching every thread cost ~10 ms for 100 students.

/** `column in (ids)`, the ids given as one JSON array (placeholder "ids"): one statement for any count. */
const inIds = (column: SQLiteColumn) =>
	sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;
const ph = (name: string) => sql.placeholder(name);

/**
 * The mentor's overview: one group at a time (the first one unless another is asked for), a page of
 * OVERVIEW_PAGE_SIZE students. What filters and sorts use is counted for the whole group (unless sorted by
 * name without a filter: then only for the page); reflections per competency and conversations only for
 * the page shown. Six queries either way.
 */
export function groupOverview(viewer: Viewer, query: OverviewQuery, db: Db = getDb()): Overview {
	const groups = preparedFor(db, 'mentor.overview.groups', viewer, (v) =>
		db
			.select({
				id: core.group.id,
				name: core.group.name,
				programme: core.group.programme,
				students: sql<number>`count(${core.user.id})`
			})
			.from(core.group)
			.leftJoin(core.groupStudent, eq(core.groupStudent.groupId, core.group.id))
			.leftJoin(core.user, and(eq(core.user.id, core.groupStudent.studentId), eq(core.user.active, true)))
			.where(mentoredGroupScope(v))
			.groupBy(core.group.id)
			.orderBy(asc(core.group.name))
			.prepare()
	).all(viewerValues(viewer));
	const group = groups.find((g) => g.id === query.group) ?? groups[0];
	if (!group) return { groups, shown: null };
	const students = preparedFor(db, 'mentor.overview.students', viewer, (v) =>
		db
			.select({
				id: core.user.id,
				givenName: core.user.givenName,
				familyNamePrefix: core.user.familyNamePrefix,
				familyName: core.user.familyName,
				studentNumber: core.user.studentNumber
			})
			.from(core.groupStudent)
			.innerJoin(core.user, eq(core.user.id, core.groupStudent.studentId))
			.where(
				and(
					eq(core.groupStudent.groupId, ph('groupId')),
					eq(core.user.active, true),
					eq(core.user.schoolId, v.schoolId)
				)
			)
			.orderBy(asc(core.user.familyName), asc(core.user.givenName))
			.prepare()
	)
		.all({ ...viewerValues(viewer), groupId: group.id })
		.map((r): MentorGroupStudent => ({
			id: r.id,
			name: fullName(r),
			sortName: sortName(r),
			studentNumber: r.studentNumber
		}));
	// By name and unfiltered (the default), the page is known before anything is counted.
	const plain = query.sort === 'name' && query.filter === 'all';
	const early = plain ? pageOf(students.length, OVERVIEW_PAGE_SIZE, query.page) : undefined;
	const counted = early ? students.slice(early.offset, early.offset + OVERVIEW_PAGE_SIZE) : students;
	const all = summaryRows(viewer, counted, db);

	const quietSince = Date.now() - query.weeks * 7 * 24 * 3600 * 1000;
	const quiet = (r: OverviewRow) => r.lastActivity === null || r.lastActivity < quietSince;
	const keep: Record<OverviewQuery['filter'], (r: OverviewRow) => boolean> = {
		all: () => true,
		quiet,
		waiting: (r) => r.waiting + r.unanswered > 0,
		overdue: (r) => r.overdueGoals > 0,
		attention: (r) => quiet(r) || r.waiting + r.unanswered > 0 || r.overdueGoals > 0
	};
	const order: Record<OverviewQuery['sort'], (a: OverviewRow, b: OverviewRow) => number> = {
		name: () => 0,
		activity: (a, b) => (a.lastActivity ?? 0) - (b.lastActivity ?? 0),
		waiting: (a, b) => b.waiting + b.unanswered - (a.waiting + a.unanswered),
		overdue: (a, b) => b.overdueGoals - a.overdueGoals
	};
	if (early) {
		return {
			groups,
			shown: {
				group,
				matching: students.length,
				rows: withDetails(viewer, all, db),
				page: early.page,
				pages: early.pages
			}
		};
	}
	// Array sort is stable: ties keep the alphabetical order.
	const matching = all.filter(keep[query.filter]).sort(order[query.sort]);
	const { page, pages, offset } = pageOf(matching.length, OVERVIEW_PAGE_SIZE, query.page);
	return {
		groups,
		shown: {
			group,
			matching: matching.length,
			// Only the shown rows get the costlier counts.
			rows: withDetails(viewer, matching.slice(offset, offset + OVERVIEW_PAGE_SIZE), db),
			page,
			pages
		}
	};
}

/** The counts of these students, in five queries whatever their number. */
const values = (viewer: Viewer, students: { id: number }[]) => ({
	...viewerValues(viewer),
	ids: JSON.stringify(students.map((s) => s.id)),
	today: today()
});
// The page's students drive the reflection aggregates (a CROSS JOIN fixes the order in SQLite): otherwise
// SQLite starts from all of the mentor's students in the read scope (100 for four groups) and filters.
const ids = sql`json_each(${ph('ids')}) as ids`;
const visible = (v: Viewer) => and(sql`${reflection.studentId} = ids.value`, reflectionReadScope(v));

/** What filters and sorts need (last activity, waiting, replies, goals), in two queries. */
function summaryRows(viewer: Viewer, students: MentorGroupStudent[], db: Db): OverviewRow[] {
	if (!students.length) return [];
	const v0 = values(viewer, students);
	const stats = preparedFor(db, 'mentor.overview.stats', viewer, (v) =>
		db
			.select({
				studentId: reflection.studentId,
				last: sql<number | null>`max(${reflection.updatedAt})`,
				waiting: sql<number>`sum(${reflection.staffAnswered} = 0)`,
				unanswered: sql<number>`sum(${reflection.replyWaiting})`
			})
			.from(ids)
			.crossJoin(reflection)
			.where(visible(v))
			.groupBy(reflection.studentId)
			.prepare()
	).all(v0);
	const goals = preparedFor(db, 'mentor.overview.goals', viewer, (v) =>
		db
			.select({
				studentId: goal.studentId,
				open: sql<number>`count(*)`,
				overdue: sql<number>`sum(case when ${goal.dueOn} < ${ph('today')} then 1 else 0 end)`
			})
			.from(goal)
			.where(and(inIds(goal.studentId), eq(goal.status, 'open'), eq(goal.schoolId, v.schoolId)))
			.groupBy(goal.studentId)
			.prepare()
	).all(v0);
	const statBy = new Map(stats.map((s) => [s.studentId, s]));
	const goalBy = new Map(goals.map((g) => [g.studentId, g]));
	return students.map((s): OverviewRow => {
		const stat = statBy.get(s.id);
		const goals = goalBy.get(s.id);
		return {
			id: s.id,
			name: s.name,
			sortName: s.sortName,
			studentNumber: s.studentNumber,
			perCompetency: emptyCounts(),
			lastActivity: stat?.last ?? null,
			waiting: stat?.waiting ?? 0,
			unanswered: stat?.unanswered ?? 0,
			openGoals: goals?.open ?? 0,
			overdueGoals: goals?.overdue ?? 0,
			lastConversation: null,
			nextConversation: null
		};
	});
}

/** The rest of the shown rows (reflections per competency, conversations), in two queries. */
function withDetails(viewer: Viewer, rows: OverviewRow[], db: Db): OverviewRow[] {
	if (!rows.length) return rows;
	const v0 = values(viewer, rows);
	const day = sql`coalesce(${reflection.activityDate}, date(${reflection.createdAt} / 1000, 'unixepoch'))`;
	// Per competency this school year (the current year's dates, read in the same statement; all years when
	// the school has no current one).
	const current = (v: Viewer, column: SQLiteColumn) =>
		sql`(select ${column} from ${core.schoolYear} where ${core.schoolYear.schoolId} = ${v.schoolId} and ${core.schoolYear.isCurrent} = 1)`;
	const perCompetency = preparedFor(db, 'mentor.overview.competencies', viewer, (v) =>
		db
			.select({
				studentId: reflection.studentId,
				c: reflectionCompetency.competency,
				n: sql<number>`count(*)`
			})
			.from(ids)
			.crossJoin(reflection)
			.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
			.where(
				and(
					visible(v),
					sql`${day} between coalesce(${current(v, core.schoolYear.startsOn)}, '0000-01-01') and coalesce(${current(v, core.schoolYear.endsOn)}, '9999-12-31')`
				)
			)
			.groupBy(reflection.studentId, reflectionCompetency.competency)
			.prepare()
	).all(v0);
	const talks = preparedFor(db, 'mentor.overview.talks', viewer, (v) =>
		db
			.select({
				studentId: core.groupStudent.studentId,
				last: sql<
					string | null
				>`max(case when ${conversation.status} = 'held' then ${conversation.plannedAt} end)`,
				next: sql<
					string | null
				>`min(case when ${conversation.status} = 'planned' and ${conversation.plannedAt} >= ${ph('today')} then ${conversation.plannedAt} end)`
			})
			.from(core.groupStudent)
			.innerJoin(
				conversation,
				// The unary + keeps SQLite off the student index for "is null": its statistics count a
				// few rows per student id and miss that every group conversation of the board is null there.
				sql`(${conversation.studentId} = ${core.groupStudent.studentId} or (+${conversation.studentId} is null and ${conversation.groupId} = ${core.groupStudent.groupId}))`
			)
			.where(and(inIds(core.groupStudent.studentId), eq(conversation.schoolId, v.schoolId)))
			.groupBy(core.groupStudent.studentId)
			.prepare()
	).all(v0);

	// The rows were made by summaryRows for this call: filled in place.
	const byId = new Map(rows.map((r) => [r.id, r]));
	for (const c of perCompetency) {
		const row = byId.get(c.studentId);
		if (row) row.perCompetency[c.c] = c.n;
	}
	for (const t of talks) {
		const row = byId.get(t.studentId);
		if (!row) continue;
		row.lastConversation = t.last;
		row.nextConversation = t.next;
	}
	return rows;
}

export interface QueueItem {
	id: number;
	studentId: number;
	studentName: string;
	title: string;
	finishedAt: number;
}

// A work queue is worked from the top: 25 at a time keeps the page short and quick.
export const QUEUE_PAGE_SIZE = 25;

/**
 * Finished reflections shared with the viewer that nobody on staff answered yet, oldest first, one page of
 * QUEUE_PAGE_SIZE at a time: a mentor of four groups may have hundreds waiting, and a page of them all is
 * slow to render and to read.
 */
export function feedbackQueuePage(
	viewer: Viewer,
	page = 1,
	db: Db = getDb()
): { items: QueueItem[]; total: number; page: number; pages: number } {
	const where = (v: Viewer) =>
		and(
			reflectionReadScope(v),
			sql`${reflection.studentId} <> ${v.userId}`,
			isNotNull(reflection.finishedAt),
			eq(reflection.staffAnswered, false)
		);
	const values = viewerValues(viewer);
	const total =
		preparedFor(db, 'mentor.queue.count', viewer, (v) =>
			db
				.select({ n: sql<number>`count(*)` })
				.from(reflection)
				.where(where(v))
				.prepare()
		).get(values)?.n ?? 0;
	const { page: current, pages, offset } = pageOf(total, QUEUE_PAGE_SIZE, page);
	const rows = preparedFor(db, 'mentor.queue.page', viewer, (v) =>
		db
			.select({
				id: reflection.id,
				studentId: reflection.studentId,
				given: core.user.givenName,
				prefix: core.user.familyNamePrefix,
				family: core.user.familyName,
				title: reflection.title,
				finishedAt: reflection.finishedAt
			})
			.from(reflection)
			.innerJoin(core.user, eq(core.user.id, reflection.studentId))
			.where(where(v))
			.orderBy(asc(reflection.finishedAt), asc(reflection.id))
			.limit(QUEUE_PAGE_SIZE)
			.offset(ph('offset'))
			.prepare()
	).all({ ...values, offset });
	const items = rows.map((r) => ({
		id: r.id,
		studentId: r.studentId,
		studentName: [r.given, r.prefix, r.family].filter(Boolean).join(' '),
		title: r.title,
		finishedAt: r.finishedAt?.getTime() ?? 0
	}));
	return { items, total, page: current, pages };
}

/** The first page of the queue. */
export function feedbackQueue(viewer: Viewer, db: Db = getDb()): QueueItem[] {
	return feedbackQueuePage(viewer, 1, db).items;
}

export interface StudentSummary {
	id: number;
	name: string;
	counts: Record<CompetencySlug, number>;
	ratings: Partial<Record<CompetencySlug, { level: number; at: number }>>;
	goals: { id: number; title: string; dueOn: string | null; status: string; byMentor: boolean }[];
}

/** One mentee for the mentor: only what the student shared (reflection counts via the read scope). */
export function studentSummary(
	viewer: Viewer,
	studentId: number,
	db: Db = getDb()
): StudentSummary | undefined {
	const u = db
		.select({
			id: core.user.id,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName
		})
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'student.profile.read', core.user.id)
			)
		)
		.get();
	if (!u) return undefined;
	const counts = emptyCounts();
	for (const r of db
		.select({ c: reflectionCompetency.competency, n: sql<number>`count(*)` })
		.from(reflection)
		.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
		.where(and(reflectionReadScope(viewer), eq(reflection.studentId, studentId)))
		.groupBy(reflectionCompetency.competency)
		.all())
		counts[r.c] = r.n;
	const ratings: StudentSummary['ratings'] = {};
	for (const r of db
		.select({ c: selfRating.competency, level: selfRating.level, at: selfRating.createdAt })
		.from(selfRating)
		.where(eq(selfRating.studentId, studentId))
		.orderBy(asc(selfRating.createdAt))
		.all())
		ratings[r.c] = { level: r.level, at: r.at.getTime() };
	const goals = db
		.select({
			id: goal.id,
			title: goal.title,
			dueOn: goal.dueOn,
			status: goal.status,
			createdBy: goal.createdBy
		})
		.from(goal)
		.where(eq(goal.studentId, studentId))
		.orderBy(desc(goal.createdAt))
		.all()
		.map(({ createdBy, ...g }) => ({ ...g, byMentor: createdBy !== null && createdBy !== studentId }));
	return { id: u.id, name: [u.given, u.prefix, u.family].filter(Boolean).join(' '), counts, ratings, goals };
}
