import { z } from './z';
import { COMPETENCY_SLUGS } from '../competencies';
import { ACTIVITY_TYPES, REFLECTION_LIMITS, VISIBILITIES } from '../portfolio';

export { REFLECTION_LIMITS };

// A school year ends in summer; a student may plan a little ahead, never centuries.
const EARLIEST = '2000-01-01';
function latestDate(): string {
	const d = new Date();
	d.setFullYear(d.getFullYear() + 1);
	return d.toISOString().slice(0, 10);
}

export const activityDate = z
	.string()
	.trim()
	.refine((s) => s === '' || /^\d{4}-\d{2}-\d{2}$/.test(s), { error: 'field_invalid_date' })
	.refine((s) => s === '' || (s >= EARLIEST && s <= latestDate()), { error: 'refl_date_out_of_range' });

/** A checkbox group arrives as nothing, one string, or several. */
const competencyList = z.preprocess(
	(v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
	z.array(z.enum(COMPETENCY_SLUGS)).max(COMPETENCY_SLUGS.length)
);

const part = z.string().max(REFLECTION_LIMITS.part);

export const reflectionContentSchema = z.object({
	title: z.string().trim().max(REFLECTION_LIMITS.title),
	doel: part,
	resultaat: part,
	evaluatie: part,
	vervolg: part,
	visibility: z.enum(VISIBILITIES).default('mentor'),
	competencies: competencyList
});
export type ReflectionContent = z.output<typeof reflectionContentSchema>;

export const reflectionSaveSchema = reflectionContentSchema.extend({
	version: z.coerce.number().int().min(1),
	finish: z.string().optional()
});

/** The save endpoint's JSON body: autosaves while typing, and the Save button when JavaScript runs. */
export const autosaveSchema = reflectionContentSchema.extend({
	version: z.number().int().min(1),
	kind: z.enum(['save', 'autosave']).default('autosave'),
	finish: z.boolean().default(false)
});

export const ownActivitySchema = z.object({
	activityType: z.enum(ACTIVITY_TYPES, { error: 'refl_type_required' }),
	activityDate,
	activityPlace: z.string().trim().max(REFLECTION_LIMITS.place),
	title: z.string().trim().max(REFLECTION_LIMITS.title)
});

export const plannedActivitySchema = z.object({ activityId: z.coerce.number().int().min(1) });

export const visibilitySchema = z.object({ visibility: z.enum(VISIBILITIES) });

export const reflectionFilterSchema = z.object({
	competency: z.enum(COMPETENCY_SLUGS).optional().catch(undefined),
	type: z.enum(ACTIVITY_TYPES).optional().catch(undefined),
	from: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional()
		.catch(undefined),
	to: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/)
		.optional()
		.catch(undefined),
	q: z.string().trim().max(REFLECTION_LIMITS.query).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).catch(1)
});
export type ReflectionFilter = z.output<typeof reflectionFilterSchema>;

/**
 * What a reflection not saved yet is about, carried by the new editor until its first word: a planned
 * activity, or the student's own experience. The key is the editor's own (see reflection-start.ts).
 */
export const startSchema = z
	.object({
		startKey: z.string().regex(/^[A-Za-z0-9-]{16,64}$/),
		startActivity: z.coerce.number().int().min(1).optional(),
		startType: z.enum(ACTIVITY_TYPES).optional(),
		startDate: activityDate.optional(),
		startPlace: z.string().trim().max(REFLECTION_LIMITS.place).optional(),
		startTitle: z.string().trim().max(REFLECTION_LIMITS.title).optional()
	})
	.refine((s) => s.startActivity !== undefined || s.startType !== undefined);
export type StartFields = z.output<typeof startSchema>;

/** The first save of a new reflection without JavaScript: the text and where it starts from. */
export const startSaveSchema = z.intersection(
	reflectionContentSchema.extend({ finish: z.string().optional() }),
	startSchema
);

/** The first autosave of a new reflection (JSON). */
export const startAutosaveSchema = z.intersection(autosaveSchema.omit({ version: true }), startSchema);
