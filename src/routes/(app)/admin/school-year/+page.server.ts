import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { invalid, parseForm } from '$lib/server/forms';
import {
	getRetentionYears,
	listSchoolYears,
	setRetentionYears,
	stageSchoolYear,
	startSchoolYearEarly
} from '$lib/server/school/school-years';
import { schoolYearFor } from '$lib/server/school/schools';
import { earlyStartSchema, retentionSchema, schoolYearSchema, werkcentrumSchema } from '$lib/schemas/school';
import { getWerkcentrumSetting, setWerkcentrum } from '$lib/server/school/werkcentrum';
import { m } from '$lib/paraglide/messages';

export const load: PageServerLoad = () => {
	const viewer = requireRole('admin');
	const years = listSchoolYears(viewer);
	// Suggest the year after the current one.
	const current = years.find((y) => y.isCurrent);
	const next = schoolYearFor(
		new Date(`${(current?.endsOn ?? schoolYearFor(new Date()).endsOn).slice(0, 4)}-09-01`)
	);
	return {
		years,
		staged: years.find((y) => y.status === 'staged') ?? null,
		suggestion: next,
		retentionYears: getRetentionYears(viewer) ?? 2,
		werkcentrum: getWerkcentrumSetting(viewer) ?? { name: '', url: '' }
	};
};

const stageProblem: Record<string, typeof m.sch_year_name_taken> = {
	name_taken: m.sch_year_name_taken,
	end_before_start: m.sch_year_end_before_start,
	staged_exists: m.sch_year_staged_exists,
	before_current: m.sch_year_before_current
};

export const actions: Actions = {
	retention: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, retentionSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setRetentionYears(viewer, parsed.data.years)) error(404, 'Not found');
		return { retentionSaved: parsed.data.years };
	},
	werkcentrum: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, werkcentrumSchema);
		if (!parsed.ok) return parsed.failure;
		const { werkcentrumName: name, werkcentrumUrl: url } = parsed.data;
		if (!setWerkcentrum(viewer, { name, url })) error(404, 'Not found');
		return { werkcentrumSaved: true };
	},
	stage: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, schoolYearSchema);
		if (!parsed.ok) return parsed.failure;
		const { confirm: _confirm, ...input } = parsed.data;
		const result = stageSchoolYear(viewer, input);
		if (!result) error(404, 'Not found');
		if (!result.ok) {
			const message = stageProblem[result.problem]();
			const errors = { [result.field]: message };
			return result.field === '_form'
				? invalid(parsed.values, errors, message)
				: invalid(parsed.values, errors);
		}
		return { staged: { name: input.name, startsOn: input.startsOn, active: result.active } };
	},
	startEarly: async ({ request }) => {
		const viewer = requireRole('admin');
		const parsed = await parseForm(request, earlyStartSchema);
		if (!parsed.ok) return parsed.failure;
		const { yearId, ...input } = parsed.data;
		const result = startSchoolYearEarly(viewer, yearId, input);
		if (!result) error(404, 'Not found');
		if (!result.ok) return invalid(parsed.values, { confirm: m.sch_year_early_confirm_wrong() });
		return { started: { name: result.name, closedGroups: result.closedGroups } };
	}
};
