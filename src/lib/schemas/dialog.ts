import { z } from './z';
import { idSchema } from './people';

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

export const planSchema = z.object({
	target: z.string().regex(/^(student|group):[1-9]\d{0,9}$/, { error: 'field_required' }),
	plannedAt: z.string().regex(DATE, { error: 'field_invalid_date' })
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

export const recordSchema = z
	.object({
		summary: z.string().trim().min(1).max(5000),
		mentorNote: z.string().trim().max(5000).default(''),
		a1Title: agreementTitle,
		a1Due: agreementDue,
		a2Title: agreementTitle,
		a2Due: agreementDue,
		a3Title: agreementTitle,
		a3Due: agreementDue
	})
	.superRefine((v, ctx) => {
		for (const n of AGREEMENT_SLOTS) {
			if (v[`a${n}Title`] && !v[`a${n}Due`])
				ctx.addIssue({ code: 'custom', path: [`a${n}Due`], message: 'dlg_conv_agreement_due_missing' });
		}
	})
	.transform((v) => ({
		summary: v.summary,
		mentorNote: v.mentorNote,
		agreements: AGREEMENT_SLOTS.map((n) => ({ title: v[`a${n}Title`], dueOn: v[`a${n}Due`] })).filter(
			(a) => a.title
		)
	}));
