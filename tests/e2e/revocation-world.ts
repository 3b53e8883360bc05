// The schools of the revocation suite (revocation.test.ts): one small school per case, so that closing a
// group or starting a new school year touches nothing another test reads. In each, student S of group A
// (mentor M) wrote a finished reflection shared with mentors, with an attachment; S has a goal, a held
// conversation with M (its summary) and a planned one (S's own agenda point); M has the notification of the
// reflection; S shares the dossier with a read-only link. Group B, of mentor M2, is where a student can move to. Every piece of content carries a
// marker unique to the case. Made by the app's own domain functions acting as S and M, in a child process
// against the e2e database, as hostile-world.ts does; prints the worlds as JSON:
//   DATABASE_PATH=… UPLOADS_PATH=… npx tsx tests/e2e/revocation-world.ts <tag> <case>…
import { pathToFileURL } from 'node:url';
import { closeDb } from '../../src/lib/server/db';
import {
	createGroupRecord,
	addGroupMembers,
	createSchool,
	insertAccount
} from '../../src/lib/server/school/schools';
import { viewerOf } from '../../src/lib/server/testing';
import { createSession } from '../../src/lib/server/auth/session';
import { createReflection, saveReflection } from '../../src/lib/server/portfolio/reflection-save';
import { addAttachment } from '../../src/lib/server/portfolio/attachments';
import { notifyReflectionFinished } from '../../src/lib/server/dialog/notifications';
import { addGoal } from '../../src/lib/server/portfolio/growth';
import { createShare, listShares } from '../../src/lib/server/portfolio/share';
import { planConversation } from '../../src/lib/server/dialog/conversation-planning';
import { addAgendaItem, recordConversation } from '../../src/lib/server/dialog/conversations';
import { goalSchema } from '../../src/lib/schemas/growth';
import { createInvitation, linkChild } from '../../src/lib/server/parents/invitations';
import { setReflectionHome } from '../../src/lib/server/parents/sharing';
import { setParentInvited } from '../../src/lib/server/parents/ouder-kind';
import { listMyParents } from '../../src/lib/server/parents/links';
import { createActivity } from '../../src/lib/server/programme/plan';
import { activityFormSchema } from '../../src/lib/schemas/programme';
import type { Role } from '../../src/lib/roles';

export const MARKERS = ['name', 'title', 'text', 'file', 'goal', 'summary', 'agenda'] as const;
export type Marker = (typeof MARKERS)[number];

export interface RevocationWorld {
	name: string;
	schoolId: number;
	users: Record<'admin' | 'mentor' | 'mentor2' | 'student' | 'parent', number>;
	tokens: Record<'admin' | 'mentor' | 'mentor2' | 'student' | 'parent', string>;
	groupA: number;
	groupB: number;
	reflection: number;
	attachment: number;
	held: number;
	planned: number;
	/** A planned activity for group A (the mentor's page lists its students); the parent's link to S. */
	activity: number;
	parentLink: number;
	/** The student's share link of the whole dossier (issue 19) and its token. */
	share: number;
	shareToken: string;
	/** The text each piece of the student's content carries: the student's family name, the reflection's
	 * title and text, the attachment's bytes, the goal, the held conversation's summary, the agenda point. */
	markers: Record<Marker, string>;
}

function must<T>(value: T | undefined | false, what: string): T {
	if (value === undefined || value === false) throw new Error(`revocation world: ${what} failed`);
	return value;
}

async function build(tag: string, name: string): Promise<RevocationWorld> {
	const base = `${tag}-${name}`;
	const markers = Object.fromEntries(MARKERS.map((m) => [m, `${base}-${m}`])) as Record<Marker, string>;
	const { schoolId, schoolYearId } = createSchool({ name: `Revocatie ${base}` });
	const account = (who: string, roles: Role[], familyName = who) =>
		insertAccount({
			schoolId,
			username: `${base}.${who}`,
			givenName: who,
			familyName,
			roles,
			passwordHash: null
		});
	const users = {
		admin: account('admin', ['admin']),
		mentor: account('mentor', ['mentor']),
		mentor2: account('mentor2', ['mentor']),
		student: account('student', ['student'], markers.name),
		parent: account('parent', ['parent'])
	};
	const groupA = createGroupRecord({ schoolId, schoolYearId, name: `${base}-A` });
	const groupB = createGroupRecord({ schoolId, schoolYearId, name: `${base}-B` });
	addGroupMembers({ schoolId, groupId: groupA, studentIds: [users.student], mentorIds: [users.mentor] });
	addGroupMembers({ schoolId, groupId: groupB, mentorIds: [users.mentor2] });

	const student = viewerOf(users.student);
	const mentor = viewerOf(users.mentor);
	const reflection = must(
		createReflection(student, { activityType: 'stage', title: markers.title }),
		'reflection'
	);
	const upload = await addAttachment(student, reflection, {
		name: `${markers.file}.pdf`,
		bytes: new TextEncoder().encode(`%PDF-1.4\n% ${markers.file}\n%%EOF\n`)
	});
	const attachment = must(upload?.ok && upload.id, 'attachment');
	// Klaar needs all four parts (issue 19).
	const part = markers.text;
	const content = { title: markers.title, doel: part, resultaat: part, evaluatie: part, vervolg: part };
	const saved = saveReflection(
		student,
		reflection,
		1,
		// In the dossier: the mentor reads it as with "mentor", and the share link below shows it.
		{ ...content, visibility: 'dossier', competencies: ['kwaliteiten'] },
		{ finish: true }
	);
	must(saved.ok && saved.finished, 'finishing the reflection');
	notifyReflectionFinished(student, reflection);
	must(addGoal(student, goalSchema.parse({ title: markers.goal })), 'goal');

	const plan = (day: string) => {
		const planned = planConversation(mentor, { studentId: users.student }, day, (p) => p.key);
		return must(planned.ok && planned.id, 'planning a conversation');
	};
	const held = plan('2026-10-01');
	must(
		recordConversation(mentor, held, { summary: markers.summary, mentorNote: '', agreements: [] }) === 'ok',
		'recording'
	);
	const planned = plan('2027-06-01');
	must(addAgendaItem(student, planned, markers.agenda) === 'ok', 'agenda point');

	// S's parent: linked by code, reads the shared reflection, invited to the planned conversation.
	const invitation = must(createInvitation(student), 'parent invitation');
	must(invitation.ok && linkChild(viewerOf(users.parent), invitation.code, base).ok, 'parent link');
	must(setReflectionHome(student, reflection, true), 'sharing with home');
	must(setParentInvited(mentor, planned, true), 'inviting the parent');
	const parentLink = listMyParents(student)[0].linkId;
	const today = new Date().toISOString().slice(0, 10);
	const activity = createActivity(
		mentor,
		activityFormSchema.parse({
			schoolYearId,
			type: 'gastles',
			title: `${base}-activiteit`,
			date: today,
			startTime: '',
			endTime: '',
			audience: 'groups',
			groups: String(groupA),
			competencies: 'kwaliteiten',
			organiserId: String(users.mentor)
		})
	);
	must(activity.ok && activity.id, 'activity');
	// The student's read-only link for the next school (issue 19), a month long.
	const until = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10);
	const link = createShare(student, { part: 'all', recipient: '', expiresOn: until });
	const shareToken = must(link?.ok && link.token, 'share link');
	const share = listShares(student)[0].id;

	const token = (id: number) => createSession(id, 'revocation-world').token;
	return {
		share,
		shareToken,
		name,
		schoolId,
		users,
		tokens: {
			admin: token(users.admin),
			mentor: token(users.mentor),
			mentor2: token(users.mentor2),
			student: token(users.student),
			parent: token(users.parent)
		},
		groupA,
		groupB,
		reflection,
		attachment,
		held,
		planned,
		activity: activity.ok ? activity.id : 0,
		parentLink,
		markers
	};
}

// Only when run as a script, not when a test imports the types.
const [tag, ...cases] = process.argv.slice(2);
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && tag) {
	const worlds: Record<string, RevocationWorld> = {};
	for (const name of cases) worlds[name] = await build(tag, name);
	closeDb();
	process.stdout.write(JSON.stringify(worlds));
}
