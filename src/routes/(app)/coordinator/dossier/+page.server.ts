import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import { listRequirements, saveRequirement } from '$lib/server/portfolio/requirements';
import { listSignoffCounts } from '$lib/server/portfolio/signoff';
import { requirementSchema } from '$lib/schemas/dossier';

export const load: PageServerLoad = () => {
	const viewer = requireRole('coordinator');
	const requirements = listRequirements(viewer);
	const counts = listSignoffCounts(viewer);
	if (!requirements || !counts) error(404, 'Not found');
	return { ...requirements, counts };
};

export const actions: Actions = {
	// One leerjaar/level at a time; a failed form keeps what was typed, at that level's form.
	save: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, requirementSchema);
		if (!parsed.ok) return parsed.failure;
		if (!saveRequirement(viewer, parsed.data)) error(404, 'Not found');
		return { saved: parsed.data.cohort };
	}
};
