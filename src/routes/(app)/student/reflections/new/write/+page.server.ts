import { randomUUID } from 'node:crypto';
import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { notifyReflectionFinished } from '$lib/server/dialog/notifications';
import { resolveExperience } from '$lib/server/portfolio/reflection-save';
import { newReflectionOf, startReflection } from '$lib/server/portfolio/reflection-start';
import { getMyActivity } from '$lib/server/programme/student';
import { parseForm } from '$lib/server/forms';
import { startSaveSchema, startSchema } from '$lib/schemas/reflections';
import { m } from '$lib/paraglide/messages';
import { finishGapErrors } from '$lib/reflection-text';

// The editor for a reflection not saved yet (issue 19, item 15): nothing is stored until the first word.
export const load: PageServerLoad = ({ url, request }) => {
	const viewer = requireRole('student');
	const q = (name: string) => url.searchParams.get(name) ?? undefined;
	const parsed = startSchema.safeParse({
		startKey: randomUUID(),
		startActivity: q('activity'),
		startType: q('type'),
		startDate: q('date'),
		startPlace: q('place'),
		startTitle: q('title')
	});
	if (!parsed.success) redirect(303, '/student/reflections/new');
	const start = parsed.data;
	let planned = null;
	if (start.startActivity !== undefined) {
		const mine = getMyActivity(viewer, start.startActivity);
		if (!mine || (mine.cancelled && mine.reflectionId === null)) error(404, 'Not found');
		// One reflection per activity: the one already started opens instead. Not after a first save
		// without JavaScript: that page shows the save's answer (what is still missing).
		if (mine.reflectionId !== null && request.method === 'GET')
			redirect(303, `/student/reflections/${mine.reflectionId}/edit`);
		planned = { preparationQuestion: mine.preparationQuestion, cancelled: mine.cancelled, past: mine.past };
	}
	const experience = resolveExperience(viewer, newReflectionOf(start));
	if (!experience) error(404, 'Not found');
	return {
		start,
		planned,
		reflection: {
			id: null,
			activityType: experience.activityType,
			title: experience.title,
			doel: '',
			resultaat: '',
			evaluatie: '',
			vervolg: '',
			visibility: 'mentor' as const,
			competencies: [],
			version: 0,
			updatedAt: 0
		}
	};
};

// Without JavaScript the first save posts here; after it the form posts to the reflection's own editor.
export const actions: Actions = {
	save: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, startSaveSchema);
		if (!parsed.ok) return parsed.failure;
		const { finish, startKey, startActivity, startType, startDate, startPlace, startTitle, ...content } =
			parsed.data;
		const start = { startKey, startActivity, startType, startDate, startPlace, startTitle };
		const started = startReflection(viewer, start, content, { finish: Boolean(finish) });
		if (started.id === undefined) {
			if (started.reason === 'missing') error(404, 'Not found');
			return fail(400, { values: parsed.values, errors: {}, message: m.refl_start_empty() });
		}
		const { id, result } = started;
		if (result.ok && result.missing.length)
			return fail(400, {
				values: { ...parsed.values, version: String(result.version) },
				errors: finishGapErrors(result.missing),
				message: m.refl_finish_refused(),
				refused: true,
				createdId: id
			});
		if (result.ok && finish) notifyReflectionFinished(viewer, id);
		if (result.ok) redirect(303, `/student/reflections/${id}?saved=1`);
		if (result.reason === 'missing') error(404, 'Not found');
		return fail(409, {
			values: parsed.values,
			errors: {},
			message: m.refl_conflict_intro(),
			conflict: result.current,
			createdId: id
		});
	}
};
