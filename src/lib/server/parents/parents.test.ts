import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { goal, reflection } from '../db/schema-portfolio';
import { conversation } from '../db/schema-dialog';
import { parentInvitation } from '../db/schema-parents';
import { ipLimiter } from '../auth/rate-limit';
import {
	cancelInvitation,
	createInvitation,
	linkChild,
	registerParent,
	MAX_OPEN_INVITATIONS
} from './invitations';
import { getChild, listChildren, listMyParents, revokeParent, setShareGoals } from './links';
import {
	addParentAgendaItem,
	getHomeConversation,
	getHomeReflection,
	listHomeConversations,
	listHomeGoals,
	listHomeReflections,
	saveNote
} from './home';
import { getReflectionHome, setConversationHome, setNoteHidden, setReflectionHome } from './sharing';
import { getParentInvite, setParentInvited } from './ouder-kind';
import { listParentFigures } from './aggregates';
import { countOrphanParents, removeOrphanParents } from './retention';
import { eraseStudent } from '../privacy/erasure';
import { buildMyData } from '../privacy/access-request';

let cast: ReturnType<typeof makeCast>;
let ip = 0;

function addReflection(
	studentId: number,
	visibility: 'private' | 'mentor' | 'dossier',
	finished = true
): number {
	return getDb()
		.insert(reflection)
		.values({
			schoolId: cast.schoolA.schoolId,
			studentId,
			activityType: 'meeloopdag',
			title: `${visibility}${finished ? '' : ' draft'}`,
			doel: 'iets',
			visibility,
			finishedAt: finished ? new Date() : null
		})
		.returning({ id: reflection.id })
		.get().id;
}

async function invitedParent(studentId: number, username = `ouder${++ip}`): Promise<number> {
	const inv = createInvitation(viewerOf(studentId));
	if (!inv?.ok) throw new Error('no invitation');
	const res = await registerParent(
		{ code: inv.code, givenName: 'Ingrid', familyName: 'Ouder', username, password: 'Ouder-wachtwoord' },
		`10.0.0.${++ip}`
	);
	if (!res.ok) throw new Error(res.reason);
	return res.userId;
}

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('invitations', () => {
	it('registers a parent with only the parent role, linked to the student', async () => {
		const parent = await invitedParent(cast.studentA);
		const v = viewerOf(parent);
		expect(v.roles).toEqual(['parent']);
		expect(v.schoolId).toBe(cast.schoolA.schoolId);
		expect(listChildren(v).map((c) => c.id)).toEqual([cast.studentA]);
		expect(listMyParents(viewerOf(cast.studentA))).toMatchObject([{ name: 'Ingrid Ouder', revokedAt: null }]);
	});

	it('uses a code once, and not after 7 days', async () => {
		const inv = createInvitation(viewerOf(cast.studentA));
		if (!inv?.ok) throw new Error();
		const input = {
			code: inv.code,
			givenName: 'A',
			familyName: 'B',
			username: 'een',
			password: 'Ouder-wachtwoord'
		};
		expect((await registerParent(input, '10.1.0.1')).ok).toBe(true);
		expect(await registerParent({ ...input, username: 'twee' }, '10.1.0.1')).toMatchObject({
			ok: false,
			reason: 'code'
		});
		const later = createInvitation(viewerOf(cast.studentA));
		if (!later?.ok) throw new Error();
		const eightDays = new Date(Date.now() + 8 * 86_400_000);
		expect(
			await registerParent({ ...input, code: later.code, username: 'drie' }, '10.1.0.2', eightDays)
		).toMatchObject({
			ok: false,
			reason: 'code'
		});
	});

	it('keeps the code usable when the chosen name is taken', async () => {
		makeUser(cast.schoolA.schoolId, ['mentor'], { username: 'bezet' });
		const inv = createInvitation(viewerOf(cast.studentA));
		if (!inv?.ok) throw new Error();
		const input = {
			code: inv.code,
			givenName: 'A',
			familyName: 'B',
			username: 'bezet',
			password: 'Ouder-wachtwoord'
		};
		expect(await registerParent(input, '10.2.0.1')).toMatchObject({ ok: false, reason: 'username' });
		expect((await registerParent({ ...input, username: 'vrij' }, '10.2.0.1')).ok).toBe(true);
	});

	it('throttles wrong codes per address', async () => {
		const input = {
			code: 'WRONG',
			givenName: 'A',
			familyName: 'B',
			username: 'x',
			password: 'Ouder-wachtwoord'
		};
		for (let i = 0; i < 200 && ipLimiter.check('ip:10.3.0.1'); i++) await registerParent(input, '10.3.0.1');
		expect(await registerParent(input, '10.3.0.1')).toMatchObject({ ok: false, reason: 'throttled' });
	});

	it('only a student makes invitations, and only a few open at once', () => {
		expect(createInvitation(viewerOf(cast.mentor))).toBeUndefined();
		for (let i = 0; i < MAX_OPEN_INVITATIONS; i++)
			expect(createInvitation(viewerOf(cast.studentA))?.ok).toBe(true);
		expect(createInvitation(viewerOf(cast.studentA))).toMatchObject({ ok: false, reason: 'too_many_open' });
		const [first] = getDb().select().from(parentInvitation).all();
		expect(cancelInvitation(viewerOf(cast.studentB), first.id)).toBe(false);
		expect(cancelInvitation(viewerOf(cast.studentA), first.id)).toBe(true);
		expect(createInvitation(viewerOf(cast.studentA))?.ok).toBe(true);
	});

	it('lets one parent link several children, and two parents one child', async () => {
		const parent = await invitedParent(cast.studentA);
		const inv = createInvitation(viewerOf(cast.studentB));
		if (!inv?.ok) throw new Error();
		expect(linkChild(viewerOf(parent), inv.code, '10.4.0.1').ok).toBe(true);
		expect(
			listChildren(viewerOf(parent))
				.map((c) => c.id)
				.sort()
		).toEqual([cast.studentA, cast.studentB].sort());
		await invitedParent(cast.studentA);
		expect(listMyParents(viewerOf(cast.studentA))).toHaveLength(2);
	});

	it('refuses an invitation of another school to a signed-in parent', async () => {
		const parent = await invitedParent(cast.studentA);
		const inv = createInvitation(viewerOf(cast.otherSchoolStudent));
		if (!inv?.ok) throw new Error();
		expect(linkChild(viewerOf(parent), inv.code, '10.5.0.1')).toMatchObject({ ok: false, reason: 'code' });
		expect(linkChild(viewerOf(cast.mentor), inv.code, '10.5.0.1').ok).toBe(false);
		expect(getChild(viewerOf(parent), cast.otherSchoolStudent)).toBeUndefined();
	});
});

describe('what a parent sees', () => {
	let parent: number;
	let shared: number;
	let privateOne: number;
	let draft: number;
	let notHome: number;
	let ofB: number;

	beforeEach(async () => {
		parent = await invitedParent(cast.studentA);
		shared = addReflection(cast.studentA, 'mentor');
		privateOne = addReflection(cast.studentA, 'private');
		draft = addReflection(cast.studentA, 'dossier', false);
		notHome = addReflection(cast.studentA, 'dossier');
		ofB = addReflection(cast.studentB, 'mentor');
		const a = viewerOf(cast.studentA);
		for (const id of [shared, privateOne, draft]) expect(setReflectionHome(a, id, true)).toBe(true);
		expect(setReflectionHome(viewerOf(cast.studentB), ofB, true)).toBe(true);
		expect(setReflectionHome(a, ofB, true)).toBe(false);
	});

	it('only finished, not private reflections the student marked "ook thuis", of their own child', () => {
		const v = viewerOf(parent);
		expect(listHomeReflections(v, cast.studentA).map((r) => r.id)).toEqual([shared]);
		for (const id of [privateOne, draft, notHome])
			expect(getHomeReflection(v, cast.studentA, id)).toBeUndefined();
		expect(getHomeReflection(v, cast.studentB, ofB)).toBeUndefined();
		expect(listHomeReflections(v, cast.studentB)).toEqual([]);
		expect(getHomeReflection(viewerOf(cast.mentor), cast.studentA, shared)).toBeUndefined();
	});

	it('a note from home: one per parent, the student sees and hides it', () => {
		const v = viewerOf(parent);
		expect(saveNote(v, cast.studentA, shared, 'Mooi gedaan!')).toBe(true);
		expect(saveNote(v, cast.studentA, shared, 'Heel mooi gedaan!')).toBe(true);
		expect(saveNote(v, cast.studentA, privateOne, 'Stiekem')).toBe(false);
		expect(getHomeReflection(v, cast.studentA, shared)?.myNote).toBe('Heel mooi gedaan!');
		const home = getReflectionHome(viewerOf(cast.studentA), shared)!;
		expect(home).toMatchObject({
			shared: true,
			hasParents: true,
			notes: [{ body: 'Heel mooi gedaan!', hidden: false }]
		});
		expect(setNoteHidden(viewerOf(cast.studentB), home.notes[0].id, true)).toBe(false);
		expect(setNoteHidden(viewerOf(cast.studentA), home.notes[0].id, true)).toBe(true);
		expect(getReflectionHome(viewerOf(cast.studentA), shared)?.notes[0].hidden).toBe(true);
		expect(getReflectionHome(viewerOf(cast.studentB), shared)).toBeUndefined();
	});

	it("the student's data export holds the parents, what goes home and the notes from home", () => {
		saveNote(viewerOf(parent), cast.studentA, shared, 'Mooi gedaan!');
		const home = buildMyData(viewerOf(cast.studentA))!.home!;
		expect(home.parents).toMatchObject([{ name: 'Ingrid Ouder', revokedAt: null }]);
		expect(home.sharedWithHome.reflections.sort()).toEqual([shared, privateOne, draft].sort());
		expect(home.notesFromHome).toMatchObject([
			{ reflectionId: shared, from: 'Ingrid Ouder', text: 'Mooi gedaan!' }
		]);
		expect(buildMyData(viewerOf(cast.studentB))!.home!.notesFromHome).toEqual([]);
	});

	it('goals only when the student shows them', () => {
		getDb()
			.insert(goal)
			.values({ schoolId: cast.schoolA.schoolId, studentId: cast.studentA, title: 'Stage zoeken' })
			.run();
		expect(listHomeGoals(viewerOf(parent), cast.studentA)).toBeNull();
		setShareGoals(viewerOf(cast.studentA), true);
		expect(listHomeGoals(viewerOf(parent), cast.studentA)?.map((g) => g.title)).toEqual(['Stage zoeken']);
		expect(listHomeGoals(viewerOf(parent), cast.studentB)).toBeNull();
	});

	it('revoking ends everything at once', () => {
		const links = listMyParents(viewerOf(cast.studentA));
		expect(revokeParent(viewerOf(cast.studentB), links[0].linkId)).toBe(false);
		expect(revokeParent(viewerOf(cast.studentA), links[0].linkId)).toBe(true);
		const v = viewerOf(parent);
		expect(listChildren(v)).toEqual([]);
		expect(listHomeReflections(v, cast.studentA)).toEqual([]);
		expect(getHomeReflection(v, cast.studentA, shared)).toBeUndefined();
		expect(saveNote(v, cast.studentA, shared, 'Nog één')).toBe(false);
		expect(listMyParents(viewerOf(cast.studentA))[0].revokedAt).not.toBeNull();
	});

	it('erasing the student unlinks the parent; retention then removes the parent account', () => {
		saveNote(viewerOf(parent), cast.studentA, shared, 'Mooi');
		expect(countOrphanParents()).toBe(0);
		expect(eraseStudent(viewerOf(cast.admin), cast.studentA)).toBe(true);
		expect(listChildren(viewerOf(parent))).toEqual([]);
		expect(countOrphanParents()).toBe(1);
		expect(removeOrphanParents()).toBe(1);
		expect(getDb().select().from(core.user).where(eq(core.user.id, parent)).get()).toBeUndefined();
	});
});

describe('the ouder-kind-mentorgesprek', () => {
	let parent: number;
	let conv: number;

	beforeEach(async () => {
		parent = await invitedParent(cast.studentA);
		conv = getDb()
			.insert(conversation)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				mentorId: cast.mentor,
				plannedAt: '2027-03-01T10:00'
			})
			.returning({ id: conversation.id })
			.get().id;
	});

	it('the parent sees it only once invited, adds points, and reads the summary after the student confirmed', () => {
		const v = viewerOf(parent);
		expect(listHomeConversations(v, cast.studentA)).toEqual([]);
		expect(getParentInvite(viewerOf(cast.otherMentor), conv)).toBeUndefined();
		expect(setParentInvited(viewerOf(cast.otherMentor), conv, true)).toBe(false);
		expect(getParentInvite(viewerOf(cast.mentor), conv)).toEqual({ invited: false, linkedParents: 1 });
		expect(setParentInvited(viewerOf(cast.mentor), conv, true)).toBe(true);
		expect(listHomeConversations(v, cast.studentA)).toMatchObject([
			{ id: conv, invited: true, confirmed: false }
		]);
		expect(addParentAgendaItem(v, cast.studentA, conv, 'Welke stage past?')).toBe('ok');
		getDb()
			.update(conversation)
			.set({ summary: 'Goed gesprek', status: 'held' })
			.where(eq(conversation.id, conv))
			.run();
		expect(getHomeConversation(v, cast.studentA, conv)).toMatchObject({
			summary: null,
			parentPoints: [{ text: 'Welke stage past?', mine: true }]
		});
		expect(addParentAgendaItem(v, cast.studentA, conv, 'Nog iets')).toBe('closed');
		getDb()
			.update(conversation)
			.set({ summaryConfirmedAt: new Date() })
			.where(eq(conversation.id, conv))
			.run();
		expect(getHomeConversation(v, cast.studentA, conv)?.summary).toBe('Goed gesprek');
	});

	it('a conversation the student shared shows only once confirmed', () => {
		const v = viewerOf(parent);
		expect(setConversationHome(viewerOf(cast.studentB), conv, true)).toBe(false);
		expect(setConversationHome(viewerOf(cast.studentA), conv, true)).toBe(true);
		expect(listHomeConversations(v, cast.studentA)).toEqual([]);
		getDb()
			.update(conversation)
			.set({ summaryConfirmedAt: new Date(), status: 'held' })
			.where(eq(conversation.id, conv))
			.run();
		expect(listHomeConversations(v, cast.studentA)).toMatchObject([
			{ id: conv, invited: false, confirmed: true }
		]);
		expect(addParentAgendaItem(v, cast.studentA, conv, 'x')).toBe('missing');
	});

	it('counts per group for the coordinator', () => {
		setParentInvited(viewerOf(cast.mentor), conv, true);
		expect(listParentFigures(viewerOf(cast.studentA))).toBeUndefined();
		const figures = listParentFigures(viewerOf(cast.coordinator))!;
		expect(figures.find((g) => g.groupId === cast.group)).toMatchObject({
			students: 2,
			withParent: 1,
			conversationsWithParent: 1
		});
		expect(figures.find((g) => g.groupId === cast.otherGroup)).toMatchObject({ students: 1, withParent: 0 });
	});
});
