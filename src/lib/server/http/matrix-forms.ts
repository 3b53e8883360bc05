// What the matrix routes share: reading ids from the URL (a bad id is a missing page) and turning a cell
// save into the answer a form expects.
import { error, fail, redirect } from '@sveltejs/kit';
import { idSchema } from '../../schemas/people';
import { invalid, type FormValues } from '../forms';
import type { SaveResult } from '../matrix/rounds';
import { m } from '../../paraglide/messages';

export function paramId(raw: string | undefined): number {
	const parsed = idSchema.safeParse(raw);
	if (!parsed.success) error(404, 'Not found');
	return parsed.data;
}

export function cellParams(params: Record<string, string | undefined>) {
	return {
		roundId: paramId(params.roundId),
		taskId: paramId(params.taskId),
		actorId: paramId(params.actorId)
	};
}

/** 404 for an unknown id, a clear message for a closed round, both versions on a conflict. */
export function cellSaveAnswer(result: SaveResult, values: FormValues, back: string) {
	if (result.ok) redirect(303, back);
	switch (result.reason) {
		case 'notFound':
			error(404, 'Not found');
		// eslint-disable-next-line no-fallthrough -- error() never returns
		case 'closed':
			return invalid(values, {}, m.mx_closed_error());
		case 'conflict':
			return fail(409, { values, errors: {}, message: m.mx_conflict_title(), conflict: result.current });
	}
}
