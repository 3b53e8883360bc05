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
