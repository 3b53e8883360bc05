// The first saves of a reflection that does not exist yet: the first one that holds words creates it and
// answers with its id, so the editor saves through ../../[id]/autosave from then on.
import { error, json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { notifyReflectionFinished } from '$lib/server/dialog/notifications';
import { fieldErrors } from '$lib/server/forms';
import { startReflectionShared } from '$lib/server/portfolio/reflection-start';
import { startAutosaveSchema } from '$lib/schemas/reflections';
import { finishGapErrors } from '$lib/reflection-text';

export const POST: RequestHandler = async ({ request }) => {
	const viewer = requireRole('student');
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		return json({ errors: {} }, { status: 400 });
	}
	const parsed = startAutosaveSchema.safeParse(body);
	if (!parsed.success) return json({ errors: fieldErrors(parsed.error) }, { status: 400 });
	const { kind, finish, startKey, startActivity, startType, startDate, startPlace, startTitle, ...content } =
		parsed.data;
	const start = { startKey, startActivity, startType, startDate, startPlace, startTitle };
	const started = await startReflectionShared(viewer, start, content, { kind, finish });
	if (started.id === undefined) {
		if (started.reason === 'missing') error(404, 'Not found');
		// Nothing typed yet: nothing to keep, and no empty draft.
		return json({ errors: {} }, { status: 400 });
	}
	const { id, result } = started;
	if (result.ok && result.missing.length)
		return json(
			{ id, version: result.version, updatedAt: result.updatedAt, errors: finishGapErrors(result.missing) },
			{ status: 422 }
		);
	if (result.ok && finish) notifyReflectionFinished(viewer, id);
	if (result.ok) return json({ id, version: result.version, updatedAt: result.updatedAt });
	if (result.reason === 'missing') error(404, 'Not found');
	return json({ id, current: result.current }, { status: 409 });
};
