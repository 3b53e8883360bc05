import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { can } from '$lib/server/access';
import { STAFF_ROLES } from '$lib/roles';
import { getGrid } from '$lib/server/matrix/cells';
import { listMyInvitations, listMyTasks } from '$lib/server/matrix/respond';

// Every employee: their own tasks, their open invitations, and the agreed matrix of the newest round.
export const load: PageServerLoad = () => {
	const viewer = requireRole(...STAFF_ROLES);
	const mine = listMyTasks(viewer);
	const grid = mine.roundId ? getGrid(viewer, mine.roundId) : undefined;
	const task = new Map(grid?.tasks.map((t) => [t.id, t]) ?? []);
	const order = new Map(grid?.tasks.map((t, i) => [t.id, i]) ?? []);
	const actor = new Map(grid?.actors.map((a) => [a.id, a.name]) ?? []);
	return {
		canEdit: can(viewer, 'matrix.edit'),
		linked: mine.actorIds.length > 0,
		myTasks: [...mine.tasks]
			.sort((a, b) => (order.get(a.taskId) ?? 0) - (order.get(b.taskId) ?? 0))
			.map((t) => ({
				...t,
				task: task.get(t.taskId)?.name ?? '',
				kind: task.get(t.taskId)?.kind ?? 'begeleidend',
				actor: actor.get(t.actorId) ?? ''
			})),
		invitations: listMyInvitations(viewer),
		agreed: grid
			? { roundName: grid.round.name, tasks: grid.tasks, actors: grid.actors, cells: grid.cells }
			: null
	};
};
