// Pure planning of a student import: from the file's rows, the mapping and what the school has now, to a
// list of problems and changes. No database here, so the rules are tested directly; students.ts feeds it
// and carries the plan out.
import type { ImportField, Mapping } from './mapping';
import { fullName } from '$lib/names';

export interface ImportRow {
	line: number;
	studentNumber: string;
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	group: string;
	programme: string;
	mentor: string;
	email: string;
}

export type RowProblem =
	| { field: ImportField; kind: 'required' | 'too_long' | 'invalid' }
	| { field: 'studentNumber'; kind: 'duplicate'; otherLine: number };

export interface ExistingStudent {
	id: number;
	studentNumber: string;
	givenName: string;
	familyNamePrefix: string;
	familyName: string;
	email: string | null;
	leftAt: Date | null;
	groupNames: string[];
}

export interface StaffMember {
	id: number;
	keys: string[];
}

export type RowAction = 'create' | 'update' | 'move' | 'return' | 'unchanged';

/** One field an import changes on an existing account, as the preview shows it. */
export interface FieldChange {
	field: ImportField;
	from: string;
	to: string;
}

export interface PlannedRow {
	row: ImportRow;
	problems: RowProblem[];
	actions: RowAction[];
	existingId: number | null;
	changes: FieldChange[];
	mentorId: number | null;
	mentorUnknown: boolean;
}

export interface ImportPlan {
	rows: PlannedRow[];
	leaving: { id: number; name: string; studentNumber: string }[];
	newGroups: { name: string; programme: string }[];
	errorCount: number;
	counts: Record<RowAction | 'leave' | 'newGroups', number>;
	/** Marking this many as left is a big step: the admin types the number to confirm it. */
	leaveNeedsConfirmation: boolean;
}

/** More than a tenth of the school's students leaving at once is more likely a partial file than real. */
export function leaveNeedsConfirmation(leaving: number, activeStudents: number): boolean {
	return leaving > 0 && leaving > activeStudents * 0.1;
}

const MAX_LENGTH = 100;
const STUDENT_NUMBER = /^[0-9A-Za-z-]{1,20}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function toRows(rows: string[][], mapping: Mapping): ImportRow[] {
	const cell = (r: string[], f: ImportField) => {
		const i = mapping[f];
		return i === undefined ? '' : (r[i] ?? '').trim();
	};
	return rows.map((r, i) => ({
		// Line 1 is the header.
		line: i + 2,
		studentNumber: cell(r, 'studentNumber'),
		givenName: cell(r, 'givenName'),
		familyNamePrefix: cell(r, 'familyNamePrefix'),
		familyName: cell(r, 'familyName'),
		group: cell(r, 'group'),
		programme: cell(r, 'programme'),
		mentor: cell(r, 'mentor'),
		email: cell(r, 'email')
	}));
}

export function rowProblems(row: ImportRow): RowProblem[] {
	const problems: RowProblem[] = [];
	for (const field of ['studentNumber', 'givenName', 'familyName', 'group'] as const) {
		if (!row[field]) problems.push({ field, kind: 'required' });
	}
	for (const field of [
		'givenName',
		'familyNamePrefix',
		'familyName',
		'group',
		'programme',
		'mentor',
		'email'
	] as const) {
		if (row[field].length > MAX_LENGTH) problems.push({ field, kind: 'too_long' });
	}
	if (row.studentNumber && !STUDENT_NUMBER.test(row.studentNumber))
		problems.push({ field: 'studentNumber', kind: 'invalid' });
	if (row.email && row.email.length <= MAX_LENGTH && !EMAIL.test(row.email))
		problems.push({ field: 'email', kind: 'invalid' });
	return problems;
}

/** Lower-case, accents off, single spaces: how names and keys are compared. */
export function matchKey(s: string): string {
	return s
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** The name and e-mail fields that differ between the account and the file's row. */
export function nameChanges(a: ExistingStudent, r: ImportRow): FieldChange[] {
	const now = { ...a, email: a.email ?? '' };
	return (['givenName', 'familyNamePrefix', 'familyName', 'email'] as const)
		.filter((f) => now[f] !== r[f])
		.map((f) => ({ field: f, from: now[f], to: r[f] }));
}

export function planImport(
	rows: ImportRow[],
	existing: ExistingStudent[],
	staff: StaffMember[],
	existingGroups: string[],
	markLeft: boolean
): ImportPlan {
	const byNumber = new Map(existing.map((s) => [s.studentNumber, s]));
	const firstLine = new Map<string, number>();
	const staffByKey = new Map<string, number>();
	for (const m of staff) for (const k of m.keys) if (!staffByKey.has(k)) staffByKey.set(k, m.id);
	const groupsNow = new Set(existingGroups.map(matchKey));
	const newGroups = new Map<string, { name: string; programme: string }>();

	const planned: PlannedRow[] = rows.map((row) => {
		const problems = rowProblems(row);
		if (row.studentNumber) {
			const other = firstLine.get(row.studentNumber);
			if (other !== undefined) problems.push({ field: 'studentNumber', kind: 'duplicate', otherLine: other });
			else firstLine.set(row.studentNumber, row.line);
		}
		const current = byNumber.get(row.studentNumber);
		const actions: RowAction[] = [];
		const changes: FieldChange[] = [];
		if (!current) actions.push('create');
		else {
			if (current.leftAt) actions.push('return');
			changes.push(...nameChanges(current, row));
			if (changes.length) actions.push('update');
			const inGroup = current.groupNames.map(matchKey);
			if (inGroup.length !== 1 || inGroup[0] !== matchKey(row.group)) {
				actions.push('move');
				changes.push({ field: 'group', from: current.groupNames.join(', '), to: row.group });
			}
			if (!actions.length) actions.push('unchanged');
		}
		if (row.group && !groupsNow.has(matchKey(row.group)) && !newGroups.has(matchKey(row.group)))
			newGroups.set(matchKey(row.group), { name: row.group, programme: row.programme });
		const mentorId = row.mentor ? (staffByKey.get(matchKey(row.mentor)) ?? null) : null;
		return {
			row,
			problems,
			actions,
			existingId: current?.id ?? null,
			changes,
			mentorId,
			mentorUnknown: !!row.mentor && mentorId === null
		};
	});
	// A duplicate is a problem on both lines.
	const dupNumbers = new Set(
		planned.flatMap((p) => p.problems.filter((x) => x.kind === 'duplicate').map(() => p.row.studentNumber))
	);
	for (const p of planned) {
		if (dupNumbers.has(p.row.studentNumber) && !p.problems.some((x) => x.kind === 'duplicate')) {
			const other = planned.find((q) => q !== p && q.row.studentNumber === p.row.studentNumber);
			p.problems.push({
				field: 'studentNumber',
				kind: 'duplicate',
				otherLine: other?.row.line ?? p.row.line
			});
		}
	}
	const inFile = new Set(rows.map((r) => r.studentNumber));
	const leaving = markLeft
		? existing
				.filter((s) => !s.leftAt && !inFile.has(s.studentNumber))
				.map((s) => ({
					id: s.id,
					studentNumber: s.studentNumber,
					name: fullName(s)
				}))
		: [];
	const counts = {
		create: 0,
		update: 0,
		move: 0,
		return: 0,
		unchanged: 0,
		leave: leaving.length,
		newGroups: newGroups.size
	};
	for (const p of planned) for (const a of p.actions) counts[a] += 1;
	return {
		rows: planned,
		leaving,
		newGroups: [...newGroups.values()],
		errorCount: planned.filter((p) => p.problems.length > 0).length,
		counts,
		leaveNeedsConfirmation: leaveNeedsConfirmation(leaving.length, existing.filter((s) => !s.leftAt).length)
	};
}
