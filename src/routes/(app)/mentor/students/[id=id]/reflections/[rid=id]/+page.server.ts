import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getReflection } from '$lib/server/portfolio/reflections';
import { listAttachments } from '$lib/server/portfolio/attachments';
import { studentSummary } from '$lib/server/mentor/student-summary';
import { commentActions, threadFor } from '$lib/server/http/comment-actions';
import { recordView } from '$lib/server/privacy/audit';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const reflection = getReflection(viewer, Number(params.rid));
	// The student in the URL must be the author: no reaching a reflection through another student's page.
	if (!reflection || reflection.studentId !== Number(params.id) || reflection.studentId === viewer.userId)
		error(404, 'Not found');
	const student = studentSummary(viewer, reflection.studentId);
	if (!student) error(404, 'Not found');
	recordView(viewer, student.id, 'reflection.view', reflection.title);
	return {
		reflection,
		student: { id: student.id, name: student.name },
		comments: threadFor(viewer, reflection.id),
		attachments: listAttachments(viewer, reflection.id)
	};
};

const comments = commentActions('mentor', (p) => Number(p.rid));

// Guarded here too, so the static guard test can read every action of this page.
export const actions: Actions = {
	comment: (event) => {
		requireRole('mentor');
		return comments.comment(event);
	},
	editComment: (event) => {
		requireRole('mentor');
		return comments.editComment(event);
	},
	deleteComment: (event) => {
		requireRole('mentor');
		return comments.deleteComment(event);
	}
};
