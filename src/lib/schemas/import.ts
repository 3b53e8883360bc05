import { z } from './z';

const column = z
	.string()
	.regex(/^-?\d{1,3}$/)
	.transform(Number)
	.optional();

export const importMappingSchema = z.object({
	studentNumber: column,
	givenName: column,
	familyNamePrefix: column,
	familyName: column,
	group: column,
	programme: column,
	mentor: column,
	email: column,
	markLeft: z.literal('on').optional()
});

export const staffMappingSchema = z.object({
	email: column,
	givenName: column,
	familyNamePrefix: column,
	familyName: column,
	role: column
});

export const importKindSchema = z.enum(['students', 'staff']).catch('students');

export const importEncodingSchema = z.object({
	encoding: z.enum(['utf-8', 'windows-1252', 'macintosh'], { error: 'imp_encoding_required' })
});

export const importApplySchema = z.object({
	confirmLeft: z.string().max(10).optional()
});

/** `choice-<line>` → an account id to link to, or 0 for a new account; empty choices are left out. */
export const staffChoicesSchema = z.record(z.string(), z.string().max(12)).transform((form) =>
	Object.fromEntries(
		Object.entries(form).flatMap(([key, value]) => {
			const line = /^choice-(\d{1,6})$/.exec(key)?.[1];
			return line && /^\d{1,10}$/.test(value) ? [[line, Number(value)]] : [];
		})
	)
);
