// Client-safe: the roles and locales Koers knows. Role *checks* live in server/access.ts and guard.ts only.
// staff: a school employee without another role here (vakdocent, teamleider, BPV-begeleider,
// zorgcoördinator) who takes part in the LOB-task matrix. parent: an ouder/verzorger a student invited; never
// a school employee, so never in STAFF_ROLES.
export const ROLES = ['student', 'mentor', 'coordinator', 'admin', 'staff', 'parent'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Where each role starts; a staff member with several roles starts at the first in this order.
export const ROLE_HOME: Record<Role, string> = {
	student: '/student',
	mentor: '/mentor',
	coordinator: '/coordinator',
	admin: '/admin',
	staff: '/lob-taken',
	parent: '/parent'
};
export const HOME_ORDER: readonly Role[] = ['student', 'mentor', 'coordinator', 'admin', 'staff', 'parent'];

/** Roles of school employees: everyone but students takes part in the LOB-task matrix. */
export const STAFF_ROLES: readonly Role[] = ['mentor', 'coordinator', 'admin', 'staff'];
