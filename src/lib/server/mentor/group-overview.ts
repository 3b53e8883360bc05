// The mentor's group overview: a fixed number of grouped queries whatever the number of students.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CompetencySlug } from '../../competencies';
import type { Viewer } from '../auth/viewer';
import { mentoredGroupScope } from '../access';
import { conversationReadScope } from '../access-scopes/conversations';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, type Db } from '../db';
import { fullName, sortName } from '$lib/names';
import { pageOf } from '../http/paging';
import * as core from '../db/schema';
import { conversation } from '../db/schema-dialog';
import { goal, reflection, reflectionCompetency } from '../db/schema-portfolio';
import { OVERVIEW_PAGE_SIZE } from '../../mentor-overview-page';

export interface OverviewRow {
	id: number;
	name: string;
	/** "Berg, Lotte van den" */
	sortName: string;
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
const emptyCounts = (): Record<CompetencySlug, number> => ({
	kwaliteiten: 0,
	motieven: 0,
	werkexploratie: 0,
	loopbaansturing: 0,
	netwerken: 0
});

// "Has a mentor response" (anyone but the student commented) and "a reply waiting" (the last word is the
// student's, after a mentor had spoken) are kept on the reflection row by triggers on comment (migration
// 0005), so counting them is an index lookup instead of a search through every thread.

// A group's students: its places (the group_student index alone) minus the few who left (the partial index
// user_inactive_idx; a literal 0 as in its WHERE), instead of reading every member's user row. Written out
// with table names: drizzle leaves them off columns in a select without joins, and "school_id" =
// "school_id" inside the subquery would be the user's own.
const membersLessInactive = sql.raw(
	`(select count(*) from "group_student" gs where gs."group_id" = "group"."id")` +
		` - (select count(*) from "user" u where u."school_id" = "group"."school_id" and u."active" = 0` +
		` and exists (select 1 from "group_student" gs where gs."group_id" = "group"."id" and gs."student_id" = u."id"))`
);

/** `column in (ids)`, the ids bound as one JSON array: one statement for any number of students. */
const inIds = (column: SQLiteColumn, ids: readonly number[]) =>
	sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;

/**
 * The mentor's overview: one group at a time (the first one unless another is asked for), a page of
 * OVERVIEW_PAGE_SIZE students. Sorted or filtered, every student of the group needs their figures; by name
 * and unfiltered only the page's. Six queries whatever the group's size.
 */
export function groupOverview(viewer: Viewer, query: OverviewQuery, db: Db = getDb()): Overview {
	const groups: OverviewGroup[] = db
		.select({
			id: core.group.id,
			name: core.group.name,
			programme: core.group.programme,
			students: sql<number>`${membersLessInactive}`
		})
		.from(core.group)
		.where(mentoredGroupScope(viewer))
		.orderBy(asc(core.group.name))
		.all();
	const group = groups.find((g) => g.id === query.group) ?? groups[0];
	if (!group) return { groups, shown: null };
	const students = listMembers(viewer, group.id, db);

	// By name and unfiltered (the default), the page is known before anything is counted.
	const plain = query.sort === 'name' && query.filter === 'all';
	const early = plain ? pageOf(students.length, OVERVIEW_PAGE_SIZE, query.page) : undefined;
	const counted = early ? students.slice(early.offset, early.offset + OVERVIEW_PAGE_SIZE) : students;
	const day = today();
	const counts = countSummary(
		viewer,
		counted.map((s) => s.id),
		day,
		db
	);
	const figures = (s: { id: number }) => counts.get(s.id) ?? noFigures();

	let shown = counted;
	let paging = early ? { matching: students.length, page: early.page, pages: early.pages } : undefined;
	if (!paging) {
		const quietSince = Date.now() - query.weeks * 7 * 24 * 3600 * 1000;
		const quiet = (f: Figures) => f.lastActivity === null || f.lastActivity < quietSince;
		const keep: Record<OverviewQuery['filter'], (f: Figures) => boolean> = {
			all: () => true,
			quiet,
			waiting: (f) => f.waiting + f.unanswered > 0,
			overdue: (f) => f.overdueGoals > 0,
			attention: (f) => quiet(f) || f.waiting + f.unanswered > 0 || f.overdueGoals > 0
		};
		const order: Record<OverviewQuery['sort'], (a: Figures, b: Figures) => number> = {
			name: () => 0,
			activity: (a, b) => (a.lastActivity ?? 0) - (b.lastActivity ?? 0),
			waiting: (a, b) => b.waiting + b.unanswered - (a.waiting + a.unanswered),
			overdue: (a, b) => b.overdueGoals - a.overdueGoals
		};
		// Array sort is stable: ties keep the alphabetical order.
		const matching = counted
			.filter((s) => keep[query.filter](figures(s)))
			.sort((a, b) => order[query.sort](figures(a), figures(b)));
		const { page, pages, offset } = pageOf(matching.length, OVERVIEW_PAGE_SIZE, query.page);
		shown = matching.slice(offset, offset + OVERVIEW_PAGE_SIZE);
		paging = { matching: matching.length, page, pages };
	}
	// Only the rows shown need the costlier counts (per competency, conversations).
	addDetails(viewer, new Map(shown.map((s) => [s.id, figures(s)])), day, db);
	const rows = shown.map((s): OverviewRow => ({
		id: s.id,
		name: fullName(s),
		sortName: sortName(s),
		...figures(s)
	}));
	return { groups, shown: { group, rows, ...paging } };
}

/** What the overview shows of one student, derived from what they shared. */
type Figures = Omit<OverviewRow, 'id' | 'name' | 'sortName'>;
/** A student with nothing shared yet. */
const noFigures = (): Figures => ({
	perCompetency: emptyCounts(),
	lastActivity: null,
	waiting: 0,
	unanswered: 0,
	openGoals: 0,
	overdueGoals: 0,
	lastConversation: null,
	nextConversation: null
});

/** The group's active students, by name. */
function listMembers(viewer: Viewer, groupId: number, db: Db) {
	return db
		.select({
			id: core.user.id,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName
		})
		.from(core.groupStudent)
		.innerJoin(core.user, eq(core.user.id, core.groupStudent.studentId))
		.where(
			and(
				eq(core.groupStudent.groupId, groupId),
				eq(core.user.active, true),
				eq(core.user.schoolId, viewer.schoolId)
			)
		)
		.orderBy(asc(core.user.familyName), asc(core.user.givenName))
		.all();
}

// The students drive the reflection aggregates (a CROSS JOIN fixes the order in SQLite): otherwise SQLite
// starts from all of the mentor's students in the read scope (100 for four groups) and filters.
const idsTable = (ids: readonly number[]) => sql`json_each(${JSON.stringify(ids)}) as ids`;
const visible = (viewer: Viewer) =>
	and(sql`${reflection.studentId} = ids.value`, reflectionReadScope(viewer));

/** Last activity, waiting, replies and goals of these students, in two queries whatever their number. */
function countSummary(viewer: Viewer, ids: number[], day: string, db: Db): Map<number, Figures> {
	const out = new Map<number, Figures>();
	if (!ids.length) return out;
	const stats = db
		.select({
			studentId: reflection.studentId,
			last: sql<number | null>`max(${reflection.updatedAt})`,
			waiting: sql<number>`sum(${reflection.staffAnswered} = 0)`,
			unanswered: sql<number>`sum(${reflection.replyWaiting})`
		})
		.from(idsTable(ids))
		.crossJoin(reflection)
		.where(visible(viewer))
		.groupBy(reflection.studentId)
		.all();
	const goals = db
		.select({
			studentId: goal.studentId,
			open: sql<number>`count(*)`,
			overdue: sql<number>`sum(case when ${goal.dueOn} < ${day} then 1 else 0 end)`
		})
		.from(goal)
		.where(and(inIds(goal.studentId, ids), eq(goal.status, 'open'), eq(goal.schoolId, viewer.schoolId)))
		.groupBy(goal.studentId)
		.all();
	for (const id of ids) out.set(id, noFigures());
	for (const r of stats) {
		const f = out.get(r.studentId);
		if (!f) continue;
		f.lastActivity = r.last;
		f.waiting = r.waiting;
		f.unanswered = r.unanswered;
	}
	for (const g of goals) {
		const f = out.get(g.studentId);
		if (!f) continue;
		f.openGoals = g.open;
		f.overdueGoals = g.overdue;
	}
	return out;
}

/** Reflections per competency and conversations of the students shown, filled into their figures: two queries. */
function addDetails(viewer: Viewer, byId: Map<number, Figures>, day: string, db: Db): void {
	if (!byId.size) return;
	const ids = [...byId.keys()];
	const activityDay = sql`coalesce(${reflection.activityDate}, date(${reflection.createdAt} / 1000, 'unixepoch'))`;
	// Per competency this school year (the current year's dates, read in the same statement; all years when
	// the school has no current one).
	const current = (column: SQLiteColumn) =>
		sql`(select ${column} from ${core.schoolYear} where ${core.schoolYear.schoolId} = ${viewer.schoolId} and ${core.schoolYear.isCurrent} = 1)`;
	const perCompetency = db
		.select({
			studentId: reflection.studentId,
			c: reflectionCompetency.competency,
			n: sql<number>`count(*)`
		})
		.from(idsTable(ids))
		.crossJoin(reflection)
		.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
		.where(
			and(
				visible(viewer),
				sql`${activityDay} between coalesce(${current(core.schoolYear.startsOn)}, '0000-01-01') and coalesce(${current(core.schoolYear.endsOn)}, '9999-12-31')`
			)
		)
		.groupBy(reflection.studentId, reflectionCompetency.competency)
		.all();
	const talks = db
		.select({
			studentId: core.groupStudent.studentId,
			last: sql<
				string | null
			>`max(case when ${conversation.status} = 'held' then ${conversation.plannedAt} end)`,
			next: sql<
				string | null
			>`min(case when ${conversation.status} = 'planned' and ${conversation.plannedAt} >= ${day} then ${conversation.plannedAt} end)`
		})
		.from(core.groupStudent)
		.innerJoin(
			conversation,
			// The unary + keeps SQLite off the student index for "is null": its statistics count a few rows
			// per student id and miss that every group conversation of the board is null there.
			sql`(${conversation.studentId} = ${core.groupStudent.studentId} or (+${conversation.studentId} is null and ${conversation.groupId} = ${core.groupStudent.groupId}))`
		)
		.where(
			and(
				inIds(core.groupStudent.studentId, ids),
				eq(conversation.schoolId, viewer.schoolId),
				// Not a group conversation of another group the student is in, nor of last year's.
				conversationReadScope(viewer, conversation)
			)
		)
		.groupBy(core.groupStudent.studentId)
		.all();
	for (const c of perCompetency) {
		const f = byId.get(c.studentId);
		if (f) f.perCompetency[c.c] = c.n;
	}
	for (const t of talks) {
		const f = byId.get(t.studentId);
		if (!f) continue;
		f.lastConversation = t.last;
		f.nextConversation = t.next;
	}
}
