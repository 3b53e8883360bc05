import { error, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { parseForm } from '$lib/server/forms';
import {
	addGoal,
	goalFromReflection,
	listGoals,
	setGoalStatus,
	updateGoal
} from '$lib/server/portfolio/growth';
import { goalOrigins } from '$lib/server/dialog/agreements';
import { amsterdamToday } from '$lib/server/programme/today';
import { getStudentWerkcentrum } from '$lib/server/school/werkcentrum';
import { fromReflectionSchema, goalEditSchema, goalSchema, goalStatusSchema } from '$lib/schemas/growth';

const NOTICES = ['created', 'exists', 'empty'] as const;

export const load: PageServerLoad = ({ url }) => {
	const viewer = requireRole('student');
	const notice = NOTICES.find((n) => n === url.searchParams.get('from')) ?? null;
	const highlight = Number(url.searchParams.get('goal')) || null;
	return {
		goals: listGoals(viewer),
		origins: goalOrigins(viewer),
		today: amsterdamToday(),
		notice,
		highlight,
		werkcentrum: getStudentWerkcentrum(viewer)
	};
};

export const actions: Actions = {
	add: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, goalSchema);
		if (!parsed.ok) return parsed.failure;
		const id = addGoal(viewer, parsed.data);
		if (id === undefined) error(404, 'Not found');
		return { added: id };
	},
	edit: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, goalEditSchema);
		if (!parsed.ok) return parsed.failure;
		if (!updateGoal(viewer, parsed.data.goalId, parsed.data)) error(404, 'Not found');
		return { updated: parsed.data.goalId };
	},
	status: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, goalStatusSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setGoalStatus(viewer, parsed.data.goalId, parsed.data.status)) error(404, 'Not found');
		return { updated: parsed.data.goalId, status: parsed.data.status };
	},
	// Posted from a reflection's page: its next step becomes a goal in one tap.
	fromReflection: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, fromReflectionSchema);
		if (!parsed.ok) error(404, 'Not found');
		const result = goalFromReflection(viewer, parsed.data.reflectionId);
		if (!result) error(404, 'Not found');
		if ('empty' in result) redirect(303, '/student/goals?from=empty');
		const from = result.created ? 'created' : 'exists';
		redirect(303, `/student/goals?from=${from}&goal=${result.goalId}#goal-${result.goalId}`);
	}
};
