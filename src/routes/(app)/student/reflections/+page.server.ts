import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { listReflections } from '$lib/server/portfolio/reflections';
import { reflectionFilterSchema } from '$lib/schemas/reflections';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('student');
	// A GET form: every filter lives in the URL, so it works without JavaScript and can be bookmarked.
	const filter = reflectionFilterSchema.parse(Object.fromEntries(url.searchParams));
	const result = listReflections(viewer, { ...filter, studentId: viewer.userId });
	const filtered = Boolean(filter.competency || filter.type || filter.from || filter.to || filter.q);
	return { ...result, filter, filtered, deleted: url.searchParams.has('deleted') };
};
