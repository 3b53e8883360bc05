import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { notifyReflectionFinished } from '$lib/server/dialog/notifications';
import { getOwnReflection } from '$lib/server/portfolio/reflections';
import { saveReflection } from '$lib/server/portfolio/reflection-save';
import { parseForm } from '$lib/server/forms';
import { reflectionSaveSchema } from '$lib/schemas/reflections';
import { m } from '$lib/paraglide/messages';
import { finishGapErrors } from '$lib/reflection-text';
import { getReflectionActivity } from '$lib/server/programme/student';
import { getStudentWerkcentrum } from '$lib/server/school/werkcentrum';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('student');
	const reflection = getOwnReflection(viewer, Number(params.id));
	if (!reflection) error(404, 'Not found');
	return {
		reflection,
		planned: getReflectionActivity(viewer, reflection.id) ?? null,
		werkcentrum: getStudentWerkcentrum(viewer)
	};
};

// Without JavaScript the form posts here; with JavaScript the page saves through ../autosave instead.
export const actions: Actions = {
	save: async ({ params, request }) => {
		const viewer = requireRole('student');
		const id = Number(params.id);
		const parsed = await parseForm(request, reflectionSaveSchema);
		if (!parsed.ok) return parsed.failure;
		const { version, finish, ...content } = parsed.data;
		const result = saveReflection(viewer, id, version, content, { finish: Boolean(finish) });
		// Klaar refused: the text is saved as a draft; the page says at each field what is missing.
		if (result.ok && result.missing.length)
			return fail(400, {
				values: { ...parsed.values, version: String(result.version) },
				errors: finishGapErrors(result.missing),
				message: m.refl_finish_refused(),
				refused: true
			});
		if (result.ok && finish) notifyReflectionFinished(viewer, id);
		if (result.ok) redirect(303, `/student/reflections/${id}?saved=1`);
		if (result.reason === 'missing') error(404, 'Not found');
		// Nothing is overwritten: both texts go back to the page and the student chooses.
		return fail(409, {
			values: parsed.values,
			errors: {},
			message: m.refl_conflict_intro(),
			conflict: result.current
		});
	}
};
