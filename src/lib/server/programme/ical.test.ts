// The .ics is checked with ical.js (Mozilla's RFC 5545 parser, used by Thunderbird), not only by our own eyes.
import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { amsterdamInstant, buildCalendar, escapeText, foldLine, type CalendarEvent } from './ical';

const events: CalendarEvent[] = [
	{
		id: 1,
		title: 'Beroepenmarkt; zorg, techniek en meer',
		date: '2026-10-08',
		endDate: null,
		startTime: '09:00',
		endTime: '12:30',
		place: 'Evenementenhal, Gorinchem',
		cancelled: false
	},
	{
		id: 2,
		title: 'Stageweek',
		date: '2027-03-08',
		endDate: '2027-03-12',
		startTime: null,
		endTime: null,
		place: '',
		cancelled: false
	},
	{
		id: 3,
		title: 'Open dag mbo — ' + 'één heel lange titel met accenten ë en ü '.repeat(4),
		date: '2027-01-24',
		endDate: null,
		startTime: null,
		endTime: null,
		place: 'Da Vinci\\College',
		cancelled: true
	}
];

describe('iCalendar feed', () => {
	const text = buildCalendar('LOB-programma 2026-2027', events, { now: new Date('2026-12-02T10:00:00Z') });

	it('follows the line rules of RFC 5545: CRLF, at most 75 octets a line', () => {
		expect(text.endsWith('\r\n')).toBe(true);
		expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
	});

	it('parses with ical.js into the same events', () => {
		const comp = new ICAL.Component(ICAL.parse(text));
		const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
		expect(vevents.map((e) => e.uid)).toEqual(['activity-1@koers', 'activity-2@koers', 'activity-3@koers']);
		expect(vevents[0].summary).toBe('Beroepenmarkt; zorg, techniek en meer');
		expect(vevents[0].location).toBe('Evenementenhal, Gorinchem');
		// 09:00 in Amsterdam on 8 October (summer time) is 07:00 UTC.
		expect(vevents[0].startDate.toJSDate().toISOString()).toBe('2026-10-08T07:00:00.000Z');
		expect(vevents[0].endDate.toJSDate().toISOString()).toBe('2026-10-08T10:30:00.000Z');
		expect(vevents[1].startDate.isDate).toBe(true);
		expect(vevents[1].startDate.toString()).toBe('2027-03-08');
		expect(vevents[1].endDate.toString()).toBe('2027-03-13');
		expect(vevents[2].summary).toBe(events[2].title);
		expect(vevents[2].location).toBe('Da Vinci\\College');
		expect(vevents[2].component.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(comp.getFirstPropertyValue('version')).toBe('2.0');
		expect(vevents[0].component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2026-12-02T10:00:00Z');
	});

	it('escapes TEXT and folds without splitting a character', () => {
		expect(escapeText('a;b,c\\d\ne')).toBe('a\\;b\\,c\\\\d\\ne');
		const folded = foldLine('SUMMARY:' + 'é'.repeat(60));
		expect(folded.split('\r\n ').join('')).toBe('SUMMARY:' + 'é'.repeat(60));
		for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
	});

	it('turns Amsterdam wall-clock time into UTC in winter and summer', () => {
		expect(amsterdamInstant('2027-01-24', '10:00').toISOString()).toBe('2027-01-24T09:00:00.000Z');
		expect(amsterdamInstant('2027-06-01', '10:00').toISOString()).toBe('2027-06-01T08:00:00.000Z');
	});
});
