// An iCalendar file (RFC 5545) of planned activities: titles, dates, times and places only. Written by hand
// because it is small: CRLF line ends, lines folded at 75 octets, TEXT escaped, times in UTC (no VTIMEZONE
// needed), whole days as VALUE=DATE with an exclusive end.

export interface CalendarEvent {
	id: number;
	title: string;
	date: string;
	endDate: string | null;
	startTime: string | null;
	endTime: string | null;
	place: string;
	cancelled: boolean;
}

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(s: string): string {
	return s
		.replace(/\\/g, '\\\\')
		.replace(/;/g, '\\;')
		.replace(/,/g, '\\,')
		.replace(/\r?\n|\r/g, '\\n');
}

/** Folds a content line into pieces of at most 75 octets, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
	const bytes = Buffer.from(line, 'utf8');
	if (bytes.length <= 75) return line;
	const parts: string[] = [];
	let start = 0;
	let limit = 75;
	while (start < bytes.length) {
		let end = Math.min(start + limit, bytes.length);
		// A UTF-8 continuation byte (10xxxxxx) cannot start a piece.
		while (end < bytes.length && (bytes[end] & 0xc0) === 0x80) end--;
		parts.push(bytes.subarray(start, end).toString('utf8'));
		start = end;
		limit = 74; // the leading space of a continuation line counts
	}
	return parts.join('\r\n ');
}

const AMSTERDAM = new Intl.DateTimeFormat('en-US', {
	timeZone: 'Europe/Amsterdam',
	hourCycle: 'h23',
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit'
});

function amsterdamOffset(ms: number): number {
	const p = Object.fromEntries(AMSTERDAM.formatToParts(new Date(ms)).map((x) => [x.type, x.value]));
	const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
	return asUtc - Math.floor(ms / 60_000) * 60_000;
}

/** A wall-clock time in Amsterdam (yyyy-mm-dd, hh:mm) as an instant. */
export function amsterdamInstant(date: string, time: string): Date {
	const [y, mo, d] = date.split('-').map(Number);
	const [h, mi] = time.split(':').map(Number);
	const wall = Date.UTC(y, mo - 1, d, h, mi);
	let ms = wall - amsterdamOffset(wall);
	ms = wall - amsterdamOffset(ms);
	return new Date(ms);
}

const utc = (d: Date) =>
	d
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d{3}/, '');
const compactDate = (d: string) => d.replace(/-/g, '');
function nextDay(d: string): string {
	const t = new Date(`${d}T00:00:00Z`);
	t.setUTCDate(t.getUTCDate() + 1);
	return t.toISOString().slice(0, 10);
}

function eventLines(e: CalendarEvent, stamp: string, host: string): string[] {
	const last = e.endDate ?? e.date;
	const lines = ['BEGIN:VEVENT', `UID:activity-${e.id}@${host}`, `DTSTAMP:${stamp}`];
	if (e.startTime) {
		const start = amsterdamInstant(e.date, e.startTime);
		const end = e.endTime
			? amsterdamInstant(last, e.endTime)
			: new Date(amsterdamInstant(last, e.startTime).getTime() + 3_600_000);
		lines.push(
			`DTSTART:${utc(start)}`,
			`DTEND:${utc(end > start ? end : new Date(start.getTime() + 3_600_000))}`
		);
	} else {
		lines.push(`DTSTART;VALUE=DATE:${compactDate(e.date)}`, `DTEND;VALUE=DATE:${compactDate(nextDay(last))}`);
	}
	lines.push(`SUMMARY:${escapeText(e.title)}`);
	if (e.place) lines.push(`LOCATION:${escapeText(e.place)}`);
	lines.push(`STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`, 'TRANSP:TRANSPARENT', 'END:VEVENT');
	return lines;
}

export function buildCalendar(
	name: string,
	events: CalendarEvent[],
	options: { now?: Date; host?: string } = {}
): string {
	const stamp = utc(options.now ?? new Date());
	const host = options.host ?? 'koers';
	const lines = [
		'BEGIN:VCALENDAR',
		'VERSION:2.0',
		'PRODID:-//Koers//LOB-programma//NL',
		'CALSCALE:GREGORIAN',
		'METHOD:PUBLISH',
		`X-WR-CALNAME:${escapeText(name)}`,
		...events.flatMap((e) => eventLines(e, stamp, host)),
		'END:VCALENDAR'
	];
	return lines.map(foldLine).join('\r\n') + '\r\n';
}
