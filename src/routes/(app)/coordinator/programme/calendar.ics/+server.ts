import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listProgramme } from '$lib/server/programme/plan';
import { listYears, pickYear } from '$lib/server/programme/options';
import { buildCalendar } from '$lib/server/programme/ical';

export const GET: RequestHandler = ({ url }) => {
	const viewer = requireRole('coordinator');
	const year = pickYear(listYears(viewer), url.searchParams.get('year'));
	if (!year) error(404, 'Not found');
	const events = listProgramme(viewer, year.id)
		.filter((a) => a.date)
		.map((a) => ({ ...a, date: a.date! }));
	return new Response(buildCalendar(`LOB-programma ${year.name}`, events, { host: url.hostname }), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="lob-programma-${year.name}.ics"`,
			'cache-control': 'private, no-store'
		}
	});
};
