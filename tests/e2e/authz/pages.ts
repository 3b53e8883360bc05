// The GETs of the authorization matrix (authz.test.ts): the expected outcome per route id and actor.
import {
	ADMINS,
	allowedFor,
	EMPLOYEES,
	everyone,
	HOMES,
	MENTORS,
	nobody,
	page,
	STUDENTS,
	type PageCase
} from './expect';

// GET of every page (route id → the URLs probed) and of every +server.ts GET endpoint.
export const PAGES: Record<string, PageCase[]> = {
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

export const ENDPOINTS: Record<string, PageCase[]> = {
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
