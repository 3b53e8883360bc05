import { m } from '$lib/paraglide/messages';
import type { Role } from '$lib/roles';

export const roleLabel: Record<Role, () => string> = {
	student: m.role_student,
	mentor: m.role_mentor,
	coordinator: m.role_coordinator,
	admin: m.role_admin,
	staff: m.role_staff,
	parent: m.par_role
};

export const rolePlural: Record<Role, () => string> = {
	student: m.admin_roles_student,
	mentor: m.admin_roles_mentor,
	coordinator: m.admin_roles_coordinator,
	admin: m.admin_roles_admin,
	staff: m.admin_roles_staff,
	parent: m.par_role_plural
};

/** Who a role is for, in the school's own words. */
export const roleHint: Record<Role, () => string> = {
	student: m.admin_role_hint_student,
	mentor: m.admin_role_hint_mentor,
	coordinator: m.admin_role_hint_coordinator,
	admin: m.admin_role_hint_admin,
	staff: m.admin_role_hint_staff,
	parent: m.par_role_hint
};
