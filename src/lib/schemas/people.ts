import { z } from './z';
import { ROLES, STAFF_ROLES } from '../roles';

export const idSchema = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const studentIdSchema = z.object({ studentId: idSchema });

/** A form field that may come once or several times (checkboxes) or not at all, as an array. */
export function many<T extends z.ZodArray>(array: T) {
	return z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), array);
}

// Login names are compared lower-case (the login form lower-cases too); no spaces, so they are easy to say.
export const username = z
	.string()
	.trim()
	.toLowerCase()
	.min(1)
	.max(100)
	.regex(/^[a-z0-9][a-z0-9._@-]*$/, { error: 'admin_username_format' });

export const optionalEmail = z
	.string()
	.trim()
	.max(254)
	.refine((s) => s === '' || z.email().safeParse(s).success, { error: 'field_invalid_email' })
	.transform((s) => s || null);

// Text, never a number: leading zeros stay (Magister and Somtoday export "004101").
const studentNumber = z
	.string()
	.trim()
	.max(30)
	.regex(/^[0-9A-Za-z-]*$/, { error: 'admin_student_number_format' })
	.transform((s) => s || null);

const roles = many(
	z.array(z.enum(ROLES)).min(1, { error: 'admin_roles_required' }).max(ROLES.length)
).transform((list) => ROLES.filter((r) => list.includes(r)));

const personFields = z.object({
	givenName: z.string().trim().min(1).max(100),
	familyNamePrefix: z.string().trim().max(30).default(''),
	familyName: z.string().trim().min(1).max(100),
	username,
	email: optionalEmail.default(null),
	studentNumber: studentNumber.default(null),
	roles
});

// A student account never also carries a staff role: staff see other students' data.
const noStudentStaff = {
	check: (p: { roles: readonly string[] }) =>
		!(p.roles.includes('student') && p.roles.some((r) => (STAFF_ROLES as readonly string[]).includes(r))),
	params: { path: ['roles'], error: 'admin_roles_student_staff' }
};

// A parent account is only ever a parent: it never becomes staff (or a student) by an admin's tick either.
const parentAlone = {
	check: (p: { roles: readonly string[] }) => !p.roles.includes('parent') || p.roles.length === 1,
	params: { path: ['roles'], error: 'par_roles_parent_alone' }
};

export const personSchema = personFields
	.refine(noStudentStaff.check, noStudentStaff.params)
	.refine(parentAlone.check, parentAlone.params);
export type PersonInput = z.output<typeof personSchema>;

const password = z.string().min(10).max(200);
export const temporaryPasswordSchema = z.object({ password });

export const newPersonSchema = personFields
	.extend({ password })
	.refine(noStudentStaff.check, noStudentStaff.params)
	.refine(parentAlone.check, parentAlone.params);
export type NewPersonInput = z.output<typeof newPersonSchema>;

export const PAGE_SIZE = 50;
export const STATUSES = ['active', 'inactive', 'all'] as const;
export type Status = (typeof STATUSES)[number];

/** The filters of the people list, from the URL; anything odd falls back to the default instead of failing. */
export const peopleFilterSchema = z.object({
	q: z.string().trim().max(100).catch(''),
	role: z.enum(ROLES).optional().catch(undefined),
	status: z.enum(STATUSES).catch('active'),
	page: z.coerce.number().int().min(1).max(100_000).catch(1)
});
export type PeopleFilter = z.output<typeof peopleFilterSchema>;
