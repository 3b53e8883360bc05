// What an action row is made of, and the queries over the data a refused post must leave unchanged.
import type { Expect } from './expect';
import type { Ids, Single } from './fixtures';

export type Form = Record<string, string | string[] | number>;
export interface ActionCase {
	/** The page the action belongs to (the form's action is this plus ?/name). */
	url: (i: Ids) => string;
	/** The body that would change data; posted by everyone not allowed. */
	form: (i: Ids) => Form;
	/**
	 * Who may use the action here (and every combined actor made of one of them); they post `probe`
	 * (default: an empty body) and must get past the guard.
	 */
	allowed?: Single[];
	probe?: Form | 'skip';
	/** A query over the rows the action would change: the same before and after a refused post. */
	check?: (i: Ids) => [string, ...unknown[]];
	multipart?: boolean;
	json?: boolean;
	/**
	 * A refusal is a 404 (out of scope looks like missing) or 403. Where a form field picks from a list (the
	 * conversation planner's student/group select), a value outside the list is a 400 with the field's error,
	 * the same for a missing id as for someone else's: listed here, and the no-change check still applies.
	 */
	refusedAlso?: number[];
	/** Expected outcome per actor, where it is not simply allowed/refused (public and session actions). */
	exact?: Partial<Expect>;
}
export const act = (c: ActionCase) => c;

// A new reflection's first save: where it starts from, with the editor's key.
export const newReflectionForm = {
	startKey: 'authz-probe-0123456789',
	startType: 'stage',
	resultaat: '',
	evaluatie: '',
	vervolg: '',
	visibility: 'mentor'
};

export const comments = (url: (i: Ids) => string, who: Single): Record<string, ActionCase[]> => ({
	comment: [
		act({
			url,
			form: () => ({ body: 'authz-probe' }),
			allowed: [who],
			check: (i) => ['SELECT id, body, deleted_at FROM comment WHERE reflection_id = ?', i.reflA]
		}),
		// Smuggled: a reply to a comment under another reflection.
		act({
			url,
			form: (i) => ({ body: 'authz-probe', parentId: String(i.commentOther) }),
			check: (i) => ['SELECT id, body FROM comment WHERE reflection_id = ?', i.reflA]
		})
	],
	editComment: [
		act({
			url,
			form: (i) => ({ commentId: String(i.commentA), body: 'authz-probe' }),
			allowed: who === 'studentA' ? ['studentA'] : [],
			check: (i) => ['SELECT body, edited_at FROM comment WHERE id = ?', i.commentA]
		}),
		// Smuggled: a comment of another reflection (the mentor wrote it; Sanne owns the reflection).
		act({
			url,
			form: (i) => ({ commentId: String(i.commentOther), body: 'authz-probe' }),
			check: (i) => ['SELECT body, edited_at FROM comment WHERE id = ?', i.commentOther]
		})
	],
	deleteComment: [
		act({
			url,
			form: (i) => ({ commentId: String(i.commentA) }),
			allowed: who === 'studentA' ? ['studentA'] : [],
			check: (i) => ['SELECT deleted_at FROM comment WHERE id = ?', i.commentA]
		}),
		act({
			url,
			form: (i) => ({ commentId: String(i.commentOther) }),
			check: (i) => ['SELECT deleted_at FROM comment WHERE id = ?', i.commentOther]
		})
	]
});

export function actions(route: string, byName: Record<string, ActionCase[]>): Record<string, ActionCase[]> {
	return Object.fromEntries(Object.entries(byName).map(([name, cases]) => [`${route} ${name}`, cases]));
}

export const reflectionRow = (i: Ids): [string, number] => [
	'SELECT title, doel, visibility, version, finished_at, deleted_at FROM reflection WHERE id = ?',
	i.reflA
];
export const userRow =
	(id: (i: Ids) => number) =>
	(i: Ids): [string, number] => [
		'SELECT given_name, family_name, username, active, password_hash, (SELECT count(*) FROM login_code WHERE user_id = u.id) codes FROM user u WHERE id = ?',
		id(i)
	];
export const parentLinks = (): [string] => [
	'SELECT id, student_id, parent_id, created_by, revoked_at FROM parent_link ORDER BY id'
];
export const groupRows =
	(id: (i: Ids) => number) =>
	(i: Ids): [string, number, number, number] => [
		`SELECT name, closed_at, (SELECT group_concat(student_id) FROM group_student WHERE group_id = g.id) s,
	 (SELECT group_concat(mentor_id) FROM group_mentor WHERE group_id = g.id) m FROM "group" g WHERE id IN (?, ?, ?)`,
		id(i),
		i.groupA,
		i.group2
	];
export const ROUND = (i: Ids) => `/coordinator/matrix/rounds/${i.round}`;
// Other suites remind and answer in the same round meanwhile: the respondent checks look only at what the probe
// could change (who is invited, of the people the invite names; who submitted).
export const SUBMITTED =
	'SELECT id, user_id, submitted_at FROM matrix_respondent WHERE round_id = ? ORDER BY id';
export const invitedRows = (i: Ids): [string, number, number, number, number] => [
	'SELECT id, round_id, user_id FROM matrix_respondent WHERE round_id = ? AND user_id IN (?, ?, ?) ORDER BY id',
	i.round,
	i.staff,
	i.A,
	i.S2
];
export const ROUND2 = (i: Ids) => `/coordinator/matrix/rounds/${i.round2}`;
export const matrixRows =
	(table: 'matrix_task' | 'matrix_actor') =>
	(i: Ids): [string, number, number] => [
		`SELECT id, name, position, archived_at FROM ${table} WHERE school_id IN (?, ?) ORDER BY id`,
		i.school,
		i.school2
	];
export const cellRows = (i: Ids): [string, number, number] => [
	'SELECT round_id, task_id, actor_id, part, how, version FROM matrix_cell WHERE round_id IN (?, ?) ORDER BY id',
	i.round,
	i.round2
];
export const cellForm = (): Form => ({
	part: 'uitvoerend',
	how: 'authz-probe',
	rating: '',
	wish: '',
	version: '0'
});
export const pdf = {
	name: 'probe.pdf',
	mimeType: 'application/pdf',
	buffer: Buffer.from('%PDF-1.4\n%probe\n')
};

export const programmeRows = (i: Ids): [string, number, number] => [
	`SELECT a.id, a.title, a.date, a.cancelled_at, a.school_year_id,
	 (SELECT group_concat(group_id) FROM activity_group WHERE activity_id = a.id) g
	 FROM activity a WHERE a.school_id IN (?, ?) ORDER BY a.id`,
	i.school,
	i.school2
];
export const nudgeRows = (): [string] => [`SELECT count(*) n FROM notification WHERE kind = 'activityNudge'`];
export const activityReflections = (i: Ids): [string, number] => [
	'SELECT count(*) n FROM reflection WHERE activity_id = ?',
	i.activity2
];
// A complete, valid plan for 3KB-A: it would create or change an activity if the guard let it through.
export const activityForm = (i: Ids): Form => ({
	schoolYearId: String(i.year),
	type: 'gastles',
	title: 'authz-probe',
	date: '2026-12-15',
	audience: 'groups',
	groups: String(i.groupA),
	competencies: 'netwerken',
	organiserId: String(i.mentorA)
});
