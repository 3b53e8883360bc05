// Client-safe: the roles and locales Koers knows. Role *checks* live in server/access.ts and guard.ts only.
export const ROLES = ['student', 'mentor', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['nl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

// Where each role starts; a staff member with several roles starts at the first in this order.
export const ROLE_HOME: Record<Role, string> = {
	student: '/student',
	mentor: '/mentor',
	coordinator: '/coordinator',
	admin: '/admin'
};
export const HOME_ORDER: readonly Role[] = ['student', 'mentor', 'coordinator', 'admin'];
