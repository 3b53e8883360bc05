// The mentor's group overview, feedback queue and one student's page. The overview runs a fixed number of
// grouped queries whatever the number of students (a mentor may have four groups of 30).
import { and, asc, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../competencies';
import type { Viewer } from './auth/viewer';
import { reflectionReadScope, studentScope } from './access';
import { getDb, type Db } from './db';
import * as core from './db/schema';
import { comment, conversation } from './db/schema-dialog';
import { goal, reflection, reflectionCompetency, selfRating } from './db/schema-portfolio';
import { listMentorGroups, type MentorGroupStudent } from './mentoring';

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
	total: number;
	rows: OverviewRow[];
}

export const OVERVIEW_SORTS = ['name', 'activity', 'waiting', 'overdue'] as const;
export const OVERVIEW_FILTERS = ['all', 'attention', 'quiet', 'waiting', 'overdue'] as const;
export interface OverviewQuery {
	sort: (typeof OVERVIEW_SORTS)[number];
	filter: (typeof OVERVIEW_FILTERS)[number];
	weeks: number;
}

const today = () => new Date().toISOString().slice(0, 10);
const emptyCounts = () =>
	Object.fromEntries(COMPETENCY_SLUGS.map((c) => [c, 0])) as Record<CompetencySlug, number>;

/** A reflection "has a mentor response" once anyone but the student commented on it. */
const hasStaffComment = sql`exists (select 1 from ${comment} where ${comment.reflectionId} = ${reflection.id}
	and ${comment.authorId} <> ${reflection.studentId} and ${comment.deletedAt} is null)`;
// The last word in the thread is the student's, after a mentor had spoken: a reply waiting for an answer.
const lastIsStudentReply = sql`${hasStaffComment} and (select ${comment.authorId} from ${comment}
	where ${comment.reflectionId} = ${reflection.id} and ${comment.deletedAt} is null
	order by ${comment.createdAt} desc, ${comment.id} desc limit 1) = ${reflection.studentId}`;

export function groupOverview(viewer: Viewer, query: OverviewQuery, db: Db = getDb()): OverviewGroup[] {
	const groups = listMentorGroups(viewer);
	const ids = [...new Set(groups.flatMap((g) => g.students.map((s) => s.id)))];
	if (!ids.length) return groups.map((g) => ({ ...g, total: 0, rows: [] }));
	const year = db
		.select({ startsOn: core.schoolYear.startsOn, endsOn: core.schoolYear.endsOn })
		.from(core.schoolYear)
		.where(and(eq(core.schoolYear.schoolId, viewer.schoolId), eq(core.schoolYear.isCurrent, true)))
		.get();
	const visible = and(reflectionReadScope(viewer), inArray(reflection.studentId, ids));
	const day = sql`coalesce(${reflection.activityDate}, date(${reflection.createdAt} / 1000, 'unixepoch'))`;
	const perCompetency = db
		.select({ studentId: reflection.studentId, c: reflectionCompetency.competency, n: sql<number>`count(*)` })
		.from(reflection)
		.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
		.where(and(visible, year ? sql`${day} between ${year.startsOn} and ${year.endsOn}` : undefined))
		.groupBy(reflection.studentId, reflectionCompetency.competency)
		.all();
	const stats = db
		.select({
			studentId: reflection.studentId,
			last: sql<number | null>`max(${reflection.updatedAt})`,
			waiting: sql<number>`sum(case when ${hasStaffComment} then 0 else 1 end)`,
			unanswered: sql<number>`sum(case when ${lastIsStudentReply} then 1 else 0 end)`
		})
		.from(reflection)
		.where(visible)
		.groupBy(reflection.studentId)
		.all();
	const goals = db
		.select({
			studentId: goal.studentId,
			open: sql<number>`count(*)`,
			overdue: sql<number>`sum(case when ${goal.dueOn} < ${today()} then 1 else 0 end)`
		})
		.from(goal)
		.where(and(inArray(goal.studentId, ids), eq(goal.status, 'open'), eq(goal.schoolId, viewer.schoolId)))
		.groupBy(goal.studentId)
		.all();
	const talks = db
		.select({
			studentId: core.groupStudent.studentId,
			last: sql<
				string | null
			>`max(case when ${conversation.status} = 'held' then ${conversation.plannedAt} end)`,
			next: sql<
				string | null
			>`min(case when ${conversation.status} = 'planned' and ${conversation.plannedAt} >= ${today()} then ${conversation.plannedAt} end)`
		})
		.from(core.groupStudent)
		.innerJoin(
			conversation,
			sql`(${conversation.studentId} = ${core.groupStudent.studentId} or (${conversation.studentId} is null and ${conversation.groupId} = ${core.groupStudent.groupId}))`
		)
		.where(and(inArray(core.groupStudent.studentId, ids), eq(conversation.schoolId, viewer.schoolId)))
		.groupBy(core.groupStudent.studentId)
		.all();

	const counts = new Map<number, Record<CompetencySlug, number>>();
	for (const r of perCompetency) {
		const m = counts.get(r.studentId) ?? emptyCounts();
		m[r.c] = r.n;
		counts.set(r.studentId, m);
	}
	const statBy = new Map(stats.map((s) => [s.studentId, s]));
	const goalBy = new Map(goals.map((g) => [g.studentId, g]));
	const talkBy = new Map(talks.map((t) => [t.studentId, t]));
	const quietSince = Date.now() - query.weeks * 7 * 24 * 3600 * 1000;

	return groups.map((g) => {
		const all: OverviewRow[] = g.students.map((s) => ({
			...s,
			perCompetency: counts.get(s.id) ?? emptyCounts(),
			lastActivity: statBy.get(s.id)?.last ?? null,
			waiting: statBy.get(s.id)?.waiting ?? 0,
			unanswered: statBy.get(s.id)?.unanswered ?? 0,
			openGoals: goalBy.get(s.id)?.open ?? 0,
			overdueGoals: goalBy.get(s.id)?.overdue ?? 0,
			lastConversation: talkBy.get(s.id)?.last ?? null,
			nextConversation: talkBy.get(s.id)?.next ?? null
		}));
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
		// Array sort is stable: ties keep the alphabetical order of listMentorGroups.
		const rows = all.filter(keep[query.filter]).sort(order[query.sort]);
		return { id: g.id, name: g.name, programme: g.programme, total: all.length, rows };
	});
}

export interface QueueItem {
	id: number;
	studentId: number;
	studentName: string;
	title: string;
	finishedAt: number;
}

export const QUEUE_PAGE_SIZE = 50;

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
	const where = and(
		reflectionReadScope(viewer),
		sql`${reflection.studentId} <> ${viewer.userId}`,
		isNotNull(reflection.finishedAt),
		sql`not ${hasStaffComment}`
	);
	const total =
		db
			.select({ n: sql<number>`count(*)` })
			.from(reflection)
			.where(where)
			.get()?.n ?? 0;
	const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
	const current = Math.min(Math.max(1, page), pages);
	const rows = db
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
		.where(where)
		.orderBy(asc(reflection.finishedAt), asc(reflection.id))
		.limit(QUEUE_PAGE_SIZE)
		.offset((current - 1) * QUEUE_PAGE_SIZE)
		.all();
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
