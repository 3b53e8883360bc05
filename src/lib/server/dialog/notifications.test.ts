// A notification outlives the right to read what it points to (issue #15, part 1): what it shows of the
// reflection, the conversation and the student is read through the viewer's scopes at the time of reading.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { createReflection, deleteReflection, saveReflection } from '../portfolio/reflection-save';
import { getReflection } from '../portfolio/reflections';
import { addComment } from './comments';
import {
	listNotifications,
	markRead,
	notifyReflectionFinished,
	type NotificationItem
} from './notifications';
import { planConversation } from './conversation-planning';
import { getConversation } from './conversations';
import { removeMember } from '../school/group-members';
import type { Visibility } from '../../portfolio';

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

const content = (title: string, visibility: Visibility) => ({
	title,
	doel: 'Ik wilde weten hoe het is.',
	resultaat: 'Ik heb brood gebakken.',
	evaluatie: 'Leuk, omdat het echt werk is.',
	vervolg: 'Nu ga ik een snuffelstage zoeken.',
	visibility,
	competencies: ['werkexploratie' as const]
});

/** A finished reflection shared with the mentor, and the mentor notified of it; returns its id. */
function finishedReflection(studentId: number, title = 'Bij de bakker'): number {
	const v = viewerOf(studentId);
	const id = createReflection(v, { activityType: 'meeloopdag' }) ?? 0;
	saveReflection(v, id, 1, content(title, 'mentor'), { finish: true });
	notifyReflectionFinished(v, id);
	return id;
}

/** The student changes what the reflection is called and who may see it. */
function rework(studentId: number, id: number, title: string, visibility: Visibility) {
	const v = viewerOf(studentId);
	const version = getReflection(v, id)?.version ?? 0;
	expect(saveReflection(v, id, version, content(title, visibility))).toMatchObject({ ok: true });
}

const only = (items: NotificationItem[]) => {
	expect(items).toHaveLength(1);
	return items[0];
};

// What the page (and its __data.json) would carry: nothing of it may name what the viewer cannot read.
const carried = (items: NotificationItem[]) => JSON.stringify(items);

describe('listNotifications shows only what the viewer may read now', () => {
	it('a reflection made private and renamed: the mentor sees no title, no name and no link', () => {
		const id = finishedReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		expect(only(listNotifications(mentor))).toMatchObject({
			kind: 'reflection',
			reflectionId: id,
			reflectionTitle: 'Bij de bakker',
			studentId: cast.studentA
		});
		rework(cast.studentA, id, 'Mijn geheim', 'private');
		expect(getReflection(mentor, id)).toBeUndefined();
		const item = only(listNotifications(mentor));
		expect(item).toMatchObject({ kind: 'reflection', reflectionId: null, reflectionTitle: null });
		expect(carried([item])).not.toContain('Mijn geheim');
		// The student still reads her own reflection: her own notifications are not affected.
		expect(getReflection(viewerOf(cast.studentA), id)?.title).toBe('Mijn geheim');
	});

	it('a mentor taken off the group: no title, no student name, no link', () => {
		const id = finishedReflection(cast.studentA);
		const admin = viewerOf(cast.admin);
		expect(removeMember(admin, cast.group, 'mentor', cast.mentor)).toMatchObject({ ok: true });
		rework(cast.studentA, id, 'Na de wissel', 'mentor');
		const mentor = viewerOf(cast.mentor);
		const item = only(listNotifications(mentor));
		expect(item).toMatchObject({
			kind: 'reflection',
			studentId: null,
			studentName: '',
			reflectionId: null,
			reflectionTitle: null
		});
		expect(carried([item])).not.toContain('Na de wissel');
		expect(carried([item])).not.toContain('Bij de bakker');
	});

	it('reply notifications follow the same rule', () => {
		const id = finishedReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const student = viewerOf(cast.studentA);
		const first = addComment(mentor, id, 'Wat vond je het leukst?') ?? 0;
		addComment(student, id, 'Het bakken.', first);
		const reply = () => listNotifications(mentor).find((n) => n.kind === 'reply');
		expect(reply()).toMatchObject({ reflectionId: id, reflectionTitle: 'Bij de bakker' });
		rework(cast.studentA, id, 'Toch liever niet', 'private');
		expect(reply()).toMatchObject({ reflectionId: null, reflectionTitle: null });
		expect(carried(listNotifications(mentor))).not.toContain('Toch liever niet');
	});

	it("the student's own feedback notification goes neutral once the reflection is deleted", () => {
		const id = finishedReflection(cast.studentA);
		const student = viewerOf(cast.studentA);
		addComment(viewerOf(cast.mentor), id, 'Mooi!');
		expect(only(listNotifications(student))).toMatchObject({ kind: 'feedback', reflectionId: id });
		expect(deleteReflection(student, id)).toBe(true);
		expect(only(listNotifications(student))).toMatchObject({
			kind: 'feedback',
			reflectionId: null,
			reflectionTitle: null
		});
	});

	it('a conversation the viewer can no longer read shows no date and no link', () => {
		const mentor = viewerOf(cast.mentor);
		const planned = planConversation(mentor, { groupId: cast.group }, '2026-12-10', () => 'punt');
		const id = planned.ok ? planned.id : 0;
		const student = viewerOf(cast.studentB);
		expect(only(listNotifications(student))).toMatchObject({
			kind: 'conversationPlanned',
			conversationId: id,
			conversationDate: '2026-12-10'
		});
		// Out of the group: the group's conversation is no longer theirs.
		expect(removeMember(viewerOf(cast.admin), cast.group, 'student', cast.studentB)).toMatchObject({
			ok: true
		});
		expect(getConversation(student, id)).toBeUndefined();
		expect(only(listNotifications(student))).toMatchObject({
			kind: 'conversationPlanned',
			conversationId: null,
			conversationDate: null
		});
	});

	it('does not send the same unread news twice', () => {
		const id = finishedReflection(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		const student = viewerOf(cast.studentA);
		addComment(mentor, id, 'Mooi!');
		addComment(mentor, id, 'En nog iets.');
		expect(listNotifications(student).filter((n) => n.kind === 'feedback')).toHaveLength(1);
		// Once read, new news is news again.
		markRead(student, 'all');
		addComment(mentor, id, 'Nog een vraag.');
		expect(listNotifications(student).filter((n) => !n.read)).toHaveLength(1);
	});
});
