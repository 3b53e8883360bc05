// Pure shaping of the programme's year view: which activities reach one leerjaar/level, grouped by month.

export interface ViewActivity {
	date: string | null;
	audience: 'school' | 'cohorts' | 'groups';
	cohorts: string[];
	groups: { programme: string }[];
}

/** Every month of a school year as yyyy-mm, from its first to its last day. */
export function yearMonths(startsOn: string, endsOn: string): string[] {
	const months: string[] = [];
	let [y, m] = startsOn.split('-').map(Number);
	const last = endsOn.slice(0, 7);
	for (let guard = 0; guard < 24; guard++) {
		const key = `${y}-${String(m).padStart(2, '0')}`;
		months.push(key);
		if (key >= last) break;
		m = m === 12 ? 1 : m + 1;
		if (m === 1) y++;
	}
	return months;
}

/** Does the activity reach this leerjaar/level ('' = every activity)? */
export function reachesCohort(a: ViewActivity, cohort: string): boolean {
	if (!cohort || a.audience === 'school') return true;
	if (a.audience === 'cohorts') return a.cohorts.includes(cohort);
	return a.groups.some((g) => g.programme === cohort);
}

/** The year's months, each with its activities for the cohort; activities without a date are left out. */
export function monthsOf<T extends ViewActivity>(
	activities: T[],
	months: string[],
	cohort: string
): { month: string; items: T[] }[] {
	return months.map((month) => ({
		month,
		items: activities.filter((a) => a.date?.startsWith(month) && reachesCohort(a, cohort))
	}));
}
