import { z } from './z';
import { COMPETENCY_SLUGS } from '../competencies';
import { GOAL_DESCRIPTION_MAX, GOAL_STATUSES, GOAL_TITLE_MAX, RATING_NOTE_MAX } from '../portfolio';

export { GOAL_DESCRIPTION_MAX, GOAL_TITLE_MAX, RATING_NOTE_MAX };

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

// A due date a student can plan for: a real calendar day, not in the far past or the year 3000.
const dueOn = z
	.string()
	.optional()
	.transform((v) => (v ?? '').trim())
	.refine(
		(v) => {
			if (v === '') return true;
			if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
			const d = new Date(`${v}T00:00:00Z`);
			const year = d.getUTCFullYear();
			return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(v) && year >= 2000 && year <= 2100;
		},
		{ error: 'grow_error_due_date' }
	)
	.transform((v) => (v === '' ? null : v));

export const ratingSchema = z.object({
	competency: z.enum(COMPETENCY_SLUGS, { error: 'grow_error_competency' }),
	level: z.coerce.number({ error: 'grow_error_level' }).int().min(1, { error: 'grow_error_level' }).max(4, {
		error: 'grow_error_level'
	}),
	note: z.string().trim().max(RATING_NOTE_MAX).optional().default('')
});
export type RatingInput = z.output<typeof ratingSchema>;

export const goalSchema = z.object({
	title: z.string().trim().min(1).max(GOAL_TITLE_MAX),
	description: z.string().trim().max(GOAL_DESCRIPTION_MAX).optional().default(''),
	competency: z
		.union([z.enum(COMPETENCY_SLUGS), z.literal('')], { error: 'grow_error_competency' })
		.optional()
		.transform((v) => (v ? v : null)),
	dueOn
});
export type GoalInput = z.output<typeof goalSchema>;

export const goalEditSchema = goalSchema.extend({ goalId: id });

export const goalStatusSchema = z.object({
	goalId: id,
	status: z.enum(GOAL_STATUSES, { error: 'field_invalid' })
});

export const fromReflectionSchema = z.object({ reflectionId: id });

export const attachmentIdSchema = z.object({ attachmentId: id });
