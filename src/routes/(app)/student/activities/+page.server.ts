import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { findActivityReflection, listMyActivities } from '$lib/server/programme/student';
import { feedUrlOf, hasFeed, resetFeed } from '$lib/server/programme/feed';
import { activityIdSchema } from '$lib/schemas/programme';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return { activities: listMyActivities(viewer), hasFeed: hasFeed(viewer) };
};

/** Before the date the student starts with the doel; after it, with what happened. */
async function open(request: Request, part: 'doel' | 'resultaat') {
	const viewer = requireRole('student');
	const parsed = await parseForm(request, activityIdSchema);
	if (!parsed.ok) return parsed.failure;
	const activityId = parsed.data.activityId;
	const id = findActivityReflection(viewer, activityId);
	if (id === undefined) error(404, 'Not found');
	// Nothing started yet: the editor opens empty and the first word makes the reflection.
	if (id === null) redirect(303, `/student/reflections/new/write?activity=${activityId}#f-${part}`);
	redirect(303, `/student/reflections/${id}/edit#f-${part}`);
}

export const actions: Actions = {
	prepare: ({ request }) => {
		requireRole('student');
		return open(request, 'doel');
	},
	reflect: ({ request }) => {
		requireRole('student');
		return open(request, 'resultaat');
	},
	// A new secret address; the old one stops working at once.
	feed: ({ url }) => {
		const viewer = requireRole('student');
		const token = resetFeed(viewer);
		return { feedUrl: feedUrlOf(url.origin, token) };
	}
};
