import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listPeople } from '$lib/server/school/people';
import { peopleFilterSchema } from '$lib/schemas/people';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('admin');
	// Odd URL values fall back to defaults (the schema's catch), so a hand-edited link never fails.
	const filter = peopleFilterSchema.parse(Object.fromEntries(url.searchParams));
	return { filter, people: listPeople(viewer, filter) };
};
