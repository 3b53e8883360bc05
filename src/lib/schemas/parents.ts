// Forms of the parent feature (issue 20): registering with an invitation, linking a child, notes, points.
import { z } from './z';
import { idSchema, optionalEmail, username } from './people';
import { AGENDA_MAX, NOTE_MAX } from '../parents/limits';

const code = z
	.string()
	.trim()
	.min(1)
	.max(40)
	.transform((s) => s.replace(/[\s-]/g, '').toUpperCase());

export const parentCodeSchema = z.object({ code });

export const parentRegistrationSchema = z
	.object({
		code,
		givenName: z.string().trim().min(1).max(100),
		familyName: z.string().trim().min(1).max(100),
		username: z
			.string()
			.trim()
			.toLowerCase()
			.min(3)
			.max(100)
			.regex(/^[a-z0-9][a-z0-9._@-]*$/, { error: 'admin_username_format' }),
		newPassword: z.string().min(10).max(200),
		repeatPassword: z.string().max(200)
	})
	.refine((v) => v.newPassword === v.repeatPassword, {
		path: ['repeatPassword'],
		error: 'password_mismatch'
	});

export const noteSchema = z.object({ body: z.string().trim().max(NOTE_MAX) });
export const pointSchema = z.object({ text: z.string().trim().min(1).max(AGENDA_MAX) });
/** A checkbox: present = on. */
export const switchSchema = z.object({
	on: z
		.literal('on')
		.optional()
		.transform((v) => v === 'on')
});
export const linkIdSchema = z.object({ linkId: idSchema });
export const invitationIdSchema = z.object({ invitationId: idSchema });
export const noteIdSchema = z.object({ noteId: idSchema });
export const parentIdSchema = z.object({ parentId: idSchema });
/** A parent account the school makes on request; the names are prefixed apart from the page's own person form. */
export const newParentSchema = z
	.object({
		parentGivenName: z.string().trim().min(1).max(100),
		parentFamilyNamePrefix: z.string().trim().max(30).default(''),
		parentFamilyName: z.string().trim().min(1).max(100),
		parentUsername: username,
		parentEmail: optionalEmail.default(null)
	})
	.transform((v) => ({
		givenName: v.parentGivenName,
		familyNamePrefix: v.parentFamilyNamePrefix,
		familyName: v.parentFamilyName,
		username: v.parentUsername,
		email: v.parentEmail
	}));
/** The search box on the admin's page of a student (?parent=), from the URL; anything odd is no search. */
export const parentSearchSchema = z.string().trim().max(100).catch('');
