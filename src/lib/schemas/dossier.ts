import { z } from './z';
import { SHARE_PARTS, SIGNOFF_STATUSES } from '../portfolio';

const count = (max: number) => z.coerce.number({ error: 'field_invalid' }).int().min(0).max(max);

/** The decaan's requirements for one leerjaar/level (issue 19). */
export const requirementSchema = z.object({
	cohort: z.string().trim().min(1).max(120),
	perCompetency: count(10),
	conversations: count(10),
	// A checkbox: present when ticked.
	vervolgGoal: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean())
});
export type RequirementInput = z.output<typeof requirementSchema>;

export const SIGNOFF_REASON_MAX = 1000;

/** The mentor's sign-off: "afgerond", or "nog niet" with a reason the student can act on. */
export const signoffSchema = z
	.object({
		status: z.enum(SIGNOFF_STATUSES, { error: 'dos_signoff_status_required' }),
		reason: z.string().trim().max(SIGNOFF_REASON_MAX).default('')
	})
	.refine((v) => v.status === 'afgerond' || v.reason.length > 0, {
		path: ['reason'],
		error: 'dos_signoff_reason_required'
	});
export type SignoffInput = z.output<typeof signoffSchema>;

/** A share link for the next school: which part, for whom, until when (at most a year). */
export const shareSchema = z.object({
	part: z.enum(SHARE_PARTS, { error: 'dos_share_part_required' }),
	recipient: z.string().trim().max(120).default(''),
	expiresOn: z
		.string()
		.trim()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field_invalid_date' })
});
export type ShareInput = z.output<typeof shareSchema>;

export const shareIdSchema = z.object({ shareId: z.coerce.number().int().min(1) });
