// Client-safe labels of the programme, from the catalogue.
import { m } from '$lib/paraglide/messages';
import type { ActivityState, Audience } from './programme';

export const audienceText: Record<Audience, () => string> = {
	school: m.prog_audience_school,
	cohorts: m.prog_audience_cohorts,
	groups: m.prog_audience_groups
};

export const stateText: Record<ActivityState, () => string> = {
	none: m.prog_state_none,
	prepared: m.prog_state_prepared,
	reflected: m.prog_state_reflected
};

/** "8 oktober 2026" or "8 – 12 maart 2027", with times when there are any. */
export function periodText(
	a: { date: string | null; endDate: string | null; startTime: string | null; endTime: string | null },
	format: (d: string) => string
): string {
	if (!a.date) return '';
	const days =
		a.endDate && a.endDate !== a.date ? `${format(a.date)} – ${format(a.endDate)}` : format(a.date);
	const times = a.startTime ? (a.endTime ? `${a.startTime}–${a.endTime}` : a.startTime) : '';
	return times ? `${days}, ${times}` : days;
}
