import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { requireChild } from '$lib/server/parents/params';
import { getHomeReflection, saveNote } from '$lib/server/parents/home';
import { recordView } from '$lib/server/privacy/audit';
import { startersFor } from '$lib/parents/starters';
import { noteSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('parent');
	const child = requireChild(viewer, params.studentId);
	const reflection = getHomeReflection(viewer, child.id, Number(params.rid));
	if (!reflection) error(404, 'Not found');
	recordView(viewer, child.id, 'reflection.view', reflection.title);
	return { child, reflection, starters: startersFor(reflection.activityType, reflection.competencies) };
};

export const actions: Actions = {
	note: async ({ params, request }) => {
		const viewer = requireRole('parent');
		const child = requireChild(viewer, params.studentId);
		const parsed = await parseForm(request, noteSchema);
		if (!parsed.ok) return parsed.failure;
		if (!saveNote(viewer, child.id, Number(params.rid), parsed.data.body)) error(404, 'Not found');
		return { done: parsed.data.body ? m.par_note_saved() : m.par_note_removed() };
	}
};
