// Saves while the student types. Same version check as the form action: a stale save answers 409 with
// the server copy, so the page can show both texts side by side.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { notifyReflectionFinished } from '$lib/server/dialog/notifications';
import { fieldErrors } from '$lib/server/forms';
import { saveReflectionShared } from '$lib/server/portfolio/reflection-save';
import { autosaveSchema } from '$lib/schemas/reflections';
import { finishGapErrors } from '$lib/reflection-text';

export const POST: RequestHandler = async ({ params, request }) => {
	const viewer = requireRole('student');
	const id = Number(params.id);
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ errors: {} }, { status: 400 });
	}
	const parsed = autosaveSchema.safeParse(body);
	if (!parsed.success) return json({ errors: fieldErrors(parsed.error) }, { status: 400 });
	const { version, kind, finish, ...content } = parsed.data;
	const result = await saveReflectionShared(viewer, id, version, content, { kind, finish });
	// Klaar refused: saved as a draft (new version), with what is missing per field.
	if (result.ok && result.missing.length)
		return json(
			{ version: result.version, updatedAt: result.updatedAt, errors: finishGapErrors(result.missing) },
			{ status: 422 }
		);
	if (result.ok && finish) notifyReflectionFinished(viewer, id);
	if (result.ok) return json({ version: result.version, updatedAt: result.updatedAt });
	if (result.reason === 'missing') error(404, 'Not found');
	return json({ current: result.current }, { status: 409 });
};
