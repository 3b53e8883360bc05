import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { getOwnReflection } from '$lib/server/portfolio/reflections';
import { getVersion, listVersions } from '$lib/server/portfolio/reflection-versions';

export const load: PageServerLoad = ({ params, url }) => {
	const viewer = requireRole('student');
	const id = Number(params.id);
	const reflection = getOwnReflection(viewer, id);
	if (!reflection) error(404, 'Not found');
	const versions = listVersions(viewer, id);
	const asked = Number(url.searchParams.get('v') ?? versions[0]?.version);
	const selected = Number.isInteger(asked) ? getVersion(viewer, id, asked) : undefined;
	return {
		reflection: { id, title: reflection.title, version: reflection.version },
		versions,
		selected: selected ?? null
	};
};
