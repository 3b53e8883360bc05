// The mentor's group overview, feedback queue and one student's page. The overview runs a fixed number of
// grouped queries whatever the number of students (a mentor may have four groups of 30).
import { and, asc, desc, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { CompetencySlug } from '../competencies';
import type { Viewer } from './auth/viewer';
import { conversationReadScope, mentoredGroupScope, reflectionReadScope, studentScope } from './access';
import { getDb, type Db } from './db';
import { fullName, sortName } from './people';
import { pageOf } from './paging';
import { preparedFor, rolesKey, viewerValues } from './db/prepared';
import * as core from './db/schema';
import { conversation } from './db/schema-dialog';
import { goal, reflection, reflectionCompetency, selfRating } from './db/schema-portfolio';
import { OVERVIEW_PAGE_SIZE } from '../mentor-overview-page';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';

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

// A group's students: its places (the group_student index alone) minus the few who left (the partial index
// user_inactive_idx; a literal 0 as in its WHERE). Reading every member's user row to check "active" cost
// ~0.1 ms for a group of 100 on every view of the overview. Written out with table names: drizzle leaves
// them off columns in a select without joins, and "school_id" = "school_id" inside the subquery would be
// the user's own.
const membersLessInactive = sql.raw(
	`(select count(*) from "group_student" gs where gs."group_id" = "group"."id")` +
		` - (select count(*) from "user" u where u."school_id" = "group"."school_id" and u."active" = 0` +
		` and exists (select 1 from "group_student" gs where gs."group_id" = "group"."id" and gs."student_id" = u."id"))`
);

/** `column in (ids)`, the ids given as one JSON array (placeholder "ids"): one statement for any count. */
const inIds = (column: SQLiteColumn) =>
	sql`${column} in (select value from json_each(${sql.placeholder('ids')}))`;
const ph = (name: string) => sql.placeholder(name);

/**
 * The mentor's overview: one group at a time (the first one unless another is asked for), a page of
 * OVERVIEW_PAGE_SIZE students. Sorted or filtered, every student of the group needs their figures; by name
 * and unfiltered only the page's. The group's list of students is kept until the group's members revision
 * changes, and figures are counted once per change of the student's portfolio (see keptFigures): two
 * queries when nothing changed, seven when something did, whatever the group's size.
 */
export function groupOverview(viewer: Viewer, query: OverviewQuery, db: Db = getDb()): Overview {
	const listed = preparedFor(db, 'mentor.overview.groups', viewer, (v) =>
		db
			.select({
				id: core.group.id,
				name: core.group.name,
				programme: core.group.programme,
				students: sql<number>`${membersLessInactive}`,
				membersRevision: core.group.membersRevision
			})
			.from(core.group)
			.where(mentoredGroupScope(v))
			.orderBy(asc(core.group.name))
			.prepare()
	).all(viewerValues(viewer));
	const groups: OverviewGroup[] = listed.map((g) => ({
		id: g.id,
		name: g.name,
		programme: g.programme,
		students: g.students
	}));
	const chosen = listed.find((g) => g.id === query.group) ?? listed[0];
	if (!chosen) return { groups, shown: null };
	const group = groups[listed.indexOf(chosen)];
	const students = studentsOf(viewer, chosen.id, chosen.membersRevision, db);

	// By name and unfiltered (the default), the page is known before anything is counted.
	const plain = query.sort === 'name' && query.filter === 'all';
	const early = plain ? pageOf(students.length, OVERVIEW_PAGE_SIZE, query.page) : undefined;
	const counted = early ? students.slice(early.offset, early.offset + OVERVIEW_PAGE_SIZE) : students;
	const day = today();
	const kept = keptFigures(viewer, counted, day, db);
	const figures = (s: { id: number }) => kept.get(s.id)?.figures ?? noFigures();

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
	addDetails(
		viewer,
		shown.flatMap((s) => kept.get(s.id) ?? []),
		day,
		db
	);
	const rows = shown.map((s): OverviewRow => {
		const f = figures(s);
		return {
			id: s.id,
			name: fullName(s),
			sortName: sortName(s),
			perCompetency: f.perCompetency,
			lastActivity: f.lastActivity,
			waiting: f.waiting,
			unanswered: f.unanswered,
			openGoals: f.openGoals,
			overdueGoals: f.overdueGoals,
			lastConversation: f.lastConversation,
			nextConversation: f.nextConversation
		};
	});
	return { groups, shown: { group, rows, ...paging } };
}

/** What the overview shows of one student, derived from what they shared. */
type Figures = Omit<OverviewRow, 'id' | 'name' | 'sortName'>;
/** A student with nothing shared yet; a literal object, filled in place by the counts (see emptyCounts). */
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

// What is kept below is keyed by viewer and student (or group) in one number (ids stay far below 2^26): a
// group of 100 is looked up on every view, and a number key costs no string to build and hash per student.
const keyOf = (viewerId: number, id: number) => viewerId * 2 ** 26 + id;

/** Entries kept per database, at most `limit`: past it, the one kept longest without a refresh goes. */
class KeptPerDb<V> {
	#stores = new WeakMap<Db, Map<number, V>>();
	constructor(private readonly limit: number) {}

	of(db: Db): Map<number, V> {
		let store = this.#stores.get(db);
		if (!store) this.#stores.set(db, (store = new Map()));
		return store;
	}

	keep(store: Map<number, V>, key: number, value: V): void {
		// Map keeps insertion order: the first key is the one kept longest without a refresh.
		store.delete(key);
		store.set(key, value);
		if (store.size > this.limit) store.delete(store.keys().next().value as number);
	}
}

interface MemberList {
	revision: number;
	students: readonly {
		id: number;
		givenName: string;
		familyNamePrefix: string;
		familyName: string;
		revision: number;
	}[];
}
// A group's students (names and portfolio revisions, by name) per viewer and group, kept until the group's
// members revision changes: triggers count it up when a student joins or leaves, or a member's name, place,
// active flag or portfolio revision changes (migration 0009). Reading a hundred members' user rows on every
// view was the largest part of the overview of a large group.
const memberLists = new KeptPerDb<MemberList>(5_000);

function studentsOf(viewer: Viewer, groupId: number, revision: number, db: Db): MemberList['students'] {
	const store = memberLists.of(db);
	const key = keyOf(viewer.userId, groupId);
	const hit = store.get(key);
	if (hit && hit.revision === revision) return hit.students;
	const students = Object.freeze(
		preparedFor(db, 'mentor.overview.students', viewer, (v) =>
			db
				.select({
					id: core.user.id,
					givenName: core.user.givenName,
					familyNamePrefix: core.user.familyNamePrefix,
					familyName: core.user.familyName,
					revision: core.user.portfolioRevision
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
		).all({ ...viewerValues(viewer), groupId })
	);
	memberLists.keep(store, key, { revision, students });
	return students;
}

// A student's figures are kept (per database, viewer and student) until their portfolio revision changes:
// triggers count it up on every write to their reflections, competencies, comments, goals, conversations
// and group places (migration 0007), whichever code path or process writes. The day (overdue goals, the
// next conversation), the school year and the viewer's roles are compared too. The queries below
// stay the source: the read scope of access.ts decides what is counted, for this viewer.
interface Kept {
	studentId: number;
	revision: number;
	/** The day, the school year and the viewer's roles when counted. */
	context: string;
	figures: Figures;
	/** Per competency and conversations counted too (only for rows that were shown). */
	detailed: boolean;
}
// ~0.3 KB each: a whole board of 20,000 students with one mentor each.
const kept = new KeptPerDb<Kept>(20_000);

/** The students' kept figures, what filters and sorts need counted (in two queries) where missing. */
function keptFigures(
	viewer: Viewer,
	students: readonly { id: number; revision: number }[],
	day: string,
	db: Db
): Map<number, Kept> {
	const out = new Map<number, Kept>();
	if (!students.length) return out;
	const store = kept.of(db);
	const year = preparedFor(db, 'mentor.overview.year', viewer, (v) =>
		db
			.select({ startsOn: core.schoolYear.startsOn, endsOn: core.schoolYear.endsOn })
			.from(core.schoolYear)
			.where(and(eq(core.schoolYear.schoolId, v.schoolId), eq(core.schoolYear.isCurrent, true)))
			.prepare()
	).get(viewerValues(viewer));
	const context = `${day}|${year?.startsOn ?? ''}|${year?.endsOn ?? ''}|${rolesKey(viewer)}`;
	const missing: { id: number; revision: number }[] = [];
	for (const s of students) {
		const hit = store.get(keyOf(viewer.userId, s.id));
		if (hit && hit.revision === s.revision && hit.context === context) out.set(s.id, hit);
		else missing.push(s);
	}
	if (!missing.length) return out;
	const counted = countSummary(viewer, missing, day, db);
	for (const m of missing) {
		const entry: Kept = {
			studentId: m.id,
			revision: m.revision,
			context,
			figures: counted.get(m.id) as Figures,
			detailed: false
		};
		out.set(m.id, entry);
		kept.keep(store, keyOf(viewer.userId, m.id), entry);
	}
	return out;
}

// The students drive the reflection aggregates (a CROSS JOIN fixes the order in SQLite): otherwise SQLite
// starts from all of the mentor's students in the read scope (100 for four groups) and filters.
const ids = sql`json_each(${ph('ids')}) as ids`;
const visible = (v: Viewer) => and(sql`${reflection.studentId} = ids.value`, reflectionReadScope(v));

const idValues = (viewer: Viewer, ids: number[], day: string) => ({
	...viewerValues(viewer),
	ids: JSON.stringify(ids),
	today: day
});

/** Last activity, waiting, replies and goals of these students, in two queries whatever their number. */
function countSummary(viewer: Viewer, students: { id: number }[], day: string, db: Db): Map<number, Figures> {
	const v0 = idValues(
		viewer,
		students.map((s) => s.id),
		day
	);
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
	const out = new Map<number, Figures>();
	for (const s of students) out.set(s.id, noFigures());
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

/** Reflections per competency and conversations, for the entries that lack them: two queries. */
function addDetails(viewer: Viewer, entries: Kept[], day: string, db: Db): void {
	const lacking = entries.filter((e) => !e.detailed);
	if (!lacking.length) return;
	const byId = new Map(lacking.map((e) => [e.studentId, e.figures]));
	const v0 = idValues(viewer, [...byId.keys()], day);
	const activityDay = sql`coalesce(${reflection.activityDate}, date(${reflection.createdAt} / 1000, 'unixepoch'))`;
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
					sql`${activityDay} between coalesce(${current(v, core.schoolYear.startsOn)}, '0000-01-01') and coalesce(${current(v, core.schoolYear.endsOn)}, '9999-12-31')`
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
			.where(
				and(
					inIds(core.groupStudent.studentId),
					eq(conversation.schoolId, v.schoolId),
					// Not a group conversation of another group the student is in, nor of last year's.
					conversationReadScope(v, conversation)
				)
			)
			.groupBy(core.groupStudent.studentId)
			.prepare()
	).all(v0);
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
	for (const e of lacking) e.detailed = true;
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

export interface QueuePage {
	items: QueueItem[];
	total: number;
	page: number;
	pages: number;
}

// A page of the queue is kept per viewer and page until the mentor's open groups change (a group is given or
// taken, closed or reopened) or one of them changes its members revision (0009): every write to a member's
// reflections (comments too, through the thread triggers of 0005 and the revision of 0007), their names,
// joining or leaving. The stamp is read on every view; counting and sorting the waiting reflections of a
// hundred students is not.
const queues = new KeptPerDb<{ stamp: string; page: QueuePage }>(2_000);

/**
 * Finished reflections shared with the viewer that nobody on staff answered yet, oldest first, one page of
 * QUEUE_PAGE_SIZE at a time: a mentor of four groups may have hundreds waiting, and a page of them all is
 * slow to render and to read.
 */
export function feedbackQueuePage(viewer: Viewer, page = 1, db: Db = getDb()): QueuePage {
	const groups = preparedFor(db, 'mentor.queue.stamp', viewer, (v) =>
		db
			.select({ id: core.group.id, revision: core.group.membersRevision })
			.from(core.groupMentor)
			.innerJoin(core.group, eq(core.group.id, core.groupMentor.groupId))
			.where(and(eq(core.groupMentor.mentorId, v.userId), isNull(core.group.closedAt)))
			.orderBy(asc(core.group.id))
			.prepare()
	).all(viewerValues(viewer));
	const stamp = `${rolesKey(viewer)}|${groups.map((g) => `${g.id}:${g.revision}`).join(',')}`;
	const store = queues.of(db);
	const key = keyOf(viewer.userId, page);
	const hit = store.get(key);
	if (hit && hit.stamp === stamp) return hit.page;
	const counted = countQueuePage(viewer, page, db);
	queues.keep(store, key, { stamp, page: counted });
	return counted;
}

function countQueuePage(viewer: Viewer, page: number, db: Db): QueuePage {
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
			.where(
				// The page's ids first, from the covering index alone: a mentor of four groups may have
				// hundreds waiting, and only the page's rows need their title and name read.
				inArray(
					reflection.id,
					db
						.select({ id: reflection.id })
						.from(reflection)
						.where(where(v))
						.orderBy(asc(reflection.finishedAt), asc(reflection.id))
						.limit(QUEUE_PAGE_SIZE)
						.offset(ph('offset'))
				)
			)
			.orderBy(asc(reflection.finishedAt), asc(reflection.id))
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
				// A mentee, whatever other roles the viewer has: an admin reads every student's account, never
				// their goals or self-ratings (and an out-of-scope student is a 404 before any audit entry).
				studentScope(viewer, 'mentor.student.read', core.user.id)
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
		.where(
			and(eq(selfRating.studentId, studentId), studentScope(viewer, 'selfRating.read', selfRating.studentId))
		)
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
		.where(and(eq(goal.studentId, studentId), studentScope(viewer, 'goal.read', goal.studentId)))
		.orderBy(desc(goal.createdAt))
		.all()
		.map(({ createdBy, ...g }) => ({ ...g, byMentor: createdBy !== null && createdBy !== studentId }));
	return { id: u.id, name: [u.given, u.prefix, u.family].filter(Boolean).join(' '), counts, ratings, goals };
}
