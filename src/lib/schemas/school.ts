import { z } from './z';

const day = z
	.string()
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'field_invalid_date' })
	.refine((s) => !Number.isNaN(Date.parse(s)) && s >= '2000-01-01' && s <= '2100-12-31', {
		error: 'field_invalid_date'
	});

export const schoolYearSchema = z.object({
	name: z.string().trim().min(1).max(40),
	startsOn: day,
	endsOn: day,
	confirm: z.literal('on', { error: 'sch_year_confirm_required' })
});

export const earlyStartSchema = z.object({
	yearId: z.coerce.number().int().positive(),
	confirm: z.string().trim().min(1).max(40),
	reason: z.string().trim().min(5).max(300)
});

export const auditSearchSchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	action: z.string().max(40).optional().catch(undefined),
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
	page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined)
});

export const eraseConfirmSchema = z.object({ confirm: z.string().trim().min(1).max(200) });

export const retentionSchema = z.object({ years: z.coerce.number().int().min(1).max(20) });

/** The region's Werkcentrum (optional): a name and an https address, or both empty. */
export const werkcentrumSchema = z
	.object({
		werkcentrumName: z.string().trim().max(80),
		werkcentrumUrl: z
			.string()
			.trim()
			.max(300)
			.refine((s) => s === '' || isHttpsUrl(s), { error: 'sch_werkcentrum_url_invalid' })
	})
	.refine((v) => v.werkcentrumUrl !== '' || v.werkcentrumName === '', {
		error: 'sch_werkcentrum_url_missing',
		path: ['werkcentrumUrl']
	});

function isHttpsUrl(s: string): boolean {
	try {
		const u = new URL(s);
		return u.protocol === 'https:' && u.hostname.includes('.') && !u.username && !u.password;
	} catch {
		return false;
	}
}

export const retentionEraseSchema = z.object({
	// One ticked box arrives as a string, several as an array.
	ids: z.preprocess(
		(v) => (v === undefined ? [] : [v].flat()),
		z.array(z.coerce.number().int().positive()).min(1, { error: 'ret_choose_one' }).max(5000)
	),
	confirm: z.string().trim().min(1).max(6)
});
