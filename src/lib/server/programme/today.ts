// "Today" in Dutch schools' time zone, as yyyy-mm-dd: an activity on 8 October is past from midnight there.
const DAY_FORMAT = new Intl.DateTimeFormat('en-CA', {
	timeZone: 'Europe/Amsterdam',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

export function amsterdamToday(now: Date = new Date()): string {
	return DAY_FORMAT.format(now);
}
