import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, makeParent, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { goal, reflection } from '../db/schema-portfolio';
import { conversation } from '../db/schema-dialog';
import { listChildren, listMyParents, revokeParent, setShareGoals } from './links';
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

beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

describe('what a parent sees', () => {
	let parent: number;
	let shared: number;
	let privateOne: number;
	let draft: number;
	let notHome: number;
	let ofB: number;

	beforeEach(async () => {
		parent = await makeParent(cast.studentA);
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
		parent = await makeParent(cast.studentA);
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
