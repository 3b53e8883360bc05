import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { feedEvents, feedOwner } from '$lib/server/programme/feed';
import { buildCalendar } from '$lib/server/programme/ical';

// A phone's calendar app cannot sign in: the secret in the address is the only key (public allowlist).
// Unknown, guessed or reset addresses look like any missing page.
export const GET: RequestHandler = ({ params, url }) => {
	publicRoute();
	const owner = feedOwner(params.token);
	if (!owner) error(404, 'Not found');
	const body = buildCalendar('Koers', feedEvents(owner), { host: url.hostname });
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'cache-control': 'private, no-store',
			'x-robots-tag': 'noindex'
		}
	});
};
