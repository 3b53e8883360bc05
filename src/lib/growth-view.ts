// Pure helpers for the student overview: the radar's data and "how long ago" in plain words. Client-safe
// and free of chart.js, so they are tested without a canvas.
import { dateFormat, relativeTimeFormat } from './date-format';
import { COMPETENCY_SLUGS, type CompetencySlug } from './competencies';
import type { GoalStatus } from './portfolio';

export interface CompetencyStat {
	competency: CompetencySlug;
	reflections: number;
	/** Newest reflection on this competency, ms since epoch; null = never. */
	lastReflectedAt: number | null;
	/** Latest self-rating 1–4; null = not rated yet. */
	rating: number | null;
}

export type TimelineItem =
	| { kind: 'reflection'; id: number; at: number; title: string; finished: boolean }
	| { kind: 'rating'; id: number; at: number; competency: CompetencySlug; level: number }
	| { kind: 'goal'; id: number; at: number; title: string; status: GoalStatus };

export interface RadarData {
	labels: string[];
	datasets: { label: string; data: number[] }[];
	max: number;
}

/**
 * The radar: the latest self-rating per competency in the fixed vmbo order, on the rating's own scale (1–4).
 * One thing per chart: the reflection counts are in the table beside it, not on the same axis.
 */
export function radarChartData(
	stats: CompetencyStat[],
	text: { label: (c: CompetencySlug) => string; rating: string }
): RadarData {
	const by = new Map(stats.map((s) => [s.competency, s]));
	return {
		labels: COMPETENCY_SLUGS.map(text.label),
		datasets: [{ label: text.rating, data: COMPETENCY_SLUGS.map((c) => by.get(c)?.rating ?? 0) }],
		max: 4
	};
}

export interface GrowthData {
	/** One label per month of the school year so far ("sep", "okt", …). */
	labels: string[];
	/** Per competency, the last rating given in each month; null in a month without one. */
	datasets: { competency: CompetencySlug; label: string; data: (number | null)[] }[];
}

/** The months of the school year (from August) up to and including the month of `now`, as yyyy-mm. */
export function schoolYearMonths(now: Date): string[] {
	const year = now.getUTCMonth() >= 7 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
	const months: string[] = [];
	for (let d = new Date(Date.UTC(year, 7, 1)); d <= now; d.setUTCMonth(d.getUTCMonth() + 1))
		months.push(d.toISOString().slice(0, 7));
	return months;
}

/**
 * Self-ratings over the school year, one line per competency: growth shows as a line going up. A month
 * shows the last rating given in it; months without one stay empty (the line spans them).
 */
// yyyy-mm in Dutch schools' time: a rating at 00:30 on 1 November belongs to November.
const monthOf = dateFormat('en-CA', { year: 'numeric', month: '2-digit' });

export function growthChartData(
	ratings: { competency: CompetencySlug; level: number; createdAt: Date }[],
	months: string[],
	text: { month: (yyyyMm: string) => string; label: (c: CompetencySlug) => string }
): GrowthData {
	const oldestFirst = [...ratings].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
	return {
		labels: months.map(text.month),
		datasets: COMPETENCY_SLUGS.map((competency) => {
			const data: (number | null)[] = months.map(() => null);
			for (const r of oldestFirst) {
				if (r.competency !== competency) continue;
				const i = months.indexOf(monthOf.format(r.createdAt));
				if (i >= 0) data[i] = r.level;
			}
			return { competency, label: text.label(competency), data };
		})
	};
}

export type TimeAgoUnit = 'day' | 'week' | 'month' | 'year';

const DAY = 24 * 60 * 60 * 1000;

/** How long ago, in the largest whole unit that fits: 0 days is "today", 20 days is "2 weeks". */
export function timeAgo(then: number, now: number): { value: number; unit: TimeAgoUnit } {
	const days = Math.max(0, Math.floor((now - then) / DAY));
	if (days < 7) return { value: days, unit: 'day' };
	if (days < 31) return { value: Math.floor(days / 7), unit: 'week' };
	if (days < 365) return { value: Math.floor(days / 30.44), unit: 'month' };
	return { value: Math.floor(days / 365.25), unit: 'year' };
}

/** "3 weken geleden", "vandaag", "gisteren"; the caller supplies the word for never. */
export function formatTimeAgo(then: number | null, now: number, locale: string, never: string): string {
	if (then === null) return never;
	const { value, unit } = timeAgo(then, now);
	return relativeTimeFormat(locale).format(-value, unit);
}
