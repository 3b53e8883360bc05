export interface PersonValues {
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	username: string;
	email: string;
	studentNumber: string;
	roles: string[];
}

/** Echoed form values (a checkbox list arrives as one string or several) in the shape the fields take. */
export function personValues(values: Record<string, string | string[] | undefined>): PersonValues {
	const one = (k: string) => {
		const v = values[k];
		return Array.isArray(v) ? v.join(' ') : (v ?? '');
	};
	const roles = values.roles;
	return {
		givenName: one('givenName'),
		familyNamePrefix: one('familyNamePrefix'),
		familyName: one('familyName'),
		username: one('username'),
		email: one('email'),
		studentNumber: one('studentNumber'),
		roles: roles === undefined ? [] : Array.isArray(roles) ? roles : [roles]
	};
}
