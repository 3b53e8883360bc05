import { z } from './z';
import { idSchema } from './people';
import { COMPETENCY_SLUGS } from '../competencies';

export const COMMENT_MAX = 4000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const body = z
	.string()
	.trim()
	.min(1, { error: 'dlg_comment_empty' })
	.max(COMMENT_MAX, { error: 'dlg_comment_too_long' });

const optionalId = z.preprocess((v) => (v === '' || v === undefined ? undefined : v), idSchema.optional());

export const commentSchema = z.object({ body, parentId: optionalId });
export const editCommentSchema = z.object({ commentId: idSchema, body });
export const commentIdSchema = z.object({ commentId: idSchema });

export const notificationIdSchema = z.object({ id: idSchema });

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** "14:30", or empty for a conversation without a set time. */
const optionalTime = z
	.string()
	.trim()
	.default('')
	.refine((s) => s === '' || TIME.test(s), { error: 'dlg_conv_time_invalid' })
	.transform((s) => s || null);

export const planSchema = z.object({
	target: z.string().regex(/^(student|group):[1-9]\d{0,9}$/, { error: 'field_required' }),
	plannedAt: z.string().regex(DATE, { error: 'field_invalid_date' }),
	plannedTime: optionalTime
});

export const agendaSchema = z.object({
	text: z.string().trim().min(1, { error: 'dlg_agenda_empty_text' }).max(500)
});

const agreementTitle = z.string().trim().max(200).default('');
const agreementDue = z
	.string()
	.trim()
	.refine((s) => s === '' || DATE.test(s), { error: 'field_invalid_date' })
	.default('');

export const AGREEMENT_SLOTS = [1, 2, 3] as const;

const agreementCompetency = z.preprocess(
	(v) => (v === '' ? undefined : v),
	z.enum(COMPETENCY_SLUGS, { error: 'dlg_conv_agreement_competency_missing' }).optional()
);

export const recordSchema = z
	.object({
		summary: z.string().trim().min(1).max(5000),
		mentorNote: z.string().trim().max(5000).default(''),
		/** The day it was held: the planned day, or today when it was held earlier than planned. */
		heldOn: z
			.string()
			.trim()
			.default('')
			.refine((s) => s === '' || DATE.test(s), { error: 'field_invalid_date' }),
		a1Title: agreementTitle,
		a1Due: agreementDue,
		a1Competency: agreementCompetency,
		a2Title: agreementTitle,
		a2Due: agreementDue,
		a2Competency: agreementCompetency,
		a3Title: agreementTitle,
		a3Due: agreementDue,
		a3Competency: agreementCompetency
	})
	.superRefine((v, ctx) => {
		for (const n of AGREEMENT_SLOTS) {
			if (v[`a${n}Title`] && !v[`a${n}Due`])
				ctx.addIssue({ code: 'custom', path: [`a${n}Due`], message: 'dlg_conv_agreement_due_missing' });
			if (v[`a${n}Title`] && !v[`a${n}Competency`])
				ctx.addIssue({
					code: 'custom',
					path: [`a${n}Competency`],
					message: 'dlg_conv_agreement_competency_missing'
				});
		}
	})
	.transform((v) => ({
		summary: v.summary,
		mentorNote: v.mentorNote,
		heldOn: v.heldOn || undefined,
		agreements: AGREEMENT_SLOTS.flatMap((n) => {
			const title = v[`a${n}Title`];
			const competency = v[`a${n}Competency`];
			return title && competency ? [{ title, dueOn: v[`a${n}Due`], competency }] : [];
		})
	}));

/** The student's "Niet helemaal": what is not right about the summary. */
export const summaryReplySchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, { error: 'dlg_sconv_disagree_empty' })
		.max(COMMENT_MAX, { error: 'dlg_comment_too_long' })
});

/** The mentor's answer, with the summary as it should read now (unchanged when left as it was). */
export const summaryAnswerSchema = z.object({
	body: z
		.string()
		.trim()
		.min(1, { error: 'dlg_comment_empty' })
		.max(COMMENT_MAX, { error: 'dlg_comment_too_long' }),
	summary: z.string().trim().min(1, { error: 'field_required' }).max(5000)
});
