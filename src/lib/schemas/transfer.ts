import { z } from './z';
import { COMPETENCY_SLUGS } from '../competencies';
import { ACTIVITY_TYPES, GOAL_STATUSES, VISIBILITIES } from '../portfolio';
import { REFLECTION_LIMITS } from './reflections';
import { GOAL_DESCRIPTION_MAX, GOAL_TITLE_MAX, RATING_NOTE_MAX } from './growth';

// portfolio.json, schema version 1, as docs/portfolio-export.md describes it and dossier.ts writes it.
// Read back at another school, so every field is checked as hostile input: the same limits as the forms.

const time = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const optionalTime = time.nullable();
const date = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/)
	.refine((s) => s >= '2000-01-01' && s <= '2100-12-31')
	.nullable();
const text = (max: number) => z.string().max(max);
const competencies = z.array(z.enum(COMPETENCY_SLUGS)).max(COMPETENCY_SLUGS.length);

export const TRANSFER_LIMITS = {
	reflections: 2000,
	attachmentsPerReflection: 10,
	goals: 1000,
	ratings: 2000
} as const;

const attachmentSchema = z.object({
	fileName: text(200),
	mimeType: z.enum(['image/jpeg', 'image/png', 'image/webp', 'application/pdf']),
	size: z.number().int().nonnegative(),
	path: text(400),
	createdAt: time,
	order: z.number().int().positive().optional()
});

const reflectionSchema = z.object({
	id: z.number().int().positive(),
	title: text(REFLECTION_LIMITS.title),
	activity: z.object({
		type: z.enum(ACTIVITY_TYPES),
		date,
		place: text(REFLECTION_LIMITS.place)
	}),
	competencies,
	parts: z.object({
		doel: text(REFLECTION_LIMITS.part),
		resultaat: text(REFLECTION_LIMITS.part),
		evaluatie: text(REFLECTION_LIMITS.part),
		vervolg: text(REFLECTION_LIMITS.part)
	}),
	visibility: z.enum(VISIBILITIES),
	finishedAt: optionalTime,
	createdAt: time,
	updatedAt: time,
	attachments: z.array(attachmentSchema).max(TRANSFER_LIMITS.attachmentsPerReflection)
});

export const portfolioExportSchema = z.object({
	schemaVersion: z.literal(1),
	exportedAt: time,
	student: z.object({
		name: text(200),
		studentNumber: text(40).nullable(),
		school: text(200)
	}),
	competencies: z.array(z.string().max(40)).max(20),
	reflections: z
		.array(reflectionSchema)
		.max(TRANSFER_LIMITS.reflections)
		.refine((rs) => new Set(rs.map((r) => r.id)).size === rs.length, { error: 'duplicate reflection id' }),
	selfRatings: z
		.array(
			z.object({
				competency: z.enum(COMPETENCY_SLUGS),
				level: z.number().int().min(1).max(4),
				note: text(RATING_NOTE_MAX),
				createdAt: time
			})
		)
		.max(TRANSFER_LIMITS.ratings),
	goals: z
		.array(
			z.object({
				title: z.string().trim().min(1).max(GOAL_TITLE_MAX),
				description: text(GOAL_DESCRIPTION_MAX),
				competency: z.enum(COMPETENCY_SLUGS).nullable(),
				dueOn: date,
				status: z.enum(GOAL_STATUSES),
				fromReflectionId: z.number().int().positive().nullable(),
				createdAt: time,
				updatedAt: time
			})
		)
		.max(TRANSFER_LIMITS.goals)
});
export type PortfolioFile = z.output<typeof portfolioExportSchema>;

/** Who sees what came in: only the student at first (the default), or as it was at the old school. */
export const transferFormSchema = z.object({
	visibility: z.enum(['private', 'keep']).catch('private')
});

export const transferUndoSchema = z.object({
	transferId: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
	confirm: z.literal('yes', { error: 'trf_error_confirm' })
});
