import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { studentSummary } from '$lib/server/mentor/student-summary';
import { getProgress, studentYear } from '$lib/server/portfolio/dossier-progress';
import { getSignoff, signOff } from '$lib/server/portfolio/signoff';
import { signoffSchema } from '$lib/schemas/dossier';
import { recordView } from '$lib/server/privacy/audit';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const student = studentSummary(viewer, Number(params.id));
	if (!student) error(404, 'Not found');
	recordView(viewer, student.id, 'portfolio.view');
	const current = studentYear(viewer.schoolId, student.id);
	return {
		student: { id: student.id, name: student.name },
		year: current ? { name: current.year.name, cohort: current.cohort } : null,
		progress: getProgress(viewer, student.id) ?? null,
		signoff: getSignoff(viewer, student.id)
	};
};

export const actions: Actions = {
	// The mentor's word on this year's dossier; "nog niet" needs a reason the student can act on.
	signoff: async ({ params, request }) => {
		const viewer = requireRole('mentor');
		const parsed = await parseForm(request, signoffSchema);
		if (!parsed.ok) return parsed.failure;
		if (!signOff(viewer, Number(params.id), parsed.data)) error(404, 'Not found');
		return { saved: true };
	}
};
