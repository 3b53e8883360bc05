import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { getMentorActivity, listActivityStudents, nudgeStudent } from '$lib/server/programme/follow';
import { nudgeSchema } from '$lib/schemas/programme';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const id = Number(params.id);
	const activity = getMentorActivity(viewer, id);
	const students = listActivityStudents(viewer, id);
	if (!activity || !students) error(404, 'Not found');
	return { activity, students };
};

export const actions: Actions = {
	nudge: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const id = Number(params.id);
		const parsed = await parseForm(request, nudgeSchema);
		if (!parsed.ok) return parsed.failure;
		const result = nudgeStudent(viewer, id, parsed.data.studentId);
		if (!result) error(404, 'Not found');
		return { nudged: result, studentId: parsed.data.studentId };
	}
};
