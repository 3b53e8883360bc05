// Load: 200 people use Koers at the same time for a while, each as their own account: students read and
// autosave, mentors read their students and comment, staff answer matrix cells, coordinators read the
// matrix and the school figures. Passes when no answer is a 5xx (or otherwise unexpected) and the
// server logs no error.
import { resolve } from 'node:path';
import {
	Server,
	addPeople,
	connectionPool,
	loginAll,
	openConnections,
	percentile,
	pick,
	prepareDatabase,
	randomBetween,
	readCast,
	sleep
} from './harness.mjs';

const PARTS = ['eindverantwoordelijk', 'uitvoerend', 'ondersteunend', 'geinformeerd'];
const TEXT = 'Bij de open dag zag ik hoe een verpleegkundige met mensen praat. Dat wil ik ook leren. ';

/**
 * Each role's mix: [weight, kind, step]. A step answers the HTTP status of one request, and for a form
 * action whether SvelteKit reported success (a refused action still answers HTTP 200).
 */
function studentMix(client, reflection) {
	let version = reflection.version;
	let n = 0;
	const id = reflection.id;
	return [
		[2, 'GET /student', () => client.get('/student')],
		[2, 'GET /student/reflections', () => client.get('/student/reflections')],
		[2, 'GET /student/reflections/:id', () => client.get(`/student/reflections/${id}`)],
		[1, 'GET /student/reflections/:id/edit', () => client.get(`/student/reflections/${id}/edit`)],
		[1, 'GET /student/goals', () => client.get('/student/goals')],
		[1, 'GET /notifications', () => client.get('/notifications')],
		[
			5,
			'POST autosave',
			async () => {
				const res = await client.postJson(`/student/reflections/${id}/autosave`, {
					title: 'Soak',
					doel: `${TEXT.repeat(1 + (++n % 8))}`,
					resultaat: TEXT,
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor',
					competencies: ['kwaliteiten'],
					version,
					kind: 'autosave'
				});
				if (res.status === 200) version = res.body.version;
				return res;
			}
		]
	];
}

function mentorMix(client, targets) {
	return [
		[2, 'GET /mentor', () => client.get('/mentor')],
		[1, 'GET /mentor/feedback', () => client.get('/mentor/feedback')],
		[2, 'GET /mentor/students/:id', () => client.get(`/mentor/students/${pick(targets).studentId}`)],
		[
			3,
			'GET /mentor/students/:id/reflections/:id',
			() => {
				const r = pick(targets);
				return client.get(`/mentor/students/${r.studentId}/reflections/${r.id}`);
			}
		],
		[
			2,
			'POST ?/comment',
			async () => {
				const r = pick(targets);
				const res = await client.action(`/mentor/students/${r.studentId}/reflections/${r.id}?/comment`, {
					body: 'Mooi verwoord. Wat zou je de volgende keer anders doen?'
				});
				return { status: res.status, ok: res.body?.type === 'success' };
			}
		]
	];
}

function staffMix(client, cast, respondent) {
	const cells = Array.from({ length: 3 }, (_, i) => ({
		task: cast.tasks[(respondent.id * 5 + i) % cast.tasks.length],
		actor: cast.actors[(respondent.id + i * 2) % cast.actors.length],
		version: 0
	}));
	const round = cast.round;
	return [
		[1, 'GET /lob-taken', () => client.get('/lob-taken')],
		[2, 'GET /lob-taken/rounds/:id', () => client.get(`/lob-taken/rounds/${round}`)],
		[
			1,
			'GET /lob-taken/rounds/:id/cell/:id/:id',
			() => {
				const c = pick(cells);
				return client.get(`/lob-taken/rounds/${round}/cell/${c.task}/${c.actor}`);
			}
		],
		[
			2,
			'POST ?/save (cell)',
			async () => {
				const c = pick(cells);
				const res = await client.action(`/lob-taken/rounds/${round}/cell/${c.task}/${c.actor}?/save`, {
					part: pick(PARTS),
					how: 'In de mentorles, met de leerlingen samen.',
					rating: String(1 + Math.floor(Math.random() * 4)),
					wish: '',
					version: String(c.version)
				});
				if (res.body?.type === 'redirect') c.version += 1;
				return { status: res.status, ok: res.body?.type === 'redirect' };
			}
		]
	];
}

function coordinatorMix(client, cast) {
	const round = cast.round;
	return [
		[2, 'GET /coordinator', () => client.get('/coordinator')],
		[1, 'GET /coordinator/matrix', () => client.get('/coordinator/matrix')],
		[2, 'GET /coordinator/matrix/rounds/:id', () => client.get(`/coordinator/matrix/rounds/${round}`)],
		[
			1,
			'GET /coordinator/matrix/rounds/:id/analysis',
			() => client.get(`/coordinator/matrix/rounds/${round}/analysis`)
		],
		[
			1,
			'GET /coordinator/matrix/rounds/:id/differences',
			() => client.get(`/coordinator/matrix/rounds/${round}/differences`)
		],
		[
			1,
			'GET /coordinator/matrix/rounds/:id/respondents',
			() => client.get(`/coordinator/matrix/rounds/${round}/respondents`)
		]
	];
}

function chooser(mix) {
	const total = mix.reduce((sum, [w]) => sum + w, 0);
	return () => {
		let r = Math.random() * total;
		for (const entry of mix) if ((r -= entry[0]) < 0) return entry;
		return mix[mix.length - 1];
	};
}

/**
 * @param {{ users: number, seconds: number, port: number, thinkMs?: [number, number], sockets?: number, log?: (line: string) => void }} options
 */
export async function runLoad({
	users,
	seconds,
	port,
	sockets = 64,
	thinkMs = [200, 1500],
	log = console.log
}) {
	const { dir, dbPath, uploads } = prepareDatabase(`soak-load-${port}`);
	// The demo school's own people (25 students, 2 mentors, 2 staff, a coordinator), and the rest added in
	// about the ratio of a school.
	const extra = Math.max(0, users - new Set(readCast(dbPath).people.map((p) => p.id)).size);
	const mentors = Math.round(extra * 0.12);
	const staff = Math.round(extra * 0.08);
	const coordinators = Math.round(extra * 0.04);
	addPeople(dbPath, { students: extra - mentors - staff - coordinators, mentors, staff, coordinators });
	const cast = readCast(dbPath);
	const server = new Server({ port, dbPath, uploads, logFile: resolve(dir, 'server.log') });
	await server.start();
	try {
		const people = [...new Map(cast.people.map((p) => [p.id, p])).values()].slice(0, users);
		const t0 = Date.now();
		const pool = connectionPool(sockets);
		const clients = await loginAll(server.origin, people, pool);
		await openConnections(server.origin, pool, sockets);
		log(`load: ${clients.length} users logged in in ${Date.now() - t0} ms; ${seconds} s of mixed use`);
		const mixes = clients.map((client) => {
			const p = client.person;
			if (p.role === 'student') {
				const reflection = cast.reflections.find((r) => r.studentId === p.id);
				return studentMix(client, reflection);
			}
			if (p.role === 'mentor') {
				const mine = new Set(cast.mentees.filter((m) => m.mentorId === p.id).map((m) => m.studentId));
				return mentorMix(
					client,
					cast.reflections.filter((r) => mine.has(r.studentId))
				);
			}
			const respondent = cast.respondents.find((r) => r.userId === p.id);
			if (p.role === 'staff' && respondent) return staffMix(client, cast, respondent);
			return coordinatorMix(client, cast);
		});
		const statuses = {};
		const byKind = {};
		const durations = [];
		const failures = [];
		let refused = 0;
		const end = Date.now() + seconds * 1000;
		const t1 = performance.now();
		await Promise.all(
			mixes.map(async (mix) => {
				const next = chooser(mix);
				await sleep(randomBetween(0, thinkMs[1])); // not all in the same millisecond
				while (Date.now() < end) {
					const [, kind, step] = next();
					const started = performance.now();
					let status;
					try {
						const res = await step();
						status = res.status;
						if (res.ok === false) refused++;
					} catch (err) {
						status = 'network';
						if (failures.length < 10) failures.push(String(err?.cause ?? err));
					}
					const took = performance.now() - started;
					if (took > 3000 && process.env.SOAK_DEBUG)
						console.log('slow', kind, Math.round(started - t1), Math.round(took));
					durations.push(took);
					statuses[status] = (statuses[status] ?? 0) + 1;
					(byKind[kind] ??= []).push(took);
					await sleep(randomBetween(...thinkMs));
				}
			})
		);
		durations.sort((a, b) => a - b);
		const requests = durations.length;
		const fiveXX = Object.entries(statuses)
			.filter(([s]) => s.startsWith('5'))
			.reduce((sum, [, n]) => sum + n, 0);
		const unexpected = Object.entries(statuses)
			.filter(([s]) => s !== '200')
			.reduce((sum, [, n]) => sum + n, 0);
		return {
			users: clients.length,
			seconds,
			requests,
			perSecond: Math.round(requests / seconds),
			statuses,
			byKind: Object.fromEntries(
				Object.entries(byKind).map(([kind, list]) => {
					list.sort((a, b) => a - b);
					return [
						kind,
						{ n: list.length, p95: Math.round(percentile(list, 95)), max: Math.round(list.at(-1)) }
					];
				})
			),
			fiveXX,
			unexpected,
			refused,
			failures,
			p50: Math.round(percentile(durations, 50)),
			p95: Math.round(percentile(durations, 95)),
			p99: Math.round(percentile(durations, 99)),
			max: Math.round(durations[durations.length - 1] ?? 0),
			logErrors: server.errors.length,
			logErrorSample: server.errors.slice(0, 5)
		};
	} finally {
		await server.stop();
		server.close();
	}
}
