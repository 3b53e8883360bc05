// Pure helpers for the student overview: the radar's data and "how long ago" in plain words. Client-safe
// and free of chart.js, so they are tested without a canvas.
import { relativeTimeFormat } from './date-format';
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
 * The radar's two series in the fixed vmbo order: reflections per competency and the latest self-rating.
 * Both share one axis; it runs at least to 4 (the highest rating) so a few reflections do not look tiny.
 */
export function radarChartData(
	stats: CompetencyStat[],
	text: { label: (c: CompetencySlug) => string; reflections: string; rating: string }
): RadarData {
	const by = new Map(stats.map((s) => [s.competency, s]));
	const reflections = COMPETENCY_SLUGS.map((c) => by.get(c)?.reflections ?? 0);
	const ratings = COMPETENCY_SLUGS.map((c) => by.get(c)?.rating ?? 0);
	return {
		labels: COMPETENCY_SLUGS.map(text.label),
		datasets: [
			{ label: text.reflections, data: reflections },
			{ label: text.rating, data: ratings }
		],
		max: Math.max(4, ...reflections)
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
