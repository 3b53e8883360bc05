// What the matrix cell routes share: their ids (checked by the [x=id] matcher) and a save's answer.
import { error, fail, redirect } from '@sveltejs/kit';
import { invalid, type FormValues } from '../forms';
import type { SaveResult } from '../matrix/cells';
import { m } from '../../paraglide/messages';

export function cellParams(params: { roundId: string; taskId: string; actorId: string }) {
	return { roundId: Number(params.roundId), taskId: Number(params.taskId), actorId: Number(params.actorId) };
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
