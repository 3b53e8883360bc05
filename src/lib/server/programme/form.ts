// The planning form's answers for routes: domain errors as Dutch/English messages at their fields.
import { m } from '$lib/paraglide/messages';
import { invalid, type FormValues } from '../forms';
import type { PlanError } from './plan';
import type { ProgrammeActivity } from './plan';

const MESSAGES: Record<PlanError, () => string> = {
	prog_error_outside_year: m.prog_error_outside_year,
	prog_error_group_not_allowed: m.prog_error_group_not_allowed,
	prog_error_cohort_unknown: m.prog_error_cohort_unknown,
	prog_error_organiser: m.prog_error_organiser,
	prog_error_task: m.prog_error_task,
	prog_error_audience_mentor: m.prog_error_audience_mentor
};

export function planFailure(values: FormValues, errors: Partial<Record<string, PlanError>>) {
	return invalid(
		values,
		Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, MESSAGES[key!]()]))
	);
}

/** An activity as the form's values (strings, as a posted form would echo them). */
export function formValuesOf(a: ProgrammeActivity): FormValues {
	return {
		type: a.type,
		title: a.title,
		date: a.date ?? '',
		endDate: a.endDate ?? '',
		startTime: a.startTime ?? '',
		endTime: a.endTime ?? '',
		place: a.place,
		audience: a.audience,
		groups: a.groups.map((g) => String(g.id)),
		cohorts: a.cohorts,
		preparationQuestion: a.preparationQuestion,
		competencies: a.competencies,
		organiserId: a.organiserId ? String(a.organiserId) : '',
		matrixTaskId: a.matrixTaskId ? String(a.matrixTaskId) : ''
	};
}
