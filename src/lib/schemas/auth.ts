import { z } from './z';

// Limits are generous for people and tight enough that a 10,000-character paste is refused politely.
export const loginSchema = z.object({
	username: z.string().trim().min(1).max(100),
	password: z.string().min(1).max(200),
	redirectTo: z.string().max(500).optional()
});

export const loginCodeSchema = z.object({
	code: z
		.string()
		.trim()
		.min(1)
		.max(40)
		.transform((s) => s.replace(/[\s-]/g, '').toUpperCase())
});

export const newPasswordSchema = z
	.object({
		currentPassword: z.string().max(200).optional(),
		newPassword: z.string().min(10).max(200),
		repeatPassword: z.string().max(200)
	})
	.refine((v) => v.newPassword === v.repeatPassword, {
		path: ['repeatPassword'],
		error: 'password_mismatch'
	});

export const localeSchema = z.object({
	locale: z.enum(['nl', 'en']),
	redirectTo: z.string().max(500).optional()
});

/** A session id as shown on /account: the public half of a token (base32), never the secret. */
export const sessionIdSchema = z.object({ sessionId: z.string().regex(/^[a-z2-7]{1,64}$/) });
