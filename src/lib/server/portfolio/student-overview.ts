// The student's overview: per competency how much they reflected and how they rate themself, what
// happened lately, and their open goals. A fixed handful of queries, whatever the portfolio's size.
import { and, count, desc, eq, max } from 'drizzle-orm';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import { reflectionReadScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { COMPETENCY_SLUGS } from '../../competencies';
import type { CompetencyStat, TimelineItem } from '../../growth-view';
import { latestRatings, listGoals, listRatings, type GoalDto, type RatingDto } from './growth';

export interface Overview {
	stats: CompetencyStat[];
	timeline: TimelineItem[];
	openGoals: Pick<GoalDto, 'id' | 'title' | 'competency' | 'dueOn'>[];
	isEmpty: boolean;
}

const TIMELINE_LENGTH = 8;
const r = portfolio.reflection;
const rc = portfolio.reflectionCompetency;

/** Per competency: how many reflections the viewer may read, the last one, and the latest self-rating. */
export function getCompetencyStats(
	viewer: Viewer,
	studentId: number = viewer.userId,
	ratings: RatingDto[] = listRatings(viewer, studentId)
): CompetencyStat[] {
	const perCompetency = getDb()
		.select({ competency: rc.competency, reflections: count(), last: max(r.updatedAt) })
		.from(rc)
		.innerJoin(r, eq(r.id, rc.reflectionId))
		.where(and(eq(r.studentId, studentId), reflectionReadScope(viewer)))
		.groupBy(rc.competency)
		.all();
	const latest = latestRatings(ratings);
	const counted = new Map(perCompetency.map((p) => [p.competency, p]));
	return COMPETENCY_SLUGS.map((c) => {
		const p = counted.get(c);
		// max() over a timestamp column comes back as the raw number of milliseconds.
		const last = p?.last == null ? null : Number(p.last);
		return {
			competency: c,
			reflections: p?.reflections ?? 0,
			lastReflectedAt: last,
			rating: latest[c]?.level ?? null
		};
	});
}

export function getOverview(viewer: Viewer, studentId: number = viewer.userId): Overview {
	const db = getDb();
	const inScope = and(eq(r.studentId, studentId), reflectionReadScope(viewer));
	const recentReflections = db
		.select({ id: r.id, title: r.title, at: r.updatedAt, finishedAt: r.finishedAt })
		.from(r)
		.where(inScope)
		.orderBy(desc(r.updatedAt))
		.limit(TIMELINE_LENGTH)
		.all();
	const ratings = listRatings(viewer, studentId);
	const goals = listGoals(viewer, studentId);

	const stats = getCompetencyStats(viewer, studentId, ratings);

	const timeline: TimelineItem[] = [
		...recentReflections.map((x) => ({
			kind: 'reflection' as const,
			id: x.id,
			at: x.at.getTime(),
			title: x.title,
			finished: x.finishedAt !== null
		})),
		...ratings.slice(0, TIMELINE_LENGTH).map((x) => ({
			kind: 'rating' as const,
			id: x.id,
			at: x.createdAt.getTime(),
			competency: x.competency,
			level: x.level
		})),
		...goals.map((g) => ({
			kind: 'goal' as const,
			id: g.id,
			at: g.updatedAt.getTime(),
			title: g.title,
			status: g.status
		}))
	]
		.sort((a, b) => b.at - a.at)
		.slice(0, TIMELINE_LENGTH);

	return {
		stats,
		timeline,
		openGoals: goals
			.filter((g) => g.status === 'open')
			.map((g) => ({ id: g.id, title: g.title, competency: g.competency, dueOn: g.dueOn })),
		isEmpty: !recentReflections.length && !ratings.length && !goals.length
	};
}
