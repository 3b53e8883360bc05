// The real forms, once per kind of free-text field, filled with XSS payloads (run once per e2e run, in
// global-setup.ts, for the xss world). Every post must be accepted.
import { expect, type APIRequestContext } from '@playwright/test';
import { query, type Who, type World } from './hostile';
import { PAYLOADS } from './xss-payloads';

const payload = (i: number) => PAYLOADS[i % PAYLOADS.length];

/** The real forms, once per kind of field, with payloads; each must be accepted. */
export async function postForms(
	world: World,
	client: (who: Who) => APIRequestContext,
	origin: string
): Promise<number> {
	const p = world.params;
	const refl = p['/student/reflections/[id=id]'].id;
	const { roundId, taskId, actorId } =
		p['/coordinator/matrix/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]'];
	const conv = query<{ id: number }>(
		`SELECT id FROM conversation WHERE student_id = ? AND status = 'planned' ORDER BY id LIMIT 1`,
		world.users.student
	)[0].id;
	let n = 0;
	const form = async (who: Who, url: string, fields: Record<string, string>) => {
		const res = await client(who).post(url, {
			headers: { Origin: origin, Accept: 'application/json', 'x-sveltekit-action': 'true' },
			form: fields,
			maxRedirects: 0
		});
		const body = await res.text();
		expect(res.status(), `${who} ${url}: ${body.slice(0, 300)}`).toBe(200);
		expect(JSON.parse(body).type, `${who} ${url}: ${body.slice(0, 300)}`).toMatch(/^(success|redirect)$/);
		n += Object.keys(fields).length;
	};
	const [version] = query<{ version: number }>('SELECT version FROM reflection WHERE id = ?', refl);
	const save = await client('student').post(`/student/reflections/${refl}/autosave`, {
		headers: { Origin: origin, 'Content-Type': 'application/json' },
		data: JSON.stringify({
			version: version.version,
			title: payload(0).slice(0, 120),
			doel: payload(1),
			resultaat: payload(2),
			evaluatie: payload(3),
			vervolg: payload(10),
			visibility: 'mentor',
			competencies: []
		})
	});
	expect(save.status(), await save.text()).toBe(200);
	n += 5;
	await form('student', '/student/reflections/new?/own', {
		activityType: 'stage',
		activityDate: '',
		activityPlace: payload(4).slice(0, 120),
		title: payload(5).slice(0, 120)
	});
	await form('student', `/student/reflections/${refl}?/comment`, { body: payload(6) });
	await form('mentor', `/mentor/students/${world.users.student}/reflections/${refl}?/comment`, {
		body: payload(7)
	});
	await form('student', '/student/goals?/add', {
		title: payload(8).slice(0, 160),
		description: payload(9),
		competency: '',
		dueOn: ''
	});
	await form('student', '/student/ratings?/rate', {
		competency: 'kwaliteiten',
		level: '3',
		note: payload(11)
	});
	await form('student', `/student/conversations/${conv}?/agenda`, { text: payload(12).slice(0, 500) });
	// Before the mentor records the conversation: a parent adds points to a planned one only.
	const invited = p['/parent/[studentId=id]/conversations/[cid=id]'].cid;
	await form('parent', `/parent/${world.users.student}/conversations/${invited}?/point`, {
		text: payload(28).slice(0, 300)
	});
	await form('mentor', `/mentor/conversations/${conv}?/agenda`, { text: payload(13) });
	await form('mentor', `/mentor/conversations/${conv}?/record`, {
		summary: payload(14),
		mentorNote: payload(15),
		a1Title: payload(16).slice(0, 200),
		a1Due: '2027-03-01',
		a1Competency: 'werkexploratie'
	});
	// The talk about the summary: the student's "niet helemaal" and the mentor's answer.
	await form('student', `/student/conversations/${conv}?/disagree`, { body: payload(27).slice(0, 4000) });
	await form('mentor', `/mentor/conversations/${conv}?/answer`, {
		body: payload(28).slice(0, 4000),
		summary: payload(14)
	});
	await form('coordinator', '/coordinator/matrix/tasks?/add', {
		kind: 'begeleidend',
		name: payload(17).slice(0, 80),
		description: payload(18)
	});
	await form('coordinator', '/coordinator/matrix/actors?/add', {
		name: payload(19).slice(0, 80),
		description: payload(20)
	});
	await form('coordinator', `/coordinator/matrix/rounds/${roundId}/actions?/add`, {
		taskId: String(taskId),
		title: payload(21),
		owner: payload(22).slice(0, 120),
		dueOn: ''
	});
	const [cell] = query<{ version: number }>(
		'SELECT version FROM matrix_cell WHERE round_id = ? AND task_id = ? AND actor_id = ?',
		roundId,
		taskId,
		actorId
	);
	await form('coordinator', `/coordinator/matrix/rounds/${roundId}/cell/${taskId}/${actorId}?/save`, {
		part: 'uitvoerend',
		how: payload(26),
		rating: '',
		wish: payload(23),
		version: String(cell?.version ?? 0)
	});
	await form('admin', '/admin/groups?/create', {
		name: payload(24).slice(0, 60),
		programme: payload(25).slice(0, 100)
	});
	await form('admin', '/admin/users/new', {
		givenName: payload(0).slice(0, 100),
		familyNamePrefix: payload(4).slice(0, 30),
		familyName: payload(1).slice(0, 100),
		username: `${world.tag}.nieuw`,
		email: '',
		studentNumber: '',
		roles: 'student',
		password: 'Hostile-Input-2026'
	});
	const child = world.users.student;
	const home = p['/parent/[studentId=id]/reflections/[rid=id]'];
	await form('parent', `/parent/${child}/reflections/${home.rid}?/note`, { body: payload(27) });
	const [year] = query<{ id: number }>(
		'SELECT id FROM school_year WHERE school_id = ? AND is_current = 1',
		world.schoolId
	);
	await form('coordinator', '/coordinator/programme/new?/save', {
		schoolYearId: String(year.id),
		type: 'gastles',
		title: payload(29).slice(0, 120),
		date: '2027-01-15',
		endDate: '',
		startTime: '',
		endTime: '',
		place: payload(3).slice(0, 120),
		audience: 'school',
		preparationQuestion: payload(5).slice(0, 500),
		competencies: 'kwaliteiten',
		organiserId: String(world.users.coordinator)
	});
	return n;
}
