import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getReflection, parseReflectionId } from '$lib/server/reflections';
import { studentSummary } from '$lib/server/mentor-overview';
import { commentActions, threadFor } from '$lib/server/comment-actions';

function idOf(raw: string): number {
	const id = parseReflectionId(raw);
	if (id === undefined) error(404, 'Not found');
	return id;
}

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const reflection = getReflection(viewer, idOf(params.rid));
	// The student in the URL must be the author: no reaching a reflection through another student's page.
	if (!reflection || reflection.studentId !== idOf(params.id) || reflection.studentId === viewer.userId)
		error(404, 'Not found');
	const student = studentSummary(viewer, reflection.studentId);
	if (!student) error(404, 'Not found');
	return {
		reflection,
		student: { id: student.id, name: student.name },
		comments: threadFor(viewer, reflection.id)
	};
};

export const actions: Actions = commentActions('mentor', (p) => idOf(p.rid));
