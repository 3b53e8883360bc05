import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import {
	addAttachment,
	deleteAttachment,
	getWritableReflection,
	listAttachments,
	type UploadResult
} from '$lib/server/portfolio/attachments';
import { attachmentIdSchema } from '$lib/schemas/growth';

const REFUSAL: Record<Extract<UploadResult, { ok: false }>['reason'], () => string> = {
	empty: m.grow_upload_empty,
	too_big: m.grow_upload_too_big,
	wrong_type: m.grow_upload_wrong_type,
	unreadable: m.grow_upload_unreadable,
	too_many: m.grow_upload_too_many
};

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('student');
	const id = Number(params.id);
	const reflection = getWritableReflection(viewer, id);
	if (!reflection) error(404, 'Not found');
	return { reflection, attachments: listAttachments(viewer, id) };
};

export const actions: Actions = {
	upload: async ({ request, params }) => {
		const viewer = requireRole('student');
		const id = Number(params.id);
		let file: FormDataEntryValue | null;
		try {
			file = (await request.formData()).get('file');
		} catch {
			file = null;
		}
		if (!(file instanceof File) || file.size === 0) return fail(400, { message: m.grow_upload_empty() });
		const result = await addAttachment(viewer, id, {
			name: file.name,
			bytes: new Uint8Array(await file.arrayBuffer())
		});
		if (!result) error(404, 'Not found');
		if (!result.ok) return fail(400, { message: REFUSAL[result.reason]() });
		return { uploaded: result.id };
	},
	delete: async ({ request, params }) => {
		const viewer = requireRole('student');
		const id = Number(params.id);
		const parsed = await parseForm(request, attachmentIdSchema);
		if (!parsed.ok) error(404, 'Not found');
		if (!deleteAttachment(viewer, id, parsed.data.attachmentId)) error(404, 'Not found');
		return { deleted: true };
	}
};
