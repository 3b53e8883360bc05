import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { addActor, listActors, move, setArchived, updateActor } from '$lib/server/matrix/lists';
import { linkActorUser, listActorLinks, listStaff, unlinkActorUser } from '$lib/server/matrix/staff';
import { actorSchema, archiveSchema, idFormSchema, linkSchema, moveSchema } from '$lib/schemas/matrix';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	return {
		actors: listActors(viewer, { archived: true }),
		links: listActorLinks(viewer),
		staff: listStaff(viewer)
	};
};

const found = (ok: boolean) => {
	if (!ok) error(404, 'Not found');
	return { saved: true };
};

export const actions: Actions = {
	add: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actorSchema);
		if (!parsed.ok) return parsed.failure;
		addActor(viewer, parsed.data);
		return { saved: true };
	},
	update: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, actorSchema.extend(idFormSchema.shape));
		if (!parsed.ok) return parsed.failure;
		const { id, ...input } = parsed.data;
		return found(updateActor(viewer, id, input));
	},
	move: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, moveSchema);
		if (!parsed.ok) return parsed.failure;
		return found(move(viewer, 'actor', parsed.data.id, parsed.data.direction));
	},
	archive: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, archiveSchema);
		if (!parsed.ok) return parsed.failure;
		return found(setArchived(viewer, 'actor', parsed.data.id, parsed.data.archived === 'true'));
	},
	link: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, linkSchema);
		if (!parsed.ok) return parsed.failure;
		return found(linkActorUser(viewer, parsed.data.actorId, parsed.data.userId));
	},
	unlink: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, idFormSchema);
		if (!parsed.ok) return parsed.failure;
		return found(unlinkActorUser(viewer, parsed.data.id));
	}
};
