// What the people and groups modules refuse, as messages at the field concerned (values kept).
import { m } from '$lib/paraglide/messages';
import { invalid, type FieldErrors, type FormValues } from '$lib/server/forms';
import type { PersonField, PersonProblem } from '$lib/server/school/person-changes';
import type { GroupProblem } from '$lib/server/school/groups';

type Message = typeof m.admin_last_admin;

const personMessage: Record<PersonProblem, Message> = {
	usernameTaken: m.admin_username_taken,
	studentNumberTaken: m.admin_student_number_taken,
	ownAdminRole: m.admin_own_admin_role,
	lastAdmin: m.admin_last_admin,
	deactivateSelf: m.admin_deactivate_self,
	passwordSelf: m.admin_password_self,
	parentAlone: m.par_roles_parent_alone
};

const groupMessage: Record<GroupProblem, Message> = {
	nameTaken: m.admin_group_name_taken,
	noSchoolYear: m.admin_group_no_year,
	closed: m.admin_group_closed_locked
};

function failure(values: FormValues, problems: [string, Message][]) {
	const errors: FieldErrors = {};
	let message: ReturnType<Message> | undefined;
	for (const [field, text] of problems) {
		if (field === '_form') message = text();
		else errors[field] = text();
	}
	return invalid(values, errors, message);
}

export function personFailure(values: FormValues, problems: Partial<Record<PersonField, PersonProblem>>) {
	return failure(
		values,
		Object.entries(problems).map(([field, problem]) => [field, personMessage[problem as PersonProblem]])
	);
}

export function groupFailure(values: FormValues, field: string, problem: GroupProblem) {
	return failure(values, [[field, groupMessage[problem]]]);
}
