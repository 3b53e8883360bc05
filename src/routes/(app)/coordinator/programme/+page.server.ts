import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import { listProgramme } from '$lib/server/programme/plan';
import { copyYear } from '$lib/server/programme/copy';
import { formOptions, listYears, pickYear } from '$lib/server/programme/options';
import { copyYearSchema } from '$lib/schemas/programme';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('coordinator');
	const years = listYears(viewer);
	const year = pickYear(years, url.searchParams.get('year'));
	if (!year) error(404, 'Not found');
	const activities = listProgramme(viewer, year.id);
	const cohorts = formOptions(viewer, year.id).cohorts;
	const cohort = url.searchParams.get('cohort') ?? '';
	return {
		years,
		year,
		cohorts,
		cohort: cohorts.includes(cohort) ? cohort : '',
		activities,
		copied: Number(url.searchParams.get('copied')) || null
	};
};

export const actions: Actions = {
	copyYear: async ({ request }) => {
		const viewer = requireRole('coordinator');
		const parsed = await parseForm(request, copyYearSchema);
		if (!parsed.ok) return parsed.failure;
		const n = copyYear(viewer, parsed.data.fromYearId, parsed.data.toYearId);
		if (n === undefined) return invalid(parsed.values, { toYearId: m.prog_error_copy_year() });
		redirect(303, `/coordinator/programme?year=${parsed.data.toYearId}&copied=${n}`);
	}
};
