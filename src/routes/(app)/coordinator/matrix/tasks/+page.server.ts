import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { addTask, listTasks, move, setArchived, updateTask } from '$lib/server/matrix/lists';
import { archiveSchema, idFormSchema, moveSchema, taskSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	return { tasks: listTasks(viewer, { archived: true }) };
};

const found = (ok: boolean) => {
	if (!ok) error(404, 'Not found');
	return { saved: true };
};

export const actions: Actions = {
	add: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, taskSchema);
		if (!parsed.ok) return parsed.failure;
		addTask(viewer, parsed.data);
		return { saved: true };
	},
	update: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, taskSchema.extend(idFormSchema.shape));
		if (!parsed.ok) return parsed.failure;
		const { id, ...input } = parsed.data;
		return found(updateTask(viewer, id, input));
	},
	move: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, moveSchema);
		if (!parsed.ok) return parsed.failure;
		return found(move(viewer, 'task', parsed.data.id, parsed.data.direction));
	},
	archive: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, archiveSchema);
		if (!parsed.ok) return parsed.failure;
		return found(setArchived(viewer, 'task', parsed.data.id, parsed.data.archived === 'true'));
	}
};
