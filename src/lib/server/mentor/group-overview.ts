// The mentor's group overview: a fixed number of grouped queries whatever the number of students.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { mentoredGroupScope } from '../access';
import { getDb, type Db } from '../db';
import { fullName, sortName } from '$lib/names';
import { pageOf } from '../http/paging';
import * as core from '../db/schema';
import { amsterdamToday } from '../programme/today';
import { OVERVIEW_PAGE_SIZE } from '../../mentor-overview-page';
import { attentionReasons, type AttentionReason } from './attention';
import { addDetails, countSummary, noFigures, type Figures } from './overview-figures';

export type { AttentionReason };

export interface OverviewRow extends Figures {
	id: number;
	name: string;
	/** "Berg, Lotte van den" */
	sortName: string;
	/** Why this student needs a talk; empty when nothing calls for one. */
	reasons: AttentionReason[];
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

// A group's students: its places (the group_student index alone) minus the few who left (the partial index
// user_inactive_idx; a literal 0 as in its WHERE), instead of reading every member's user row. Written out
// with table names: drizzle leaves them off columns in a select without joins, and "school_id" =
// "school_id" inside the subquery would be the user's own.
const membersLessInactive = sql.raw(
	`(select count(*) from "group_student" gs where gs."group_id" = "group"."id")` +
		` - (select count(*) from "user" u where u."school_id" = "group"."school_id" and u."active" = 0` +
		` and exists (select 1 from "group_student" gs where gs."group_id" = "group"."id" and gs."student_id" = u."id"))`
);

/**
 * The mentor's overview: one group at a time (the first one unless another is asked for), a page of
 * OVERVIEW_PAGE_SIZE students. Sorted or filtered, every student of the group needs their figures; by name
 * and unfiltered only the page's. Seven queries whatever the group's size.
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
	const day = amsterdamToday();
	const counts = countSummary(
		viewer,
		counted.map((s) => s.id),
		day,
		db
	);
	const figures = (s: { id: number }) => counts.get(s.id) ?? noFigures();
	const now = Date.now();
	const reasons = new Map(counted.map((s) => [s.id, attentionReasons(figures(s), query.weeks, now)]));
	const reasonsOf = (s: { id: number }) => reasons.get(s.id) ?? [];

	let shown = counted;
	let paging = early ? { matching: students.length, page: early.page, pages: early.pages } : undefined;
	if (!paging) {
		const quietSince = now - query.weeks * 7 * 24 * 3600 * 1000;
		const keep: Record<OverviewQuery['filter'], (s: { id: number }) => boolean> = {
			all: () => true,
			quiet: (s) => {
				const f = figures(s);
				return f.lastActivity === null || f.lastActivity <= quietSince;
			},
			waiting: (s) => figures(s).waiting + figures(s).unanswered > 0,
			overdue: (s) => figures(s).overdueGoals > 0,
			attention: (s) => reasonsOf(s).length > 0
		};
		const order: Record<OverviewQuery['sort'], (a: Figures, b: Figures) => number> = {
			name: () => 0,
			activity: (a, b) => (a.lastActivity ?? 0) - (b.lastActivity ?? 0),
			waiting: (a, b) => b.waiting + b.unanswered - (a.waiting + a.unanswered),
			overdue: (a, b) => b.overdueGoals - a.overdueGoals
		};
		// Array sort is stable: ties keep the alphabetical order.
		const matching = counted
			.filter(keep[query.filter])
			.sort((a, b) => order[query.sort](figures(a), figures(b)));
		const { page, pages, offset } = pageOf(matching.length, OVERVIEW_PAGE_SIZE, query.page);
		shown = matching.slice(offset, offset + OVERVIEW_PAGE_SIZE);
		paging = { matching: matching.length, page, pages };
	}
	// Only the rows shown need the costlier counts (per competency, conversations).
	addDetails(viewer, new Map(shown.map((s) => [s.id, figures(s)])), db);
	const rows = shown.map((s): OverviewRow => ({
		id: s.id,
		name: fullName(s),
		sortName: sortName(s),
		...figures(s),
		reasons: reasonsOf(s)
	}));
	return { groups, shown: { group, rows, ...paging } };
}

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
