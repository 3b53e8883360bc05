// The comment form actions, shared by the student's and the mentor's reflection page. A reflection out of
// scope and someone else's comment both answer 404, like a missing row.
import { error, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { commentIdSchema, commentSchema, editCommentSchema } from '$lib/schemas/dialog';
import { requireRole } from '../auth/guard';
import { addComment, deleteComment, editComment, listComments, type ChangeResult } from '../dialog/comments';
import { invalid, parseForm } from '../forms';
import type { Viewer } from '../auth/viewer';
import type { Role } from '$lib/roles';

type Event = RequestEvent<Record<string, string>>;

function changed(result: ChangeResult, values: Record<string, string | string[]>, done: string) {
	if (result === 'missing') error(404, 'Not found');
	if (result === 'expired') return invalid(values, {}, m.dlg_thread_expired());
	return { commentDone: done };
}

export function commentActions(role: Role, reflectionIdOf: (params: Record<string, string>) => number) {
	return {
		comment: async ({ request, params }: Event) => {
			const viewer = requireRole(role);
			const id = reflectionIdOf(params);
			const parsed = await parseForm(request, commentSchema);
			if (!parsed.ok) return parsed.failure;
			if (addComment(viewer, id, parsed.data.body, parsed.data.parentId ?? null) === undefined)
				error(404, 'Not found');
			return { commentDone: m.dlg_thread_sent() };
		},
		editComment: async ({ request, params }: Event) => {
			const viewer = requireRole(role);
			const id = reflectionIdOf(params);
			const parsed = await parseForm(request, editCommentSchema);
			if (!parsed.ok) return parsed.failure;
			const { commentId, body } = parsed.data;
			return changed(editComment(viewer, id, commentId, body), parsed.values, m.dlg_thread_changed());
		},
		deleteComment: async ({ request, params }: Event) => {
			const viewer = requireRole(role);
			const id = reflectionIdOf(params);
			const parsed = await parseForm(request, commentIdSchema);
			if (!parsed.ok) return parsed.failure;
			return changed(deleteComment(viewer, id, parsed.data.commentId), parsed.values, m.dlg_thread_removed());
		}
	};
}

export function threadFor(viewer: Viewer, reflectionId: number) {
	return listComments(viewer, reflectionId) ?? [];
}
