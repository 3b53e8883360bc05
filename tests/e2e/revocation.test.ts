// Revocation (issue #15): access follows the current mentorship (DOMAIN.md §5). When a mentor's access to
// a student's content ends (the reflection turned private, the mentor taken off the group, the student
// moved to another group, the group closed, a new school year), every page that showed that content to
// the mentor stops showing it at once: the HTML, the page's __data.json (what a client-side navigation
// loads) and the file; what was a direct URL of the content answers 404. Each case has a school of its own
// (revocation-world.ts, built by global-setup.ts), so the cases run side by side; access ends through the
// app's own forms, posted as a browser without JavaScript would. Over plain HTTP: one project is enough.
// The same holds for a parent (issue #20): when the student revokes the link, the home view is gone at once.
import { expect, request as playwrightRequest, test, type APIRequestContext } from '@playwright/test';
import { tokenCookie } from './hostile';
import { revocationWorld, type RevocationCase, type RevocationWorld } from './revocation-setup';
import { MARKERS, type Marker } from './revocation-world';

type Who = keyof RevocationWorld['tokens'];
type Clients = Record<Who, APIRequestContext>;

/** A page of the mentor's, and the markers of the student's content it shows before access ends. */
interface Probe {
	path: string;
	shows: Marker[];
	/** 'missing': a direct URL of the content, a 404 afterwards; 'list': still there, without the content;
	 * 'either': a page about something else (an activity) that may be gone or stay, without the content. */
	after: 'missing' | 'list' | 'either';
	/** Whose page it is: the mentor's unless said. */
	as?: 'mentor' | 'parent';
	/** What a list may keep: a notification still names the student, just not what they wrote. */
	mayKeep?: Marker[];
}

interface Case {
	title: string;
	/** The content the mentor may no longer see. */
	gone: readonly Marker[];
	probes: (w: RevocationWorld) => Probe[];
	/** Ends the mentor's access through the app's forms. */
	revoke: (w: RevocationWorld, as: Clients) => Promise<void>;
	/** What else must hold afterwards: the problems found. */
	then?: (w: RevocationWorld, as: Clients) => Promise<string[]>;
}

const studentPage = (w: RevocationWorld) => `/mentor/students/${w.users.student}`;
const reflectionPage = (w: RevocationWorld) => `${studentPage(w)}/reflections/${w.reflection}`;

/** The reflection's own traces: what turning it private takes away while the student stays a mentee. */
const reflectionProbes = (w: RevocationWorld): Probe[] => [
	{ path: '/mentor/feedback', shows: ['title'], after: 'list' },
	{ path: '/notifications', shows: ['title'], after: 'list' },
	{ path: studentPage(w), shows: ['title'], after: 'list' },
	{ path: reflectionPage(w), shows: ['title', 'text'], after: 'missing' },
	{ path: `/files/${w.attachment}`, shows: ['file'], after: 'missing' }
];

/** Everything of the student's the mentor saw while they were their mentor. */
const allProbes = (w: RevocationWorld): Probe[] => [
	{ path: '/mentor', shows: ['name'], after: 'list' },
	{ path: '/mentor/feedback', shows: ['name', 'title'], after: 'list' },
	{ path: '/notifications', shows: ['title'], after: 'list', mayKeep: ['name'] },
	{ path: '/mentor/conversations', shows: ['name'], after: 'list' },
	{ path: studentPage(w), shows: ['name', 'title', 'goal'], after: 'missing' },
	{ path: `${studentPage(w)}/dossier`, shows: ['name'], after: 'missing' },
	{ path: reflectionPage(w), shows: ['title', 'text'], after: 'missing' },
	{ path: `/mentor/conversations/${w.held}`, shows: ['summary'], after: 'missing' },
	{ path: `/mentor/conversations/${w.planned}`, shows: ['agenda'], after: 'missing' },
	{ path: `/files/${w.attachment}`, shows: ['file'], after: 'missing' },
	{ path: `/mentor/activities/${w.activity}`, shows: ['name'], after: 'either' }
];

/** What the parent saw of the student's: the reflection and the conversation shared with home. */
const parentProbes = (w: RevocationWorld): Probe[] => {
	const child = `/parent/${w.users.student}`;
	return [
		{ path: '/parent', shows: [], after: 'list', as: 'parent' },
		{ path: child, shows: ['title'], after: 'missing', as: 'parent' },
		{
			path: `${child}/reflections/${w.reflection}`,
			shows: ['title', 'text'],
			after: 'missing',
			as: 'parent'
		},
		{ path: `${child}/conversations/${w.planned}`, shows: [], after: 'missing', as: 'parent' }
	];
};

let origin = '';

/** Posts a form action as JSON-accepting fetch does; the action's result type ('success', 'failure', …). */
async function submit(client: APIRequestContext, path: string, form: Record<string, string>) {
	const res = await client.post(path, {
		form,
		headers: { Origin: origin, Accept: 'application/json' },
		maxRedirects: 0
	});
	const body = await res.text();
	try {
		return (JSON.parse(body) as { type: string }).type;
	} catch {
		return `${res.status()} ${body.slice(0, 80)}`;
	}
}

async function expectSuccess(client: APIRequestContext, path: string, form: Record<string, string> = {}) {
	expect(await submit(client, path, form), `POST ${path}`).toBe('success');
}

/** A planned conversation whose mentor is no longer the student's: the student is told, and adds nothing. */
async function mentorChangedForStudent(w: RevocationWorld, as: Clients): Promise<string[]> {
	const problems: string[] = [];
	const path = `/student/conversations/${w.planned}`;
	const page = await as.student.get(path);
	if (page.status() !== 200) problems.push(`student ${path}: ${page.status()}`);
	if (!(await page.text()).includes('Je mentor is veranderd'))
		problems.push(`student ${path}: does not say "Je mentor is veranderd"`);
	const late = `${w.markers.agenda}-late`;
	const added = await submit(as.student, `${path}?/agenda`, { text: late });
	if (added === 'success') problems.push(`student ${path}?/agenda: an agenda point was taken`);
	return problems;
}

const CASES: Record<RevocationCase, Case> = {
	reflectionPrivate: {
		title: 'the student turns the reflection private',
		gone: ['title', 'text', 'file'],
		probes: reflectionProbes,
		revoke: (w, as) =>
			expectSuccess(as.student, `/student/reflections/${w.reflection}?/visibility`, { visibility: 'private' })
	},
	mentorRemoved: {
		title: 'the admin takes the mentor off the group',
		gone: MARKERS,
		probes: allProbes,
		revoke: (w, as) =>
			expectSuccess(as.admin, `/admin/groups/${w.groupA}?/removeMentor`, { userId: String(w.users.mentor) }),
		then: mentorChangedForStudent
	},
	studentMoved: {
		title: 'the admin moves the student to another group',
		gone: MARKERS,
		probes: allProbes,
		revoke: async (w, as) => {
			const student = String(w.users.student);
			await expectSuccess(as.admin, `/admin/groups/${w.groupB}?/addStudents`, { userIds: student });
			await expectSuccess(as.admin, `/admin/groups/${w.groupA}?/removeStudent`, { userId: student });
		},
		then: async (w, as) => {
			// The new mentor inherits the whole history, the conversations the old mentor held included.
			const problems: string[] = [];
			for (const [path, marker] of [
				[`/mentor/conversations/${w.held}`, w.markers.summary],
				[reflectionPage(w), w.markers.title]
			]) {
				const res = await as.mentor2.get(path);
				if (res.status() !== 200 || !(await res.text()).includes(marker))
					problems.push(`new mentor ${path}: ${res.status()}, not showing ${marker}`);
			}
			return [...problems, ...(await mentorChangedForStudent(w, as))];
		}
	},
	groupClosed: {
		title: 'the admin closes the group',
		gone: MARKERS,
		probes: allProbes,
		revoke: (w, as) => expectSuccess(as.admin, `/admin/groups/${w.groupA}?/close`)
	},
	yearRolledOver: {
		title: 'the admin starts a new school year',
		gone: MARKERS,
		probes: allProbes,
		revoke: (w, as) =>
			// A year that starts today takes effect at once (a later one is only staged until its start date).
			expectSuccess(as.admin, '/admin/school-year?/stage', {
				name: 'Volgend schooljaar',
				startsOn: new Date().toISOString().slice(0, 10),
				endsOn: `${new Date().getUTCFullYear() + 1}-07-31`,
				confirm: 'on'
			})
	},
	parentRevoked: {
		title: "the student ends a parent's access",
		gone: ['name', 'title', 'text'],
		probes: parentProbes,
		revoke: (w, as) => expectSuccess(as.student, '/student/privacy?/revoke', { linkId: String(w.parentLink) })
	},
	// Not the mentor's access: the student stops the read-only link they gave the next school (issue 19).
	// Whoever holds it (here the mentor's client; signed in or not makes no difference) sees nothing more.
	shareRevoked: {
		title: 'the student stops their share link',
		gone: ['name', 'title', 'text', 'file'],
		probes: (w) => [
			{ path: `/dossier/${w.shareToken}`, shows: ['name', 'title', 'text'], after: 'missing' },
			{ path: `/dossier/${w.shareToken}/files/${w.attachment}`, shows: ['file'], after: 'missing' }
		],
		revoke: (w, as) =>
			expectSuccess(as.student, '/student/dossier/share?/revoke', { shareId: String(w.share) })
	}
};

/** The page's HTML (or the file), and for a page its __data.json; the status of the first. */
async function read(client: APIRequestContext, path: string) {
	const res = await client.get(path, { headers: { Accept: 'text/html' }, maxRedirects: 0 });
	const texts = [await res.text()];
	if (!path.includes('/files/')) {
		const data = await client.get(`${path}/__data.json`, { maxRedirects: 0 });
		expect(data.status(), `${path}/__data.json`).toBe(200);
		texts.push(await data.text());
	}
	return { status: res.status(), texts };
}

test.describe('revocation: a mentor or parent loses what they may no longer see, at once', () => {
	test.beforeEach(({ baseURL }, info) => {
		test.skip(info.project.name !== 'desktop', 'plain HTTP: one project is enough');
		origin = baseURL!;
	});

	for (const [name, c] of Object.entries(CASES) as [RevocationCase, Case][]) {
		test(`${c.title}: every page drops the student's content`, async ({ baseURL }) => {
			const w = revocationWorld(name);
			const as = {} as Clients;
			for (const who of Object.keys(w.tokens) as Who[])
				as[who] = await playwrightRequest.newContext({
					baseURL,
					storageState: { cookies: [tokenCookie(w.tokens[who], baseURL!)], origins: [] }
				});
			try {
				const probes = c.probes(w);
				const before: string[] = [];
				for (const p of probes) {
					const { status, texts } = await read(as[p.as ?? 'mentor'], p.path);
					if (status !== 200) before.push(`${p.path}: ${status}`);
					for (const [n, text] of texts.entries())
						for (const m of p.shows.filter((m) => !text.includes(w.markers[m])))
							before.push(`${p.path}${n ? ' __data.json' : ''} does not show ${m}`);
				}
				expect(before, 'what the mentor sees before').toEqual([]);

				await c.revoke(w, as);

				const after: string[] = [];
				for (const p of probes) {
					const { status, texts } = await read(as[p.as ?? 'mentor'], p.path);
					const want = p.after === 'missing' ? [404] : p.after === 'list' ? [200] : [200, 404];
					if (!want.includes(status)) after.push(`${p.path}: ${status}, want ${want.join(' or ')}`);
					for (const [n, text] of texts.entries()) {
						const where = `${p.path}${n ? ' __data.json' : ''}`;
						// A page's load that answers 404 is an error node in its __data.json.
						if (n && p.after === 'missing' && !text.includes('"status":404'))
							after.push(`${where}: no 404 error node`);
						for (const m of c.gone.filter((g) => !p.mayKeep?.includes(g) && text.includes(w.markers[g])))
							after.push(`${where} still shows ${m}`);
					}
				}
				after.push(...((await c.then?.(w, as)) ?? []));
				expect(after, 'what is left after access ended').toEqual([]);
			} finally {
				for (const client of Object.values(as)) await client.dispose();
			}
		});
	}
});
