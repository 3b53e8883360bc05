import { m } from '$lib/paraglide/messages';

// Audit actions in plain words (the action ids are in server/audit.ts).
const ACTION_TEXT: Record<string, () => string> = {
	'portfolio.view': m.sch_action_portfolio_view,
	'reflection.view': m.sch_action_reflection_view,
	'file.view': m.sch_action_file_view,
	'export.download': m.sch_action_export_download,
	'user.create': m.sch_action_user_create,
	'user.update': m.sch_action_user_update,
	'user.deactivate': m.sch_action_user_deactivate,
	'user.reactivate': m.sch_action_user_reactivate,
	'user.erase': m.sch_action_user_erase,
	'password.reset': m.sch_action_password_reset,
	'loginCode.create': m.sch_action_loginCode_create,
	'import.apply': m.sch_action_import_apply,
	'import.change': m.sch_action_import_change,
	'schoolYear.start': m.sch_action_schoolYear_start,
	'schoolYear.stage': m.sch_action_schoolYear_stage,
	'conversation.update': m.sch_action_conversation_update,
	'goal.update': m.sch_action_goal_update,
	'parent.link': m.sch_action_parent_link,
	'parent.unlink': m.sch_action_parent_unlink
};

export function auditActionText(action: string): string {
	return ACTION_TEXT[action]?.() ?? action;
}

const ROLE_TEXT: Record<string, () => string> = {
	mentor: m.sch_role_mentor,
	coordinator: m.sch_role_coordinator,
	admin: m.sch_role_admin,
	staff: m.sch_role_staff,
	student: m.sch_role_student,
	parent: m.par_role_audit
};

export function auditRolesText(roles: string | null): string {
	return (roles ?? '')
		.split(',')
		.filter(Boolean)
		.map((r) => ROLE_TEXT[r]?.() ?? r)
		.join(', ');
}
