import { error, type Cookies } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { createLoginCode } from '$lib/server/auth/accounts';
import { parseForm } from '$lib/server/forms';
import { studentIdSchema } from '$lib/schemas/people';
import {
	groupOverview,
	OVERVIEW_FILTERS,
	OVERVIEW_SORTS,
	type OverviewQuery
} from '$lib/server/mentor/group-overview';

function pick<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
	return allowed.includes(value as T) ? (value as T) : fallback;
}

/** A positive whole number from the query string, or null. */
function positive(value: string | null): number | null {
	const n = Number(value);
	return value && Number.isSafeInteger(n) && n > 0 ? n : null;
}

// The group a mentor looked at last comes back next time (a plain cookie: works without JavaScript).
const GROUP_COOKIE = 'koers_mentor_group';

function overviewQuery(url: URL, cookies: Cookies): OverviewQuery {
	const weeks = Number(url.searchParams.get('weeks'));
	return {
		sort: pick(url.searchParams.get('sort'), OVERVIEW_SORTS, 'name'),
		filter: pick(url.searchParams.get('filter'), OVERVIEW_FILTERS, 'all'),
		weeks: Number.isInteger(weeks) && weeks >= 1 && weeks <= 52 ? weeks : 4,
		group: positive(url.searchParams.get('group')) ?? positive(cookies.get(GROUP_COOKIE) ?? null),
		page: positive(url.searchParams.get('page')) ?? 1
	};
}

export const load: PageServerLoad = ({ url, cookies }) => {
	const viewer = requireRole('mentor');
	const query = overviewQuery(url, cookies);
	const overview = groupOverview(viewer, query);
	const shown = overview.shown?.group.id;
	if (url.searchParams.has('group') && shown && String(shown) !== cookies.get(GROUP_COOKIE)) {
		cookies.set(GROUP_COOKIE, String(shown), {
			path: '/mentor',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 180 * 24 * 3600
		});
	}
	return { query, overview };
};

export const actions: Actions = {
	loginCode: async ({ request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, studentIdSchema);
		if (!parsed.ok) return parsed.failure;
		const created = createLoginCode(viewer, parsed.data.studentId, 'mentee.loginCode.create');
		if (!created) error(404, 'Not found');
		return {
			loginCode: {
				studentId: parsed.data.studentId,
				name: created.studentName,
				code: created.code,
				expiresAt: created.expiresAt.toISOString()
			}
		};
	}
};
