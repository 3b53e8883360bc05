import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getRound } from '$lib/server/matrix/rounds';

// Shows the round's name and tabs; every page below still guards and scopes its own load and actions.
export const load: LayoutServerLoad = ({ params }) => {
	const viewer = requireRole('coordinator');
	const round = getRound(viewer, Number(params.roundId));
	if (!round) error(404, 'Not found');
	// What the tabs and the pages below show of it; its date and predecessor would only be serialized.
	return { round: { id: round.id, name: round.name, status: round.status } };
};
