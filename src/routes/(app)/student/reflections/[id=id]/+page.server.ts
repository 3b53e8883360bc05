import { error, fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getOwnReflection } from '$lib/server/portfolio/reflections';
import { listAttachments } from '$lib/server/portfolio/attachments';
import {
	deleteReflection,
	finishReflection,
	reopenReflection,
	setVisibility
} from '$lib/server/portfolio/reflection-save';
import { finishGapText } from '$lib/reflection-text';
import { parseForm } from '$lib/server/forms';
import { visibilitySchema } from '$lib/schemas/reflections';
import { commentActions, threadFor } from '$lib/server/http/comment-actions';
import { notifyReflectionFinished } from '$lib/server/dialog/notifications';
import { getReflectionHome, setNoteHidden, setReflectionHome } from '$lib/server/parents/sharing';
import { noteIdSchema, switchSchema } from '$lib/schemas/parents';
import { m } from '$lib/paraglide/messages';
import { getReflectionActivity } from '$lib/server/programme/student';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('student');
	const reflection = getOwnReflection(viewer, Number(params.id));
	if (!reflection) error(404, 'Not found');
	return {
		reflection,
		saved: url.searchParams.has('saved'),
		comments: threadFor(viewer, reflection.id),
		home: getReflectionHome(viewer, reflection.id),
		attachments: listAttachments(viewer, reflection.id),
		cancelled: getReflectionActivity(viewer, reflection.id)?.cancelled ?? false
	};
};

// Each one-tap action answers 404 for a reflection that is not the student's own, like a missing one.
const comments = commentActions('student', (p) => Number(p.id));

export const actions: Actions = {
	// Guarded here too, so the static guard test can read every action of this page.
	comment: (event) => {
		requireRole('student');
		return comments.comment(event);
	},
	editComment: (event) => {
		requireRole('student');
		return comments.editComment(event);
	},
	deleteComment: (event) => {
		requireRole('student');
		return comments.deleteComment(event);
	},
	visibility: async ({ params, request }) => {
		const viewer = requireRole('student');
		const id = Number(params.id);
		const parsed = await parseForm(request, visibilitySchema);
		if (!parsed.ok) return parsed.failure;
		if (!setVisibility(viewer, id, parsed.data.visibility)) error(404, 'Not found');
		return { done: true };
	},
	finish: ({ params }) => {
		const viewer = requireRole('student');
		const result = finishReflection(viewer, Number(params.id));
		if (!result.ok && result.reason === 'missing') error(404, 'Not found');
		if (!result.ok) return fail(400, { finishMissing: result.missing.map(finishGapText) });
		notifyReflectionFinished(viewer, Number(params.id));
		return { done: true };
	},
	reopen: ({ params }) => {
		const viewer = requireRole('student');
		if (!reopenReflection(viewer, Number(params.id))) error(404, 'Not found');
		return { done: true };
	},
	// "Ook thuis" and the notes from home (issue 20).
	home: async ({ params, request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, switchSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setReflectionHome(viewer, Number(params.id), parsed.data.on)) error(404, 'Not found');
		return { homeDone: m.par_rf_saved() };
	},
	hideNote: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, noteIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setNoteHidden(viewer, parsed.data.noteId, true)) error(404, 'Not found');
		return { homeDone: m.par_rf_saved() };
	},
	showNote: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, noteIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setNoteHidden(viewer, parsed.data.noteId, false)) error(404, 'Not found');
		return { homeDone: m.par_rf_saved() };
	},
	delete: ({ params }) => {
		const viewer = requireRole('student');
		if (!deleteReflection(viewer, Number(params.id))) error(404, 'Not found');
		redirect(303, '/student/reflections?deleted=1');
	}
};
