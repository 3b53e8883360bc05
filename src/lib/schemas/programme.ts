import { z } from './z';
import { COMPETENCY_SLUGS } from '../competencies';
import { ACTIVITY_TYPES } from '../portfolio';
import { AUDIENCES, PROGRAMME_LIMITS } from '../programme';

const day = z
	.string()
	.trim()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field_invalid_date' })
	.refine((s) => !Number.isNaN(Date.parse(s)), { error: 'field_invalid_date' });
const optionalDay = z.union([z.literal(''), day]).default('');
const time = z
	.string()
	.trim()
	.refine((s) => s === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(s), { error: 'prog_error_time' })
	.default('');

/** A checkbox group or multiple select arrives as nothing, one string, or several. */
const list = <T extends z.ZodType>(item: T, max: number) =>
	z.preprocess(
		(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
		z.array(item).max(max)
	);
const id = z.coerce
	.number()
	.int()
	.min(1)
	.max(2 ** 31);

export const activityFormSchema = z
	.object({
		schoolYearId: id,
		type: z.enum(ACTIVITY_TYPES, { error: 'prog_error_type' }),
		title: z.string().trim().min(1).max(PROGRAMME_LIMITS.title),
		date: day,
		endDate: optionalDay,
		startTime: time,
		endTime: time,
		place: z.string().trim().max(PROGRAMME_LIMITS.place).default(''),
		audience: z.enum(AUDIENCES, { error: 'prog_error_audience' }),
		groups: list(id, 500),
		cohorts: list(z.string().trim().min(1).max(120), 100),
		preparationQuestion: z.string().trim().max(PROGRAMME_LIMITS.question).default(''),
		competencies: list(z.enum(COMPETENCY_SLUGS), COMPETENCY_SLUGS.length).refine((l) => l.length > 0, {
			error: 'prog_error_competencies'
		}),
		organiserId: z.coerce
			.number({ error: 'prog_error_organiser' })
			.int()
			.min(1, { error: 'prog_error_organiser' }),
		matrixTaskId: z.union([z.literal(''), id]).default('')
	})
	.superRefine((v, ctx) => {
		if (v.endDate && v.endDate < v.date)
			ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'prog_error_end_before_start' });
		if (v.startTime && v.endTime && v.endTime < v.startTime && (!v.endDate || v.endDate === v.date))
			ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'prog_error_end_time' });
		if (v.audience === 'groups' && v.groups.length === 0)
			ctx.addIssue({ code: 'custom', path: ['groups'], message: 'prog_error_groups' });
		if (v.audience === 'cohorts' && v.cohorts.length === 0)
			ctx.addIssue({ code: 'custom', path: ['cohorts'], message: 'prog_error_cohorts' });
	});
export type ActivityInput = z.output<typeof activityFormSchema>;

export const activityIdSchema = z.object({ activityId: id });
export const copyYearSchema = z.object({ fromYearId: id, toYearId: id });
export const nudgeSchema = z.object({ studentId: id });
