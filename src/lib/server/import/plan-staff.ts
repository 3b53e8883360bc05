// Pure planning of a staff import: rows of a staff export against the school's accounts now. The
// e-mail address is the key (schools' exports all carry it; codes differ per system). Roles are only
// ever added, never taken away, and an import never makes anyone an admin.
import type { StaffField, StaffMapping } from './mapping';
import { matchKey } from './plan';

export type StaffRole = 'mentor' | 'coordinator' | 'staff';

export interface StaffRow {
	line: number;
	email: string;
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	roleText: string;
	role: StaffRole;
}

export type StaffProblem =
	| { field: StaffField; kind: 'required' | 'too_long' | 'invalid' }
	| { field: 'email'; kind: 'duplicate'; otherLine: number }
	| { field: 'email'; kind: 'is_student' };

export interface ExistingAccount {
	id: number;
	email: string;
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	roles: string[];
	active: boolean;
}

export type StaffAction = 'create' | 'update' | 'add_role' | 'reactivate' | 'unchanged';

export interface StaffChange {
	field: 'email' | 'givenName' | 'familyNamePrefix' | 'familyName';
	from: string;
	to: string;
}

/** An account with the same name and another address: maybe the same colleague, maybe a namesake. */
export interface LikelyDuplicate {
	id: number;
	name: string;
	email: string;
}

export interface PlannedStaffRow {
	row: StaffRow;
	problems: StaffProblem[];
	actions: StaffAction[];
	existingId: number | null;
	changes: StaffChange[];
	duplicates: LikelyDuplicate[];
	/** The admin's answer for a row with duplicates: an account id to link to, 0 for a new account. */
	choice: number | null;
}

export interface StaffPlan {
	rows: PlannedStaffRow[];
	errorCount: number;
	/** Rows with likely duplicates the admin has not decided on yet: nothing is applied until they have. */
	undecided: number;
	counts: Record<StaffAction, number>;
}

const nameKey = (a: { givenName: string; familyNamePrefix: string; familyName: string }) =>
	matchKey(`${a.givenName} ${a.familyNamePrefix} ${a.familyName}`);

const MAX_LENGTH = 100;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

// Words in a "functie" column, lower case without accents: mentors and SLB'ers, decanen and LOB
// coordinators. Everyone else is an employee who takes part in the LOB-task matrix.
const ROLE_WORDS: [RegExp, StaffRole][] = [
	[/decaan|coordinator|lob ?coord|loopbaancoord|loopbaanadviseur/, 'coordinator'],
	[/mentor|slb|studieloopbaan|coach|loopbaanbegeleider/, 'mentor']
];

export function roleFromText(text: string): StaffRole {
	const key = matchKey(text).replace(/[-']/g, ' ').replace(/\s+/g, ' ');
	for (const [pattern, role] of ROLE_WORDS) if (pattern.test(key)) return role;
	return 'staff';
}

export function toStaffRows(rows: string[][], mapping: StaffMapping): StaffRow[] {
	const cell = (r: string[], f: StaffField) => {
		const i = mapping[f];
		return i === undefined ? '' : (r[i] ?? '').trim();
	};
	return rows.map((r, i) => ({
		line: i + 2,
		email: cell(r, 'email').toLowerCase(),
		givenName: cell(r, 'givenName'),
		familyNamePrefix: cell(r, 'familyNamePrefix'),
		familyName: cell(r, 'familyName'),
		roleText: cell(r, 'role'),
		role: roleFromText(cell(r, 'role'))
	}));
}

function problemsOf(row: StaffRow): StaffProblem[] {
	const problems: StaffProblem[] = [];
	for (const field of ['email', 'givenName', 'familyName'] as const)
		if (!row[field]) problems.push({ field, kind: 'required' });
	for (const field of ['email', 'givenName', 'familyNamePrefix', 'familyName'] as const)
		if (row[field].length > MAX_LENGTH) problems.push({ field, kind: 'too_long' });
	if (row.roleText.length > MAX_LENGTH) problems.push({ field: 'role', kind: 'too_long' });
	if (row.email && row.email.length <= MAX_LENGTH && !EMAIL.test(row.email))
		problems.push({ field: 'email', kind: 'invalid' });
	return problems;
}

export function planStaffImport(
	rows: StaffRow[],
	existing: ExistingAccount[],
	choices: Record<string, number> = {}
): StaffPlan {
	const byEmail = new Map(existing.filter((a) => a.email).map((a) => [a.email.toLowerCase(), a]));
	const byName = new Map<string, ExistingAccount[]>();
	for (const a of existing)
		if (!a.roles.includes('student')) byName.set(nameKey(a), [...(byName.get(nameKey(a)) ?? []), a]);
	const firstLine = new Map<string, number>();
	const planned = rows.map((row): PlannedStaffRow => {
		const problems = problemsOf(row);
		if (row.email) {
			const other = firstLine.get(row.email);
			if (other !== undefined) problems.push({ field: 'email', kind: 'duplicate', otherLine: other });
			else firstLine.set(row.email, row.line);
		}
		const byAddress = row.email ? byEmail.get(row.email) : undefined;
		// Staff are keyed on e-mail; the same name under another address may be a changed address.
		const duplicates = byAddress
			? []
			: (byName.get(nameKey(row)) ?? [])
					.filter((a) => a.email.toLowerCase() !== row.email)
					.map((a) => ({
						id: a.id,
						email: a.email,
						name: [a.givenName, a.familyNamePrefix, a.familyName].filter(Boolean).join(' ')
					}));
		const chosen = choices[String(row.line)];
		const choice =
			duplicates.length && (chosen === 0 || duplicates.some((d) => d.id === chosen)) ? chosen : null;
		const current = byAddress ?? (choice ? existing.find((a) => a.id === choice) : undefined);
		// A student's address in a staff file is a mistake in the export, not a promotion.
		if (current?.roles.includes('student')) problems.push({ field: 'email', kind: 'is_student' });
		const actions: StaffAction[] = [];
		const changes: StaffChange[] = [];
		if (!current) actions.push('create');
		else {
			if (!current.active) actions.push('reactivate');
			const now = { ...current, email: current.email.toLowerCase() };
			for (const field of ['email', 'givenName', 'familyNamePrefix', 'familyName'] as const)
				if (now[field] !== row[field]) changes.push({ field, from: current[field], to: row[field] });
			if (changes.length) actions.push('update');
			if (!current.roles.includes(row.role)) actions.push('add_role');
			if (!actions.length) actions.push('unchanged');
		}
		return { row, problems, actions, existingId: current?.id ?? null, changes, duplicates, choice };
	});
	const counts: Record<StaffAction, number> = {
		create: 0,
		update: 0,
		add_role: 0,
		reactivate: 0,
		unchanged: 0
	};
	for (const p of planned) for (const a of p.actions) counts[a] += 1;
	return {
		rows: planned,
		errorCount: planned.filter((p) => p.problems.length > 0).length,
		undecided: planned.filter((p) => p.duplicates.length > 0 && p.choice === null).length,
		counts
	};
}
