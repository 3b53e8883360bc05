// The figures of the mentor's overview, counted in a fixed number of grouped queries for any number of
// students: what decides filters and sorts (countSummary) and what only the rows shown need (addDetails).
import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { CompetencySlug } from '../../competencies';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import { conversationReadScope } from '../access-scopes/conversations';
import { reflectionReadScope } from '../access-scopes/reflections';
import type { Db } from '../db';
import * as core from '../db/schema';
import { conversation } from '../db/schema-dialog';
import { goal, reflection, reflectionCompetency, selfRating } from '../db/schema-portfolio';

/** What the overview shows of one student, derived from what they shared. */
export interface Figures {
	perCompetency: Record<CompetencySlug, number>;
	/** The newest self-rating (1–4) per competency; missing when the student never rated it. */
	ratings: Partial<Record<CompetencySlug, number>>;
	lastActivity: number | null;
	waiting: number;
	unanswered: number;
	openGoals: number;
	overdueGoals: number;
	lastConversation: string | null;
	nextConversation: string | null;
	/** Conversations held, or planned from today, in this school year. */
	talksThisYear: number;
}

/** A student with nothing shared yet. */
export const noFigures = (): Figures => ({
	perCompetency: { kwaliteiten: 0, motieven: 0, werkexploratie: 0, loopbaansturing: 0, netwerken: 0 },
	ratings: {},
	lastActivity: null,
	waiting: 0,
	unanswered: 0,
	openGoals: 0,
	overdueGoals: 0,
	lastConversation: null,
	nextConversation: null,
	talksThisYear: 0
});

// "Has a mentor response" (anyone but the student commented) and "a reply waiting" (the last word is the
// student's, after a mentor had spoken) are kept on the reflection row by triggers on comment (migration
// 0005), so counting them is an index lookup instead of a search through every thread.

/** `column in (ids)`, the ids bound as one JSON array: one statement for any number of students. */
const inIds = (column: SQLiteColumn, ids: readonly number[]) =>
	sql`${column} in (select value from json_each(${JSON.stringify(ids)}))`;

// The students drive the reflection aggregates (a CROSS JOIN fixes the order in SQLite): otherwise SQLite
// starts from all of the mentor's students in the read scope (100 for four groups) and filters.
const idsTable = (ids: readonly number[]) => sql`json_each(${JSON.stringify(ids)}) as ids`;
const visible = (viewer: Viewer) =>
	and(sql`${reflection.studentId} = ids.value`, reflectionReadScope(viewer));

// The current school year's dates, read in the same statement (all years when the school has none).
const current = (viewer: Viewer, column: SQLiteColumn) =>
	sql`(select ${column} from ${core.schoolYear} where ${core.schoolYear.schoolId} = ${viewer.schoolId} and ${core.schoolYear.isCurrent} = 1)`;
const yearStart = (viewer: Viewer) =>
	sql`coalesce(${current(viewer, core.schoolYear.startsOn)}, '0000-01-01')`;
const yearEnd = (viewer: Viewer) => sql`coalesce(${current(viewer, core.schoolYear.endsOn)}, '9999-12-31')`;

/** Activity, waiting, replies, goals and conversations of these students: three queries for any number. */
export function countSummary(viewer: Viewer, ids: number[], day: string, db: Db): Map<number, Figures> {
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
	addTalks(viewer, out, day, db);
	return out;
}

/** Last and next conversation, and this year's, of each student (their own and their group's): one query. */
function addTalks(viewer: Viewer, byId: Map<number, Figures>, day: string, db: Db): void {
	// plannedAt may carry a time ("2026-12-03T14:30"): compare its day only.
	const on = sql`substr(${conversation.plannedAt}, 1, 10)`;
	const talks = db
		.select({
			studentId: core.groupStudent.studentId,
			last: sql<string | null>`max(case when ${conversation.status} = 'held' then ${on} end)`,
			next: sql<
				string | null
			>`min(case when ${conversation.status} = 'planned' and ${on} >= ${day} then ${on} end)`,
			thisYear: sql<number>`sum(case when (${conversation.status} = 'held' or (${conversation.status} = 'planned' and ${on} >= ${day})) and ${on} between ${yearStart(viewer)} and ${yearEnd(viewer)} then 1 else 0 end)`
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
				inIds(core.groupStudent.studentId, [...byId.keys()]),
				eq(conversation.schoolId, viewer.schoolId),
				// Not a group conversation of another group the student is in, nor of last year's.
				conversationReadScope(viewer, conversation)
			)
		)
		.groupBy(core.groupStudent.studentId)
		.all();
	for (const t of talks) {
		const f = byId.get(t.studentId);
		if (!f) continue;
		f.lastConversation = t.last;
		f.nextConversation = t.next;
		f.talksThisYear = t.thisYear;
	}
}

/** Reflections per competency this school year and the newest self-ratings of the rows shown: two queries. */
export function addDetails(viewer: Viewer, byId: Map<number, Figures>, db: Db): void {
	if (!byId.size) return;
	const ids = [...byId.keys()];
	const activityDay = sql`coalesce(${reflection.activityDate}, date(${reflection.createdAt} / 1000, 'unixepoch'))`;
	const perCompetency = db
		.select({
			studentId: reflection.studentId,
			c: reflectionCompetency.competency,
			n: sql<number>`count(*)`
		})
		.from(idsTable(ids))
		.crossJoin(reflection)
		.innerJoin(reflectionCompetency, eq(reflectionCompetency.reflectionId, reflection.id))
		.where(and(visible(viewer), sql`${activityDay} between ${yearStart(viewer)} and ${yearEnd(viewer)}`))
		.groupBy(reflection.studentId, reflectionCompetency.competency)
		.all();
	// SQLite takes the bare column (level) from the row that holds the max(): the newest rating.
	const ratings = db
		.select({
			studentId: selfRating.studentId,
			c: selfRating.competency,
			level: selfRating.level,
			at: sql<number>`max(${selfRating.createdAt})`
		})
		.from(selfRating)
		.where(
			and(
				inIds(selfRating.studentId, ids),
				eq(selfRating.schoolId, viewer.schoolId),
				studentScope(viewer, 'selfRating.read', selfRating.studentId)
			)
		)
		.groupBy(selfRating.studentId, selfRating.competency)
		.all();
	for (const c of perCompetency) {
		const f = byId.get(c.studentId);
		if (f) f.perCompetency[c.c] = c.n;
	}
	for (const r of ratings) {
		const f = byId.get(r.studentId);
		if (f) f.ratings[r.c] = r.level;
	}
}
