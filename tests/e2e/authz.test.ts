// The authorization matrix (issue #8, item 1): every page, endpoint and form action under src/routes ×
// every kind of actor, with the expected outcome written once below for each single role; an actor with
// several roles must get exactly the union of theirs, derived, so one who gets more fails (issue #15).
// The route tree is read from the source, so a new route or action without a row fails, and so does a row
// for one that no longer exists.
// Actions are posted by those who may not use them with a body that WOULD change data, and the rows it
// would change are compared before and after; those who may use them post an empty body (a 400 shows they
// got past the guard without changing anything). Ids smuggled into form fields are extra rows whose
// allowed list is empty. Over plain HTTP, as a browser without JavaScript would send it.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { routeTree } from '../route-tree';
import {
	ACTORS,
	closeSnapshots,
	COMBINED,
	LOGINS,
	newestSession,
	prepareFixtures,
	snapshot,
	type Actor,
	type Combined,
	type Ids,
	type Single
} from './authz/fixtures';

/** 'ok' = 200; 'login' = 303 to the login page; a status; '→/x' = 303 to exactly /x; 'elsewhere' = to another site. */
type Outcome = 'ok' | 'login' | 'elsewhere' | 400 | 403 | 404 | `→${string}`;
/**
 * Written out for anonymous and each single-role actor. An actor with several roles (COMBINED) gets the
 * union of the actors it is made of (see expectedFor), unless the row writes theirs out.
 */
type Expect = Record<'anonymous' | Single, Outcome> & Partial<Record<Combined, Outcome>>;
type Signed = Exclude<Actor, 'anonymous'>;
const SIGNED = ACTORS.filter((a): a is Signed => a !== 'anonymous');
const SINGLE = SIGNED.filter((a): a is Single => !(a in COMBINED));

/** Those listed get `outcome`; anonymous is sent to log in; everyone else gets the 404 of a missing page. */
function allowedFor(actors: Single[], outcome: Outcome = 'ok', others: Outcome = 404): Expect {
	const e = { anonymous: 'login' } as Expect;
	for (const a of SINGLE) e[a] = actors.includes(a) ? outcome : others;
	return e;
}
const everyone = (o: Outcome, anonymous: Outcome = 'login') => ({ ...allowedFor([...SINGLE], o), anonymous });
const nobody = () => allowedFor([]);
const STUDENTS: Single[] = ['studentA', 'studentB'];
const MENTORS: Single[] = ['mentorA', 'mentorOther'];
const ADMINS: Single[] = ['admin', 'adminOther'];
// requireRole(...STAFF_ROLES): every employee of the school.
const EMPLOYEES: Single[] = ['mentorA', 'mentorOther', 'coordinator', 'admin', 'adminOther', 'staff'];
const HOMES: Expect = {
	anonymous: 'login',
	studentA: '→/student',
	studentB: '→/student',
	mentorA: '→/mentor',
	mentorOther: '→/mentor',
	coordinator: '→/coordinator',
	admin: '→/admin',
	adminOther: '→/admin',
	staff: '→/lob-taken',
	parent: '→/parent',
	// Not a grant but a choice among the areas they may open: the first in HOME_ORDER (roles.ts).
	adminMentor: '→/mentor',
	mentorCoordinator: '→/mentor',
	staffMentor: '→/mentor'
};

/**
 * The union of what each role allows, never more (DOMAIN.md §5): the same outcome for every part is that
 * outcome; one part let through and the others refused (403/404) is let through. Anything else (two
 * different redirects) has no union to derive, and the row has to write the actor's outcome out.
 */
function union(parts: Outcome[], label: string): Outcome {
	const distinct = [...new Set(parts)];
	const granted = distinct.filter((o) => o !== 403 && o !== 404);
	if (distinct.length === 1) return distinct[0];
	if (granted.length === 1) return granted[0];
	throw new Error(`${label}: no union of ${distinct.join(', ')}; write this actor's outcome out`);
}

/** The outcome an actor must get: written out for a single role, derived for several. */
function expectedFor(e: Partial<Expect>, who: Actor, label: string): Outcome | undefined {
	if (e[who] !== undefined || !(who in COMBINED)) return e[who];
	const parts = COMBINED[who as Combined].map((p) => e[p]);
	if (parts.some((p) => p === undefined)) return undefined;
	return union(parts as Outcome[], `${who} ${label}`);
}

interface PageCase {
	url: (i: Ids) => string;
	expect: Expect;
}
const page = (url: string | ((i: Ids) => string), expect: Expect): PageCase => ({
	url: typeof url === 'string' ? () => url : url,
	expect
});

// GET of every page (route id → the URLs probed) and of every +server.ts GET endpoint.
const PAGES: Record<string, PageCase[]> = {
	'/': [page('/', HOMES)],
	'/account': [page('/account', everyone('ok'))],
	'/account/password': [page('/account/password', everyone('ok'))],
	'/admin': [page('/admin', allowedFor(ADMINS))],
	'/admin/audit': [page('/admin/audit', allowedFor(ADMINS))],
	'/admin/erase/[id=id]': [
		page((i) => `/admin/erase/${i.A}`, allowedFor(['admin'])),
		page((i) => `/admin/erase/${i.S2}`, allowedFor(['adminOther'])),
		// Not a student: nothing to erase.
		page((i) => `/admin/erase/${i.mentorA}`, nobody())
	],
	'/admin/groups': [page('/admin/groups', allowedFor(ADMINS))],
	'/admin/groups/[id=id]': [
		page((i) => `/admin/groups/${i.groupA}`, allowedFor(['admin'])),
		page((i) => `/admin/groups/${i.group2}`, allowedFor(['adminOther']))
	],
	'/admin/import': [page('/admin/import', allowedFor(ADMINS))],
	'/admin/import/[id=id]': [page('/admin/import/999999', nobody())],
	'/admin/school-year': [page('/admin/school-year', allowedFor(ADMINS))],
	'/admin/retention': [page('/admin/retention', allowedFor(ADMINS))],
	'/admin/users': [page('/admin/users', allowedFor(ADMINS))],
	'/admin/users/[id=id]': [
		page((i) => `/admin/users/${i.A}`, allowedFor(['admin'])),
		page((i) => `/admin/users/${i.S2}`, allowedFor(['adminOther']))
	],
	'/admin/users/new': [page('/admin/users/new', allowedFor(ADMINS))],
	'/coordinator': [page('/coordinator', allowedFor(['coordinator']))],
	'/coordinator/matrix': [page('/coordinator/matrix', allowedFor(['coordinator']))],
	'/coordinator/matrix/actors': [page('/coordinator/matrix/actors', allowedFor(['coordinator']))],
	'/coordinator/matrix/tasks': [page('/coordinator/matrix/tasks', allowedFor(['coordinator']))],
	'/coordinator/matrix/trend': [page('/coordinator/matrix/trend', allowedFor(['coordinator']))],
	'/coordinator/programme': [
		page('/coordinator/programme', allowedFor(['coordinator'])),
		// Another school's year in the query falls back to the viewer's own current year.
		page((i) => `/coordinator/programme?year=${i.year2}`, allowedFor(['coordinator']))
	],
	'/coordinator/programme/new': [page('/coordinator/programme/new', allowedFor(['coordinator']))],
	'/coordinator/programme/[id=id]': [
		page((i) => `/coordinator/programme/${i.activity}`, allowedFor(['coordinator'])),
		page((i) => `/coordinator/programme/${i.activity2}`, nobody())
	],
	'/coordinator/programme/reach': [page('/coordinator/programme/reach', allowedFor(['coordinator']))],
	'/mentor/activities': [page('/mentor/activities', allowedFor(MENTORS))],
	'/mentor/activities/new': [page('/mentor/activities/new', allowedFor(MENTORS))],
	'/mentor/activities/[id=id]': [
		page((i) => `/mentor/activities/${i.activity}`, allowedFor(['mentorA'])),
		page((i) => `/mentor/activities/${i.activityZ}`, allowedFor(['mentorOther'])),
		page((i) => `/mentor/activities/${i.activity2}`, nobody())
	],
	'/student/activities': [page('/student/activities', allowedFor(STUDENTS))],
	'/lob-taken': [page('/lob-taken', allowedFor(EMPLOYEES))],
	'/lob-taken/rounds/[roundId=id]': [
		// Only those invited to answer this round (m.jansen, l.vandijk, p.desmet, a.bos).
		page((i) => `/lob-taken/rounds/${i.round}`, allowedFor(['mentorA', 'coordinator', 'staff'])),
		// The other school's round has no respondents at all.
		page((i) => `/lob-taken/rounds/${i.round2}`, nobody())
	],
	'/lob-taken/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]': [
		page(
			(i) => `/lob-taken/rounds/${i.round}/cell/${i.task}/${i.actor}`,
			allowedFor(['mentorA', 'coordinator', 'staff'])
		),
		page((i) => `/lob-taken/rounds/${i.round2}/cell/${i.task2}/${i.actor2}`, nobody()),
		page((i) => `/lob-taken/rounds/${i.round}/cell/${i.task2}/${i.actor2}`, nobody())
	],
	'/login': [page('/login', everyone('→/', 'ok'))],
	'/login/code': [page('/login/code', everyone('ok', 'ok'))],
	'/login/oidc': [page('/login/oidc', everyone('elsewhere', 'elsewhere'))],
	'/login/oidc/callback': [
		page('/login/oidc/callback', everyone('→/login?sso=failed', '→/login?sso=failed'))
	],
	'/logout': [page('/logout', everyone('→/'))],
	'/language': [page('/language', everyone('→/', '→/'))],
	'/healthz': [page('/healthz', everyone('ok', 'ok'))],
	'/mentor': [page('/mentor', allowedFor(MENTORS))],
	'/mentor/conversations': [page('/mentor/conversations', allowedFor(MENTORS))],
	'/mentor/conversations/[id=id]': [
		page((i) => `/mentor/conversations/${i.convA}`, allowedFor(['mentorA'])),
		page((i) => `/mentor/conversations/${i.convZ}`, allowedFor(['mentorOther'])),
		page((i) => `/mentor/conversations/${i.conv2}`, nobody())
	],
	'/mentor/feedback': [page('/mentor/feedback', allowedFor(MENTORS))],
	'/mentor/students/[id=id]': [
		page((i) => `/mentor/students/${i.A}`, allowedFor(['mentorA'])),
		// Z is a student of the school but not a mentee of mentorA, nor of admin+mentor, who mentors the
		// same group: admin ∪ mentorA is a 404 (the admin role reads no student's goals or ratings here).
		page((i) => `/mentor/students/${i.Z}`, allowedFor(['mentorOther'])),
		page((i) => `/mentor/students/${i.S2}`, nobody())
	],
	'/mentor/students/[id=id]/reflections/[rid=id]': [
		page((i) => `/mentor/students/${i.A}/reflections/${i.reflA}`, allowedFor(['mentorA'])),
		// A private draft is not the mentor's to read.
		page((i) => `/mentor/students/${i.A}/reflections/${i.reflAPrivate}`, nobody()),
		page((i) => `/mentor/students/${i.Z}/reflections/${i.reflZ}`, allowedFor(['mentorOther'])),
		// A student and a reflection that do not belong together.
		page((i) => `/mentor/students/${i.A}/reflections/${i.reflZ}`, nobody()),
		page((i) => `/mentor/students/${i.S2}/reflections/${i.refl2}`, nobody())
	],
	'/notifications': [page('/notifications', everyone('ok'))],
	// Parents (issue 20): the demo mother sees Sanne's shared part only; a signed-in parent opening an
	// invitation link is sent to link the child on /parent; anyone else signed in sees "sign out first".
	'/login/parent': [page('/login/parent', { ...everyone('ok', 'ok'), parent: '→/parent?code=' })],
	'/coordinator/parents': [page('/coordinator/parents', allowedFor(['coordinator']))],
	'/parent': [page('/parent', allowedFor(['parent']))],
	'/parent/[studentId=id]': [
		page((i) => `/parent/${i.sanne}`, allowedFor(['parent'])),
		page((i) => `/parent/${i.A}`, nobody()),
		page((i) => `/parent/${i.S2}`, nobody())
	],
	'/parent/[studentId=id]/reflections/[rid=id]': [
		page((i) => `/parent/${i.sanne}/reflections/${i.reflHome}`, allowedFor(['parent'])),
		// Private, or not shared with home: not the parent's to read.
		page((i) => `/parent/${i.sanne}/reflections/${i.reflSanneHidden}`, nobody()),
		// Another student's reflection through the child's URL, and another student's URL.
		page((i) => `/parent/${i.sanne}/reflections/${i.reflA}`, nobody()),
		page((i) => `/parent/${i.A}/reflections/${i.reflA}`, nobody())
	],
	'/parent/[studentId=id]/conversations/[cid=id]': [
		page((i) => `/parent/${i.sanne}/conversations/${i.convOther}`, allowedFor(['parent'])),
		page((i) => `/parent/${i.sanne}/conversations/${i.convA}`, nobody()),
		page((i) => `/parent/${i.A}/conversations/${i.convA}`, nobody())
	],
	'/student': [page('/student', allowedFor(STUDENTS))],
	'/student/conversations': [page('/student/conversations', allowedFor(STUDENTS))],
	'/student/conversations/[id=id]': [
		page((i) => `/student/conversations/${i.convA}`, allowedFor(['studentA'])),
		page((i) => `/student/conversations/${i.convOther}`, nobody()),
		page((i) => `/student/conversations/${i.conv2}`, nobody())
	],
	'/student/dossier': [page('/student/dossier', allowedFor(STUDENTS))],
	'/student/dossier/share': [page('/student/dossier/share', allowedFor(STUDENTS))],
	'/coordinator/dossier': [page('/coordinator/dossier', allowedFor(['coordinator']))],
	'/mentor/students/[id=id]/dossier': [
		page((i) => `/mentor/students/${i.A}/dossier`, allowedFor(['mentorA'])),
		page((i) => `/mentor/students/${i.Z}/dossier`, allowedFor(['mentorOther'])),
		page((i) => `/mentor/students/${i.S2}/dossier`, nobody())
	],
	// Public (issue 19): the secret in the address is the key; a guessed one is a 404 for everyone.
	'/dossier/[token]': [
		page((i) => `/dossier/${i.shareToken}`, everyone('ok', 'ok')),
		page('/dossier/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', everyone(404, 404))
	],
	'/student/goals': [page('/student/goals', allowedFor(STUDENTS))],
	'/student/privacy': [page('/student/privacy', allowedFor(STUDENTS))],
	'/student/ratings': [page('/student/ratings', allowedFor(STUDENTS))],
	'/student/reflections': [page('/student/reflections', allowedFor(STUDENTS))],
	'/student/transfer': [page('/student/transfer', allowedFor(STUDENTS))],
	'/student/reflections/new': [page('/student/reflections/new', allowedFor(STUDENTS))],
	// Issue 19, item 15: the editor of a reflection not saved yet; a planned activity of another group is a 404.
	'/student/reflections/new/write': [page('/student/reflections/new/write?type=stage', allowedFor(STUDENTS))],
	'/student/reflections/[id=id]': [
		page((i) => `/student/reflections/${i.reflA}`, allowedFor(['studentA'])),
		page((i) => `/student/reflections/${i.reflAPrivate}`, allowedFor(['studentA'])),
		page((i) => `/student/reflections/${i.reflB}`, allowedFor(['studentB'])),
		page((i) => `/student/reflections/${i.refl2}`, nobody())
	],
	'/student/reflections/[id=id]/attachments': [
		page((i) => `/student/reflections/${i.reflA}/attachments`, allowedFor(['studentA'])),
		page((i) => `/student/reflections/${i.refl2}/attachments`, nobody())
	],
	'/student/reflections/[id=id]/edit': [
		page((i) => `/student/reflections/${i.reflAPrivate}/edit`, allowedFor(['studentA'])),
		page((i) => `/student/reflections/${i.refl2}/edit`, nobody())
	],
	'/student/reflections/[id=id]/versions': [
		page((i) => `/student/reflections/${i.reflA}/versions`, allowedFor(['studentA'])),
		page((i) => `/student/reflections/${i.refl2}/versions`, nobody())
	]
};
for (const sub of ['', '/actions', '/analysis', '/compare', '/differences', '/print', '/respondents']) {
	PAGES[`/coordinator/matrix/rounds/[roundId=id]${sub}`] = [
		page((i) => `/coordinator/matrix/rounds/${i.round}${sub}`, allowedFor(['coordinator'])),
		page((i) => `/coordinator/matrix/rounds/${i.round2}${sub}`, nobody())
	];
}
PAGES['/coordinator/matrix/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]'] = [
	page((i) => `/coordinator/matrix/rounds/${i.round}/cell/${i.task}/${i.actor}`, allowedFor(['coordinator'])),
	page((i) => `/coordinator/matrix/rounds/${i.round2}/cell/${i.task2}/${i.actor2}`, nobody()),
	page((i) => `/coordinator/matrix/rounds/${i.round}/cell/${i.task2}/${i.actor2}`, nobody())
];

const ENDPOINTS: Record<string, PageCase[]> = {
	'/coordinator/matrix/rounds/[roundId=id]/export.csv GET': [
		page((i) => `/coordinator/matrix/rounds/${i.round}/export.csv`, allowedFor(['coordinator'])),
		page((i) => `/coordinator/matrix/rounds/${i.round}/export.csv?file=answers`, allowedFor(['coordinator'])),
		page((i) => `/coordinator/matrix/rounds/${i.round2}/export.csv`, nobody()),
		page((i) => `/coordinator/matrix/rounds/${i.round2}/export.csv?file=answers`, nobody())
	],
	'/coordinator/matrix/trend.csv GET': [page('/coordinator/matrix/trend.csv', allowedFor(['coordinator']))],
	'/coordinator/matrix/rounds/[roundId=id]/export.zip GET': [
		page((i) => `/coordinator/matrix/rounds/${i.round}/export.zip`, allowedFor(['coordinator'])),
		page((i) => `/coordinator/matrix/rounds/${i.round2}/export.zip`, nobody())
	],
	'/admin/users/[id=id]/export GET': [
		page((i) => `/admin/users/${i.A}/export`, allowedFor(['admin'])),
		page((i) => `/admin/users/${i.S2}/export`, allowedFor(['adminOther']))
	],
	'/files/[id=id] GET': [page((i) => `/files/${i.attachmentA}`, allowedFor(['studentA', 'mentorA']))],
	'/healthz GET': PAGES['/healthz'],
	'/login/oidc GET': PAGES['/login/oidc'],
	'/login/oidc/callback GET': PAGES['/login/oidc/callback'],
	'/student/dossier/export GET': [page('/student/dossier/export', allowedFor(STUDENTS))],
	'/coordinator/programme/export.csv GET': [
		page('/coordinator/programme/export.csv', allowedFor(['coordinator']))
	],
	'/coordinator/programme/calendar.ics GET': [
		page('/coordinator/programme/calendar.ics', allowedFor(['coordinator']))
	],
	// A's evidence is on a reflection outside the link's part (shared with the mentor, not in the dossier).
	'/dossier/[token]/files/[id=id] GET': [
		page((i) => `/dossier/${i.shareToken}/files/${i.attachmentA}`, everyone(404, 404)),
		page((i) => `/dossier/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/files/${i.attachmentA}`, everyone(404, 404))
	],
	// Public: the secret in the address is the key. A guessed one is a 404 for everyone, signed in or not.
	'/agenda/[token].ics GET': [
		page((i) => `/agenda/${i.feedToken}.ics`, everyone('ok', 'ok')),
		page('/agenda/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics', everyone(404, 404))
	]
};

type Form = Record<string, string | string[] | number>;
interface ActionCase {
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
const act = (c: ActionCase) => c;

// A new reflection's first save: where it starts from, with the editor's key.
const newReflectionForm = {
	startKey: 'authz-probe-0123456789',
	startType: 'stage',
	resultaat: '',
	evaluatie: '',
	vervolg: '',
	visibility: 'mentor'
};

const comments = (url: (i: Ids) => string, who: Single): Record<string, ActionCase[]> => ({
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

function actions(route: string, byName: Record<string, ActionCase[]>): Record<string, ActionCase[]> {
	return Object.fromEntries(Object.entries(byName).map(([name, cases]) => [`${route} ${name}`, cases]));
}

const reflectionRow = (i: Ids): [string, number] => [
	'SELECT title, doel, visibility, version, finished_at, deleted_at FROM reflection WHERE id = ?',
	i.reflA
];
const userRow =
	(id: (i: Ids) => number) =>
	(i: Ids): [string, number] => [
		'SELECT given_name, family_name, username, active, password_hash, (SELECT count(*) FROM login_code WHERE user_id = u.id) codes FROM user u WHERE id = ?',
		id(i)
	];
const parentLinks = (): [string] => [
	'SELECT id, student_id, parent_id, created_by, revoked_at FROM parent_link ORDER BY id'
];
const groupRows =
	(id: (i: Ids) => number) =>
	(i: Ids): [string, number, number, number] => [
		`SELECT name, closed_at, (SELECT group_concat(student_id) FROM group_student WHERE group_id = g.id) s,
	 (SELECT group_concat(mentor_id) FROM group_mentor WHERE group_id = g.id) m FROM "group" g WHERE id IN (?, ?, ?)`,
		id(i),
		i.groupA,
		i.group2
	];
const ROUND = (i: Ids) => `/coordinator/matrix/rounds/${i.round}`;
// Other suites remind and answer in the same round meanwhile: the respondent checks look only at what the probe
// could change (who is invited, of the people the invite names; who submitted).
const SUBMITTED = 'SELECT id, user_id, submitted_at FROM matrix_respondent WHERE round_id = ? ORDER BY id';
const invitedRows = (i: Ids): [string, number, number, number, number] => [
	'SELECT id, round_id, user_id FROM matrix_respondent WHERE round_id = ? AND user_id IN (?, ?, ?) ORDER BY id',
	i.round,
	i.staff,
	i.A,
	i.S2
];
const ROUND2 = (i: Ids) => `/coordinator/matrix/rounds/${i.round2}`;
const matrixRows =
	(table: 'matrix_task' | 'matrix_actor') =>
	(i: Ids): [string, number, number] => [
		`SELECT id, name, position, archived_at FROM ${table} WHERE school_id IN (?, ?) ORDER BY id`,
		i.school,
		i.school2
	];
const cellRows = (i: Ids): [string, number, number] => [
	'SELECT round_id, task_id, actor_id, part, how, version FROM matrix_cell WHERE round_id IN (?, ?) ORDER BY id',
	i.round,
	i.round2
];
const cellForm = (): Form => ({ part: 'uitvoerend', how: 'authz-probe', rating: '', wish: '', version: '0' });
const pdf = { name: 'probe.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%probe\n') };

const programmeRows = (i: Ids): [string, number, number] => [
	`SELECT a.id, a.title, a.date, a.cancelled_at, a.school_year_id,
	 (SELECT group_concat(group_id) FROM activity_group WHERE activity_id = a.id) g
	 FROM activity a WHERE a.school_id IN (?, ?) ORDER BY a.id`,
	i.school,
	i.school2
];
const nudgeRows = (): [string] => [`SELECT count(*) n FROM notification WHERE kind = 'activityNudge'`];
const activityReflections = (i: Ids): [string, number] => [
	'SELECT count(*) n FROM reflection WHERE activity_id = ?',
	i.activity2
];
// A complete, valid plan for 3KB-A: it would create or change an activity if the guard let it through.
const activityForm = (i: Ids): Form => ({
	schoolYearId: String(i.year),
	type: 'gastles',
	title: 'authz-probe',
	date: '2026-12-15',
	audience: 'groups',
	groups: String(i.groupA),
	competencies: 'netwerken',
	organiserId: String(i.mentorA)
});

const ACTIONS: Record<string, ActionCase[]> = {
	...actions('/account/password', {
		default: [
			act({
				url: () => '/account/password',
				form: () => ({
					currentPassword: 'x',
					newPassword: 'Authz-probe-2026',
					repeatPassword: 'Authz-probe-2026'
				}),
				allowed: [...SINGLE]
			})
		]
	}),
	...actions('/account', {
		// Smuggled: student A's session id, posted by everyone else from their own account page.
		endSession: [
			act({
				url: () => '/account',
				form: (i) => ({ sessionId: i.sessionA }),
				allowed: ['studentA'],
				check: (i) => ['SELECT id FROM session WHERE id = ?', i.sessionA]
			})
		],
		// Signed in, this ends the actor's other sessions, which tests running alongside may be using.
		endOthers: [act({ url: () => '/account', form: () => ({}), exact: { anonymous: 'login' } })]
	}),
	...actions('/admin/erase/[id=id]', {
		erase: [
			act({
				url: (i) => `/admin/erase/${i.A}`,
				form: () => ({ confirm: 'Mohamed Yilmaz' }),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			}),
			act({
				url: (i) => `/admin/erase/${i.S2}`,
				form: () => ({ confirm: 'x' }),
				allowed: ['adminOther'],
				check: userRow((i) => i.S2)
			})
		]
	}),
	...actions('/admin/groups', {
		create: [
			act({
				url: () => '/admin/groups',
				form: () => ({ name: 'authz-probe' }),
				allowed: ADMINS,
				check: () => [`SELECT count(*) n FROM "group" WHERE name = 'authz-probe'`]
			})
		]
	}),
	...actions('/admin/groups/[id=id]', {
		save: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: () => ({ name: 'authz-probe' }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			})
		],
		addStudents: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.Z) }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			}),
			// Smuggled: a student of the other school into this school's group, and the reverse.
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.S2) }),
				check: groupRows((i) => i.groupA)
			}),
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: (i) => ({ userIds: String(i.A) }),
				check: groupRows((i) => i.group2)
			})
		],
		addMentors: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userIds: String(i.staff) }),
				allowed: ['admin'],
				check: groupRows((i) => i.groupA)
			}),
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: (i) => ({ userIds: String(i.mentorA) }),
				check: groupRows((i) => i.group2)
			})
		],
		removeStudent: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userId: String(i.A) }),
				allowed: ['admin'],
				// An empty body answers 404 like a missing member; removing for real is in admin.test.ts.
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		removeMentor: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: (i) => ({ userId: String(i.mentorA) }),
				allowed: ['admin'],
				// An empty body answers 404 like a missing member; removing for real is in admin.test.ts.
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		close: [
			act({
				url: (i) => `/admin/groups/${i.groupA}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: groupRows((i) => i.groupA)
			})
		],
		reopen: [
			act({
				url: (i) => `/admin/groups/${i.group2}`,
				form: () => ({}),
				allowed: ['adminOther'],
				probe: 'skip',
				check: groupRows((i) => i.group2)
			})
		]
	}),
	...actions('/admin/import', {
		upload: [
			act({
				url: () => '/admin/import',
				form: () => ({}),
				multipart: true,
				allowed: ADMINS,
				check: () => ['SELECT count(*) n FROM import_batch']
			})
		]
	}),
	...actions('/admin/import/[id=id]', {
		map: [act({ url: () => '/admin/import/999999', form: () => ({ givenName: '0' }) })],
		encoding: [act({ url: () => '/admin/import/999999', form: () => ({ encoding: 'macintosh' }) })],
		choose: [act({ url: () => '/admin/import/999999', form: () => ({ 'choice-2': '0' }) })],
		apply: [act({ url: () => '/admin/import/999999', form: () => ({}) })]
	}),
	...actions('/admin/retention', {
		erase: [
			act({
				url: () => '/admin/retention',
				form: (i) => ({ ids: String(i.A), confirm: '1' }),
				allowed: ADMINS,
				check: (i) => ['SELECT id, left_at FROM user WHERE id = ?', i.A]
			})
		]
	}),
	...actions('/admin/school-year', {
		retention: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ years: '3' }),
				allowed: ADMINS,
				check: () => ['SELECT * FROM school ORDER BY id']
			})
		],
		werkcentrum: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ werkcentrumName: 'authz-probe', werkcentrumUrl: 'https://authz-probe.example.nl/' }),
				allowed: ADMINS,
				check: () => ['SELECT id, werkcentrum_name, werkcentrum_url FROM school ORDER BY id']
			})
		],
		stage: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ name: 'authz-probe', startsOn: '2099-08-01', endsOn: '2100-07-31', confirm: 'on' }),
				allowed: ADMINS,
				check: () => ['SELECT * FROM school_year ORDER BY id']
			})
		],
		startEarly: [
			act({
				url: () => '/admin/school-year',
				form: () => ({ yearId: '999999', confirm: 'authz-probe', reason: 'authz probe reason' }),
				allowed: ADMINS,
				check: () => [
					`SELECT (SELECT group_concat(id || ':' || is_current || ':' || coalesce(starts_on, '')) FROM school_year) AS years,
					 (SELECT group_concat(id || ':' || coalesce(closed_at, '')) FROM "group") AS groups`
				]
			})
		]
	}),
	...actions('/admin/users/[id=id]', {
		save: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({
					givenName: 'Authz',
					familyName: 'Probe',
					username: 'mohamed.yilmaz',
					roles: 'student'
				}),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			})
		],
		deactivate: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: userRow((i) => i.A)
			})
		],
		reactivate: [
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: () => ({}),
				allowed: ['adminOther'],
				probe: 'skip',
				check: userRow((i) => i.S2)
			})
		],
		password: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({ password: 'Authz-probe-2026' }),
				allowed: ['admin'],
				check: userRow((i) => i.A)
			})
		],
		loginCode: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({}),
				allowed: ['admin'],
				probe: 'skip',
				check: userRow((i) => i.A)
			})
		],
		// Parents linked on request (issue 20): the demo mother, a parent of the demo school only.
		linkParent: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ parentId: String(i.mother) }),
				allowed: ['admin'],
				check: parentLinks
			}),
			// Smuggled: the demo school's parent onto the other school's student.
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: parentLinks
			})
		],
		newParent: [
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: () => ({ parentGivenName: 'Authz', parentFamilyName: 'Probe', parentUsername: 'authz.parent' }),
				allowed: ['admin'],
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.parent'`]
			}),
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: () => ({
					parentGivenName: 'Authz',
					parentFamilyName: 'Probe',
					parentUsername: 'authz.parent2'
				}),
				allowed: ['adminOther'],
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.parent2'`]
			})
		],
		parentCode: [
			act({
				url: (i) => `/admin/users/${i.sanne}`,
				form: (i) => ({ parentId: String(i.mother) }),
				allowed: ['admin'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			}),
			// Smuggled: a parent not linked to this student, and one of another school.
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			}),
			act({
				url: (i) => `/admin/users/${i.S2}`,
				form: (i) => ({ parentId: String(i.mother) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.mother]
			})
		],
		endParentLink: [
			act({
				url: (i) => `/admin/users/${i.sanne}`,
				form: (i) => ({ linkId: String(i.motherLink) }),
				allowed: ['admin'],
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			}),
			// Smuggled: Sanne's link through another student's page.
			act({
				url: (i) => `/admin/users/${i.A}`,
				form: (i) => ({ linkId: String(i.motherLink) }),
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			})
		]
	}),
	...actions('/admin/users/new', {
		default: [
			act({
				url: () => '/admin/users/new',
				form: () => ({
					givenName: 'Authz',
					familyName: 'Probe',
					username: 'authz.probe',
					roles: 'admin',
					password: 'Authz-probe-2026'
				}),
				allowed: ADMINS,
				check: () => [`SELECT count(*) n FROM user WHERE username = 'authz.probe'`]
			})
		]
	}),
	...actions('/coordinator/matrix', {
		create: [
			act({
				url: () => '/coordinator/matrix',
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: () => [`SELECT count(*) n FROM matrix_round WHERE name = 'authz-probe'`]
			})
		]
	}),
	...actions('/coordinator/matrix/actors', {
		add: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			})
		],
		update: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor), name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), name: 'authz-probe' }),
				check: matrixRows('matrix_actor')
			})
		],
		move: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), direction: 'up' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_actor')
			})
		],
		archive: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor), archived: 'true' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), archived: 'true' }),
				check: matrixRows('matrix_actor')
			})
		],
		link: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor) }),
				allowed: ['coordinator'],
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			}),
			// Smuggled: a student, an actor of the other school.
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.A), actorId: String(i.actor) }),
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor2) }),
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			})
		],
		unlink: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.link2) }),
				allowed: [],
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			})
		]
	}),
	...actions('/coordinator/matrix/tasks', {
		add: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: () => ({ kind: 'begeleidend', name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_task')
			})
		],
		update: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task), kind: 'begeleidend', name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_task')
			}),
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), kind: 'begeleidend', name: 'authz-probe' }),
				check: matrixRows('matrix_task')
			})
		],
		move: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), direction: 'up' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_task')
			})
		],
		archive: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), archived: 'true' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_task')
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]', {
		rename: [
			act({
				url: ROUND,
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			}),
			act({
				url: ROUND2,
				form: () => ({ name: 'authz-probe' }),
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			})
		],
		delete: [
			// The demo round has answers: even the coordinator's probe (no confirmation) deletes nothing.
			act({
				url: ROUND,
				form: () => ({ confirm: 'yes' }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			}),
			act({
				url: ROUND2,
				form: () => ({ confirm: 'yes' }),
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			})
		],
		status: [
			act({
				url: ROUND,
				form: () => ({ status: 'closed', confirm: 'yes' }),
				allowed: ['coordinator'],
				check: (i) => ['SELECT status, closed_at FROM matrix_round WHERE id IN (?, ?)', i.round, i.round2]
			}),
			act({
				url: ROUND2,
				form: () => ({ status: 'closed', confirm: 'yes' }),
				check: (i) => ['SELECT status, closed_at FROM matrix_round WHERE id IN (?, ?)', i.round, i.round2]
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/actions', {
		add: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ taskId: String(i.task), title: 'authz-probe', owner: '', dueOn: '' }),
				allowed: ['coordinator'],
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ taskId: String(i.task2), title: 'authz-probe', owner: '', dueOn: '' }),
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			}),
			act({
				url: (i) => `${ROUND2(i)}/actions`,
				form: (i) => ({ taskId: String(i.task2), title: 'authz-probe', owner: '', dueOn: '' }),
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			})
		],
		edit: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: '',
					dueOn: ''
				}),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action2),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: '',
					dueOn: ''
				}),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			// Smuggled: a student as the owner.
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: String(i.A),
					dueOn: ''
				}),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			})
		],
		delete: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action) }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action2) }),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			})
		],
		status: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action), status: 'klaar' }),
				allowed: ['coordinator'],
				check: (i) => ['SELECT status FROM matrix_action WHERE id IN (?, ?)', i.action, i.action2]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action2), status: 'klaar' }),
				check: (i) => ['SELECT status FROM matrix_action WHERE id IN (?, ?)', i.action, i.action2]
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]', {
		save: [
			act({
				url: (i) => `${ROUND(i)}/cell/${i.task}/${i.actor}`,
				form: cellForm,
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({ url: (i) => `${ROUND2(i)}/cell/${i.task2}/${i.actor2}`, form: cellForm, check: cellRows }),
			act({ url: (i) => `${ROUND(i)}/cell/${i.task2}/${i.actor2}`, form: cellForm, check: cellRows })
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/differences', {
		agree: [
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({
					taskId: String(i.task),
					actorId: String(i.actor),
					part: 'uitvoerend',
					rating: '',
					version: '0'
				}),
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({
					taskId: String(i.task2),
					actorId: String(i.actor2),
					part: 'uitvoerend',
					rating: '',
					version: '0'
				}),
				check: cellRows
			})
		],
		undo: [
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({ taskId: String(i.task), actorId: String(i.actor) }),
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({ taskId: String(i.task2), actorId: String(i.actor2) }),
				check: cellRows
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/respondents', {
		invite: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.staff), actorId: '' }),
				allowed: ['coordinator'],
				check: invitedRows
			}),
			// Smuggled: a student, a colleague of the other school, an actor of the other school.
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.A), actorId: '' }),
				check: invitedRows
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.S2), actorId: '' }),
				check: invitedRows
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor2) }),
				check: invitedRows
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/respondents', {
		remind: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent) }),
				allowed: ['coordinator'],
				// This respondent's row only: other suites invite and remind in the same round meanwhile.
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent]
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			})
		],
		remove: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent) }),
				allowed: ['coordinator'],
				// This respondent's row only: other suites invite and remind in the same round meanwhile.
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent]
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			}),
			act({
				url: (i) => `${ROUND2(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			})
		]
	}),
	...actions('/lob-taken/rounds/[roundId=id]', {
		submit: [
			act({
				url: (i) => `/lob-taken/rounds/${i.round}`,
				form: () => ({}),
				allowed: ['mentorA', 'coordinator', 'staff'],
				probe: 'skip',
				check: (i) => [SUBMITTED, i.round]
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round2}`,
				form: () => ({}),
				check: (i) => [SUBMITTED, i.round2]
			})
		]
	}),
	...actions('/lob-taken/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]', {
		save: [
			act({
				url: (i) => `/lob-taken/rounds/${i.round}/cell/${i.task}/${i.actor}`,
				form: cellForm,
				allowed: ['mentorA', 'coordinator', 'staff'],
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round2}/cell/${i.task2}/${i.actor2}`,
				form: cellForm,
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round}/cell/${i.task2}/${i.actor2}`,
				form: cellForm,
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			})
		]
	}),
	...actions('/mentor', {
		loginCode: [
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.A) }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.A]
			}),
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.Z) }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.Z]
			}),
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.S2) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.S2]
			})
		]
	}),
	...actions('/mentor/conversations', {
		plan: [
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `student:${i.A}`, plannedAt: '2027-04-01' }),
				allowed: ['mentorA'],
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `group:${i.groupZ}`, plannedAt: '2027-04-01' }),
				allowed: ['mentorOther'],
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `student:${i.S2}`, plannedAt: '2027-04-01' }),
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `group:${i.group2}`, plannedAt: '2027-04-01' }),
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			})
		]
	}),
	...actions('/mentor/conversations/[id=id]', {
		agenda: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.conv2]
			})
		],
		inviteParent: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ on: 'on' }),
				allowed: ['mentorA'],
				probe: 'skip',
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			}),
			// A group conversation has no parents to invite; the other school's is out of scope.
			act({
				url: (i) => `/mentor/conversations/${i.convZ}`,
				form: () => ({ on: 'on' }),
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ on: 'on' }),
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			})
		],
		answer: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ body: 'authz-probe', summary: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => [
					'SELECT summary, (SELECT count(*) FROM summary_reply) n FROM conversation WHERE id = ?',
					i.convA
				]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ body: 'authz-probe', summary: 'authz-probe' }),
				check: (i) => [
					'SELECT summary, (SELECT count(*) FROM summary_reply) n FROM conversation WHERE id = ?',
					i.conv2
				]
			})
		],
		record: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ summary: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT status, summary, mentor_note FROM conversation WHERE id = ?', i.convA]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.convZ}`,
				form: () => ({ summary: 'authz-probe' }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT status, summary, mentor_note FROM conversation WHERE id = ?', i.convZ]
			})
		]
	}),
	...actions(
		'/mentor/students/[id=id]/reflections/[rid=id]',
		comments((i) => `/mentor/students/${i.A}/reflections/${i.reflA}`, 'mentorA')
	),
	...actions('/parent', {
		link: [
			act({
				url: () => '/parent',
				form: () => ({ code: 'AUTHZPROBE' }),
				allowed: ['parent'],
				check: () => ['SELECT id, student_id, parent_id, revoked_at FROM parent_link ORDER BY id']
			})
		]
	}),
	...actions('/parent/[studentId=id]/reflections/[rid=id]', {
		note: [
			act({
				url: (i) => `/parent/${i.sanne}/reflections/${i.reflHome}`,
				form: () => ({ body: 'authz-probe' }),
				allowed: ['parent'],
				check: (i) => ['SELECT body, hidden_at FROM parent_note WHERE reflection_id = ?', i.reflHome]
			}),
			// Smuggled: a note on a reflection Sanne keeps to herself, and on another student's.
			act({
				url: (i) => `/parent/${i.sanne}/reflections/${i.reflSanneHidden}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM parent_note']
			}),
			act({
				url: (i) => `/parent/${i.A}/reflections/${i.reflA}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM parent_note']
			})
		]
	}),
	...actions('/parent/[studentId=id]/conversations/[cid=id]', {
		point: [
			act({
				url: (i) => `/parent/${i.sanne}/conversations/${i.convOther}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['parent'],
				check: (i) => [
					'SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?',
					i.convOther
				]
			}),
			act({
				url: (i) => `/parent/${i.A}/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			})
		]
	}),
	...actions('/student/privacy', {
		invite: [
			act({
				url: () => '/student/privacy',
				form: () => ({}),
				allowed: STUDENTS,
				probe: 'skip',
				check: () => ['SELECT count(*) n FROM parent_invitation']
			})
		],
		cancelInvite: [
			act({
				url: () => '/student/privacy',
				form: (i) => ({ invitationId: String(i.invitationA) }),
				allowed: ['studentA'],
				check: (i) => ['SELECT used_at FROM parent_invitation WHERE id = ?', i.invitationA]
			})
		],
		revoke: [
			// Smuggled: Sanne's link to her mother, posted by everyone else.
			act({
				url: () => '/student/privacy',
				form: (i) => ({ linkId: String(i.motherLink) }),
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			}),
			act({ url: () => '/student/privacy', form: () => ({}), allowed: STUDENTS })
		],
		goals: [
			act({
				url: () => '/student/privacy',
				form: () => ({ on: 'on' }),
				allowed: STUDENTS,
				probe: 'skip',
				check: (i) => ['SELECT * FROM home_setting WHERE student_id <> ?', i.sanne]
			})
		]
	}),
	...actions('/notifications', {
		read: [
			act({
				url: () => '/notifications',
				form: (i) => ({ id: String(i.notificationOther) }),
				allowed: [],
				check: (i) => ['SELECT read_at FROM notification WHERE id = ?', i.notificationOther]
			})
		],
		readAll: [act({ url: () => '/notifications', form: () => ({}), allowed: [...SINGLE], probe: 'skip' })]
	}),
	...actions('/student/conversations/[id=id]', {
		agenda: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => [
					'SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?',
					i.convOther
				]
			})
		],
		confirm: [
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({}),
				check: (i) => ['SELECT summary_confirmed_at FROM conversation WHERE id = ?', i.convOther]
			})
		],
		disagree: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ body: 'authz-probe' }),
				allowed: ['studentA'],
				check: () => ['SELECT count(*) n FROM summary_reply']
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM summary_reply']
			})
		],
		home: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ on: 'on' }),
				allowed: ['studentA'],
				probe: 'skip',
				check: () => ['SELECT * FROM conversation_home_share ORDER BY conversation_id']
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({}),
				check: () => ['SELECT * FROM conversation_home_share ORDER BY conversation_id']
			})
		]
	}),
	...actions('/student/goals', {
		add: [
			act({
				url: () => '/student/goals',
				form: () => ({ title: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM goal WHERE title = 'authz-probe'`]
			})
		],
		edit: [
			act({
				url: () => '/student/goals',
				// Student B posts A's goal id from B's own goals page.
				form: (i) => ({ goalId: String(i.goalA), title: 'authz-probe' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT title, status FROM goal WHERE id IN (?, ?, ?)', i.goalA, i.goalB, i.goal2]
			}),
			act({
				url: () => '/student/goals',
				form: (i) => ({ goalId: String(i.goal2), title: 'authz-probe' }),
				check: (i) => ['SELECT title, status FROM goal WHERE id = ?', i.goal2]
			})
		],
		status: [
			act({
				url: () => '/student/goals',
				form: (i) => ({ goalId: String(i.goalB), status: 'dropped' }),
				allowed: ['studentB'],
				probe: {},
				check: (i) => ['SELECT title, status FROM goal WHERE id = ?', i.goalB]
			})
		],
		fromReflection: [
			act({
				url: () => '/student/goals',
				form: (i) => ({ reflectionId: String(i.reflB) }),
				allowed: ['studentB'],
				probe: 'skip',
				check: () => ['SELECT count(*) n FROM goal']
			}),
			act({
				url: () => '/student/goals',
				form: (i) => ({ reflectionId: String(i.refl2) }),
				check: () => ['SELECT count(*) n FROM goal']
			})
		]
	}),
	...actions('/student/ratings', {
		rate: [
			act({
				url: () => '/student/ratings',
				form: () => ({ competency: 'kwaliteiten', level: '3', note: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM self_rating WHERE note = 'authz-probe'`]
			})
		]
	}),
	...actions('/student/reflections/[id=id]', {
		...comments((i) => `/student/reflections/${i.reflA}`, 'studentA'),
		visibility: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({ visibility: 'private' }),
				allowed: ['studentA'],
				check: reflectionRow
			})
		],
		home: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({ on: 'on' }),
				allowed: ['studentA'],
				probe: 'skip',
				check: () => ['SELECT * FROM reflection_home_share ORDER BY reflection_id']
			}),
			// Smuggled: Sanne's shared reflection, switched off by anyone else.
			act({
				url: (i) => `/student/reflections/${i.reflHome}`,
				form: () => ({}),
				check: () => ['SELECT * FROM reflection_home_share ORDER BY reflection_id']
			})
		],
		hideNote: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: (i) => ({ noteId: String(i.motherNote) }),
				check: (i) => ['SELECT hidden_at FROM parent_note WHERE id = ?', i.motherNote]
			}),
			act({ url: (i) => `/student/reflections/${i.reflA}`, form: () => ({}), allowed: ['studentA'] })
		],
		showNote: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: (i) => ({ noteId: String(i.motherNote) }),
				check: (i) => ['SELECT hidden_at FROM parent_note WHERE id = ?', i.motherNote]
			}),
			act({ url: (i) => `/student/reflections/${i.reflA}`, form: () => ({}), allowed: ['studentA'] })
		],
		finish: [
			act({
				url: (i) => `/student/reflections/${i.reflAPrivate}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: (i) => ['SELECT finished_at FROM reflection WHERE id = ?', i.reflAPrivate]
			})
		],
		reopen: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: reflectionRow
			})
		],
		delete: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: reflectionRow
			}),
			act({
				url: (i) => `/student/reflections/${i.refl2}`,
				form: () => ({}),
				check: (i) => ['SELECT deleted_at FROM reflection WHERE id = ?', i.refl2]
			})
		]
	}),
	...actions('/student/reflections/[id=id]/attachments', {
		upload: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/attachments`,
				form: () => ({}),
				multipart: true,
				allowed: ['studentA'],
				check: () => ['SELECT count(*) n FROM attachment']
			})
		],
		delete: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/attachments`,
				form: (i) => ({ attachmentId: String(i.attachmentA) }),
				allowed: ['studentA'],
				probe: 'skip',
				check: (i) => ['SELECT id FROM attachment WHERE id = ?', i.attachmentA]
			}),
			// Smuggled: A's attachment posted on B's own reflection page.
			act({
				url: (i) => `/student/reflections/${i.reflB}/attachments`,
				form: (i) => ({ attachmentId: String(i.attachmentA) }),
				check: (i) => ['SELECT id FROM attachment WHERE id = ?', i.attachmentA]
			})
		]
	}),
	...actions('/student/reflections/[id=id]/autosave', {
		POST: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/autosave`,
				json: true,
				form: (i) => ({
					title: 'authz-probe',
					doel: 'authz-probe',
					resultaat: '',
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor',
					competencies: [],
					version: i.reflAVersion
				}),
				allowed: ['studentA'],
				check: reflectionRow
			})
		]
	}),
	...actions('/student/reflections/[id=id]/edit', {
		save: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/edit`,
				form: (i) => ({
					version: String(i.reflAVersion),
					title: 'authz-probe',
					doel: 'authz-probe',
					resultaat: '',
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor'
				}),
				allowed: ['studentA'],
				check: reflectionRow
			})
		]
	}),
	...actions('/coordinator/programme', {
		// Smuggled: the other school's year as the target.
		copyYear: [
			act({
				url: () => '/coordinator/programme',
				form: (i) => ({ fromYearId: String(i.year), toYearId: String(i.year2) }),
				allowed: ['coordinator'],
				check: programmeRows
			})
		]
	}),
	...actions('/coordinator/programme/new', {
		save: [
			act({
				url: () => '/coordinator/programme/new',
				form: activityForm,
				allowed: ['coordinator'],
				check: programmeRows
			})
		]
	}),
	...actions('/coordinator/programme/[id=id]', {
		save: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: activityForm,
				allowed: ['coordinator'],
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: activityForm, check: programmeRows })
		],
		cancel: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				probe: 'skip',
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: () => ({}), check: programmeRows })
		],
		// Allowed: restoring an activity that was never cancelled leaves it as it is.
		restore: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				check: (i) => ['SELECT cancelled_at FROM activity WHERE id = ?', i.activity]
			})
		],
		duplicate: [
			act({
				url: (i) => `/coordinator/programme/${i.activity}`,
				form: () => ({}),
				allowed: ['coordinator'],
				probe: 'skip',
				check: programmeRows
			}),
			act({ url: (i) => `/coordinator/programme/${i.activity2}`, form: () => ({}), check: programmeRows })
		]
	}),
	...actions('/mentor/activities/new', {
		save: [
			act({
				url: () => '/mentor/activities/new',
				form: activityForm,
				allowed: MENTORS,
				check: programmeRows
			})
		]
	}),
	...actions('/mentor/activities/[id=id]', {
		nudge: [
			act({
				url: (i) => `/mentor/activities/${i.activity}`,
				form: (i) => ({ studentId: String(i.B) }),
				allowed: ['mentorA'],
				check: nudgeRows
			}),
			// Smuggled: a student of another group on the mentor's own activity page.
			act({
				url: (i) => `/mentor/activities/${i.activity}`,
				form: (i) => ({ studentId: String(i.Z) }),
				check: nudgeRows
			})
		]
	}),
	...actions('/student/activities', {
		// Smuggled: the other school's activity.
		prepare: [
			act({
				url: () => '/student/activities',
				form: (i) => ({ activityId: String(i.activity2) }),
				allowed: STUDENTS,
				check: activityReflections
			})
		],
		reflect: [
			act({
				url: () => '/student/activities',
				form: (i) => ({ activityId: String(i.activity2) }),
				allowed: STUDENTS,
				check: activityReflections
			})
		],
		// A new feed address replaces the old one: not probed by students (student A's is a fixture).
		feed: [
			act({
				url: () => '/student/activities',
				form: () => ({}),
				allowed: STUDENTS,
				probe: 'skip',
				check: () => ['SELECT user_id, hex(token_hash) FROM calendar_feed ORDER BY user_id']
			})
		]
	}),
	...actions('/student/reflections/new/write', {
		save: [
			act({
				url: () => '/student/reflections/new/write',
				form: () => ({ ...newReflectionForm, title: '', doel: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE doel = 'authz-probe' AND start_key IS NOT NULL`
				]
			})
		]
	}),
	...actions('/student/reflections/new/write/autosave', {
		POST: [
			act({
				url: () => '/student/reflections/new/write/autosave',
				json: true,
				form: () => ({ ...newReflectionForm, title: '', doel: 'authz-probe', competencies: [] }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE doel = 'authz-probe' AND start_key IS NOT NULL`
				]
			})
		]
	}),
	...actions('/student/reflections/new', {
		planned: [
			act({
				url: () => '/student/reflections/new',
				form: () => ({ activityId: '1' }),
				allowed: STUDENTS,
				check: () => [
					`SELECT count(*) n FROM reflection WHERE student_id NOT IN (SELECT user_id FROM user_role WHERE role = 'student')`
				]
			})
		],
		own: [
			act({
				url: () => '/student/reflections/new',
				form: () => ({ activityType: 'stage', activityDate: '', activityPlace: '', title: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM reflection WHERE title = 'authz-probe'`]
			})
		]
	}),
	// Issue 19: the decaan's requirements, the mentor's sign-off, the student's share links.
	...actions('/coordinator/dossier', {
		save: [
			act({
				url: () => '/coordinator/dossier',
				form: () => ({ cohort: 'authz-probe', perCompetency: '3', conversations: '3', vervolgGoal: 'on' }),
				allowed: ['coordinator'],
				check: () => ["SELECT count(*) n FROM dossier_requirement WHERE cohort = 'authz-probe'"]
			})
		]
	}),
	...actions('/mentor/students/[id=id]/dossier', {
		signoff: [
			act({
				url: (i) => `/mentor/students/${i.A}/dossier`,
				form: () => ({ status: 'afgerond' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT status, reason, signed_at FROM dossier_signoff WHERE student_id = ?', i.A]
			}),
			act({
				url: (i) => `/mentor/students/${i.Z}/dossier`,
				form: () => ({ status: 'nog_niet', reason: 'authz-probe' }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT status, reason, signed_at FROM dossier_signoff WHERE student_id = ?', i.Z]
			})
		]
	}),
	...actions('/student/dossier/share', {
		create: [
			act({
				url: () => '/student/dossier/share',
				form: () => ({ part: 'all', recipient: 'authz-probe', expiresOn: '2027-06-30' }),
				allowed: STUDENTS,
				check: () => ["SELECT count(*) n FROM dossier_share WHERE recipient = 'authz-probe'"]
			})
		],
		// Smuggled: B stops A's link from B's own page.
		revoke: [
			act({
				url: () => '/student/dossier/share',
				form: (i) => ({ shareId: String(i.shareA) }),
				allowed: ['studentA'],
				check: (i) => ['SELECT revoked_at FROM dossier_share WHERE id = ?', i.shareA]
			})
		]
	}),
	...actions('/student/transfer', {
		import: [
			act({
				url: () => '/student/transfer',
				form: () => ({}),
				multipart: true,
				allowed: STUDENTS,
				check: () => ['SELECT count(*) n FROM transfer']
			})
		],
		// Smuggled: B undoes A's transfer from B's own page.
		undo: [
			act({
				url: () => '/student/transfer',
				form: (i) => ({ transferId: String(i.transferA), confirm: 'yes' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT id FROM transfer WHERE id = ?', i.transferA]
			})
		]
	}),
	// Public and session actions: exact outcomes. Signing out for real is in sessions.test.ts.
	...actions('/login', {
		default: [
			act({
				url: () => '/login',
				form: () => ({ username: '', password: '' }),
				exact: everyone('→/', 400)
			})
		]
	}),
	...actions('/login/parent', {
		// An incomplete form: 400 (signed in: "sign out first"), and no account is made.
		default: [
			act({
				url: () => '/login/parent',
				form: () => ({ code: '' }),
				// A signed-in parent is sent on to /parent by the page's load, as on a GET.
				exact: { ...everyone(400, 400), parent: '→/parent?code=' },
				check: () => ['SELECT count(*) n FROM user']
			})
		]
	}),
	...actions('/login/code', {
		default: [act({ url: () => '/login/code', form: () => ({ code: '' }), exact: everyone(400, 400) })]
	}),
	...actions('/language', {
		default: [act({ url: () => '/language', form: () => ({ locale: 'xx' }), exact: everyone('→/', '→/') })]
	}),
	...actions('/logout', {
		default: [act({ url: () => '/logout', form: () => ({}), exact: { anonymous: 'login' } })]
	})
};

// ---------------------------------------------------------------------------------------------------------

const tally = { probes: 0, leaks: 0, routes: 0, actions: 0 };
const leaks: string[] = [];

function judge(label: string, ok: boolean, detail: string) {
	tally.probes++;
	if (!ok) {
		tally.leaks++;
		leaks.push(`${label}: ${detail}`);
	}
}

interface Answer {
	status: number;
	location: string;
}

function matches(want: Outcome, got: Answer, origin: string): boolean {
	const redirect = got.status >= 300 && got.status < 400;
	if (want === 'ok') return got.status === 200;
	if (want === 'login') return redirect && /^\/login(\?|$)/.test(got.location);
	if (want === 'elsewhere')
		return redirect && !got.location.startsWith('/') && !got.location.startsWith(origin);
	if (typeof want === 'string') return redirect && got.location === want.slice(1);
	return got.status === want;
}

function refused(who: Actor, got: Answer, c: ActionCase): boolean {
	if (who === 'anonymous') return matches('login', got, '');
	return got.status === 403 || got.status === 404 || (c.refusedAlso ?? []).includes(got.status);
}

function allowed(got: Answer): boolean {
	const redirectToLogin = got.status >= 300 && got.status < 400 && /^\/login(\?|$)/.test(got.location);
	return got.status < 500 && got.status !== 403 && got.status !== 404 && !redirectToLogin;
}

test.describe.configure({ mode: 'serial' });

let ids: Ids;
const clients = {} as Record<Actor, APIRequestContext>;
let origin = '';

test.beforeAll(async ({ baseURL }, info) => {
	test.skip(info.project.name !== 'desktop', 'plain HTTP: one browser project is enough');
	origin = baseURL!;
	ids = prepareFixtures();
	for (const who of ACTORS) {
		const client = await playwrightRequest.newContext({ baseURL: origin });
		if (who !== 'anonymous') {
			const res = await client.post('/login', {
				form: LOGINS[who],
				headers: { Origin: origin, Accept: 'text/html' },
				maxRedirects: 0
			});
			expect(res.status(), `login as ${who}`).toBe(303);
		}
		clients[who] = client;
	}
	ids.sessionA = newestSession(ids.A);
});

test.afterAll(async () => {
	for (const c of Object.values(clients)) await c.dispose();
	closeSnapshots();
	if (tally.probes)
		console.log(
			`authz: ${tally.probes} probes, ${tally.leaks} leaks (${tally.routes} route ids, ${tally.actions} actions/endpoints, ${ACTORS.length} actors)`
		);
});

/**
 * The server closes idle keep-alive sockets after a few seconds; a request sent on one just as it closes
 * never reached the app and is sent again, once.
 */
async function retryHangUp<T>(request: () => Promise<T>): Promise<T> {
	try {
		return await request();
	} catch (err) {
		if (!/ECONNRESET|socket hang up/.test(String(err))) throw err;
		return await request();
	}
}

async function send(
	who: Actor,
	method: 'GET' | 'POST',
	url: string,
	c?: ActionCase,
	body?: Form
): Promise<Answer> {
	const headers: Record<string, string> = {
		Origin: origin,
		Accept: c?.json ? 'application/json' : 'text/html'
	};
	let res;
	if (method === 'GET')
		res = await retryHangUp(() =>
			clients[who].get(url, { headers: { Accept: 'text/html' }, maxRedirects: 0 })
		);
	else if (c?.json)
		res = await retryHangUp(() => clients[who].post(url, { data: body, headers, maxRedirects: 0 }));
	else if (c?.multipart) {
		const multipart: Record<string, string | typeof pdf> = {};
		for (const [k, v] of Object.entries(body ?? {})) multipart[k] = String(v);
		if (body && Object.keys(body).length === 0 && body !== EMPTY) multipart.file = pdf;
		res = await retryHangUp(() => clients[who].post(url, { multipart, headers, maxRedirects: 0 }));
	} else {
		const form = new URLSearchParams();
		for (const [k, v] of Object.entries(body ?? {}))
			for (const one of [v].flat()) form.append(k, String(one));
		res = await retryHangUp(() =>
			clients[who].post(url, {
				data: form.toString(),
				headers: { ...headers, 'Content-Type': 'application/x-www-form-urlencoded' },
				maxRedirects: 0
			})
		);
	}
	return { status: res.status(), location: res.headers()['location'] ?? '' };
}
const EMPTY: Form = {};

/** Listed, or made of one who is listed: the union of what the roles allow. */
function allowedActor(allowed: Single[], who: Actor): boolean {
	if (who === 'anonymous') return false;
	if (who in COMBINED) return COMBINED[who as Combined].some((p) => allowed.includes(p));
	return allowed.includes(who as Single);
}

test('a student who opens a staff page sees the plain "does not exist" page', async ({ browser }) => {
	const context = await browser.newContext({ storageState: await clients.studentA.storageState() });
	const tab = await context.newPage();
	for (const url of ['/mentor', '/coordinator', '/admin', '/lob-taken']) {
		const res = await tab.goto(url);
		expect(res?.status()).toBe(404);
		await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Deze pagina bestaat niet');
	}
	await context.close();
});

test('every route id and action in src/routes has a row, and every row a route', () => {
	const tree = routeTree();
	const wantPages = new Set<string>();
	const wantActions = new Set<string>();
	const wantEndpoints = new Set<string>();
	for (const r of tree) {
		if (r.page) wantPages.add(r.id);
		for (const a of r.actions) wantActions.add(`${r.id} ${a}`);
		for (const m of r.methods) (m === 'GET' ? wantEndpoints : wantActions).add(`${r.id} ${m}`);
	}
	// Pages without +page.svelte or load of their own still answer a GET (a redirect); +server.ts GETs too.
	const missing = [
		...[...wantPages].filter((p) => !PAGES[p]).map((p) => `page ${p}`),
		...[...wantActions].filter((a) => !ACTIONS[a]).map((a) => `action ${a}`),
		...[...wantEndpoints].filter((e) => !ENDPOINTS[e]).map((e) => `endpoint ${e}`)
	];
	const stale = [
		...Object.keys(PAGES)
			.filter((p) => !wantPages.has(p) && !wantEndpoints.has(`${p} GET`))
			.map((p) => `page ${p}`),
		...Object.keys(ACTIONS)
			.filter((a) => !wantActions.has(a))
			.map((a) => `action ${a}`),
		...Object.keys(ENDPOINTS)
			.filter((e) => !wantEndpoints.has(e))
			.map((e) => `endpoint ${e}`)
	];
	expect(missing, 'routes without a row in the matrix').toEqual([]);
	expect(stale, 'rows for routes that no longer exist').toEqual([]);
	tally.routes = tree.length;
	tally.actions = wantActions.size + wantEndpoints.size;
});

test('every probe has an outcome for each actor with several roles; admin+mentor gets 404 on a non-mentee', () => {
	for (const [id, cases] of [...Object.entries(PAGES), ...Object.entries(ENDPOINTS)])
		for (const c of cases)
			for (const who of Object.keys(COMBINED) as Combined[])
				expect(expectedFor(c.expect, who, id), `${who} ${id}`).toBeDefined();
	// The student page of a student of the school whom admin+mentor does not mentor (leak 2 of issue #15).
	const nonMentee = PAGES['/mentor/students/[id=id]'].find((c) => c.url(ids) === `/mentor/students/${ids.Z}`);
	expect(nonMentee && expectedFor(nonMentee.expect, 'adminMentor', '')).toBe(404);
});

test('every page and endpoint answers each actor as the matrix says', async () => {
	test.setTimeout(120_000);
	const before = leaks.length;
	const rows = [...Object.entries(PAGES), ...Object.entries(ENDPOINTS)];
	for (const [id, cases] of rows) {
		for (const c of cases) {
			const url = c.url(ids);
			// Reads change nothing, so the actors may ask at the same time.
			const answers = await Promise.all(ACTORS.map((who) => send(who, 'GET', url)));
			for (const [n, who] of ACTORS.entries()) {
				const got = answers[n];
				const want = expectedFor(c.expect, who, `GET ${url}`)!;
				judge(
					`${who} GET ${url} (${id})`,
					matches(want, got, origin),
					`want ${want}, got ${got.status} ${got.location}`
				);
			}
		}
	}
	expect(leaks.slice(before)).toEqual([]);
});

test('every action answers each actor as the matrix says, and refused posts change nothing', async () => {
	test.setTimeout(180_000);
	const before = leaks.length;
	for (const [key, cases] of Object.entries(ACTIONS)) {
		const name = key.split(' ')[1];
		for (const c of cases) {
			const base = c.url(ids);
			const url = name === 'default' || name === 'POST' ? base : `${base}?/${name}`;
			for (const who of ACTORS) {
				const label = `${who} POST ${url} ${JSON.stringify(c.form(ids))}`;
				if (c.exact) {
					const want = expectedFor(c.exact, who, label);
					if (!want) continue;
					const got = await send(who, 'POST', url, c, c.form(ids));
					judge(label, matches(want, got, origin), `want ${want}, got ${got.status} ${got.location}`);
					continue;
				}
				const isAllowed = allowedActor(c.allowed ?? [], who);
				if (isAllowed) {
					if (c.probe === 'skip') continue;
					const check = c.check?.(ids);
					const snap = check ? snapshot(...check) : '';
					const got = await send(who, 'POST', url, c, c.probe ?? EMPTY);
					judge(`${label} (allowed, empty body)`, allowed(got), `got ${got.status} ${got.location}`);
					if (check)
						judge(`${label} (allowed, empty body, no change)`, snapshot(...check) === snap, 'data changed');
				} else {
					const check = c.check?.(ids);
					const snap = check ? snapshot(...check) : '';
					const got = await send(who, 'POST', url, c, c.form(ids));
					judge(label, refused(who, got, c), `want refusal, got ${got.status} ${got.location}`);
					if (check) judge(`${label} (no change)`, snapshot(...check) === snap, 'data changed');
				}
			}
		}
	}
	expect(leaks.slice(before)).toEqual([]);
});
