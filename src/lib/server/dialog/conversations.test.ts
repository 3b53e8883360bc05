// Loopbaangesprekken follow the current mentorship, like reflections (DOMAIN.md §5; issue #15, part 3): the
// student's mentors now read the whole history, a former mentor reads none of it, and a planned
// conversation whose mentor changed takes nothing new.
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeGroup, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import { goal } from '../db/schema-portfolio';
import { addGroupMembers } from '../school/schools';
import { setGroupClosed } from '../school/groups';
import { addMembers, removeMember } from '../school/group-members';
import { planConversation, proposeAgenda } from './conversation-planning';
import { groupOverview } from '../mentor/group-overview';
import { addAgendaItem, getConversation, listConversations, recordConversation } from './conversations';
import {
	answerSummary,
	confirmSummary,
	disagreeWithSummary,
	listSummaryReplies,
	waitingForMentor
} from './summary-replies';
import { goalOrigins } from './agreements';
import { listNotifications } from './notifications';

let cast: ReturnType<typeof makeCast>;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

const agenda = () => 'voorstel';
const admin = () => viewerOf(cast.admin);

function plan(mentorId: number, target: { studentId: number } | { groupId: number }, on = '2027-01-12') {
	const planned = planConversation(viewerOf(mentorId), target, on, agenda);
	if (!planned.ok) throw new Error('not planned');
	return planned.id;
}

/** A conversation with student A, held with a working note, and a next one planned; both by the mentor. */
function history() {
	const held = plan(cast.mentor, { studentId: cast.studentA }, '2026-11-01');
	expect(addAgendaItem(viewerOf(cast.studentA), held, 'Mijn stage')).toBe('ok');
	expect(
		recordConversation(viewerOf(cast.mentor), held, {
			summary: 'We spraken over de stage.',
			mentorNote: 'Thuis is het onrustig.',
			agreements: [{ title: 'Stageplek zoeken', dueOn: '2027-02-01', competency: 'loopbaansturing' }]
		})
	).toBe('ok');
	const planned = plan(cast.mentor, { studentId: cast.studentA });
	return { held, planned };
}

/** The admin takes the mentor off 3KB-A and gives the group a new mentor. */
function handOver(): number {
	expect(removeMember(admin(), cast.group, 'mentor', cast.mentor)).toMatchObject({ ok: true });
	const next = makeUser(cast.schoolA.schoolId, ['mentor']);
	expect(addMembers(admin(), cast.group, 'mentor', [next])).toMatchObject({ ok: true });
	return next;
}

describe('a mentor taken off the group', () => {
	it("reads none of the student's conversations, not even the ones they held", () => {
		const { held, planned } = history();
		handOver();
		const former = viewerOf(cast.mentor);
		expect(getConversation(former, held)).toBeUndefined();
		expect(getConversation(former, planned)).toBeUndefined();
		expect(listConversations(former)).toEqual([]);
		expect(addAgendaItem(former, planned, 'x')).toBe('missing');
		expect(recordConversation(former, planned, { summary: 's', mentorNote: 'n', agreements: [] })).toBe(
			'missing'
		);
	});

	it("keeps none of the group's conversations either, nor those of a closed group", () => {
		const groupTalk = plan(cast.mentor, { groupId: cast.group });
		const otherTalk = plan(cast.otherMentor, { groupId: cast.otherGroup });
		expect(removeMember(admin(), cast.group, 'mentor', cast.mentor)).toMatchObject({ ok: true });
		expect(getConversation(viewerOf(cast.mentor), groupTalk)).toBeUndefined();
		expect(setGroupClosed(admin(), cast.otherGroup, true)).toMatchObject({ ok: true });
		expect(getConversation(viewerOf(cast.otherMentor), otherTalk)).toBeUndefined();
		expect(listConversations(viewerOf(cast.otherMentor))).toEqual([]);
	});
});

describe('the next mentor', () => {
	it("reads the whole history, the earlier mentor's working note and the student's points included", () => {
		const { held, planned } = history();
		const next = viewerOf(handOver());
		expect(listConversations(next).map((c) => c.id)).toEqual([planned, held]);
		const seen = getConversation(next, held);
		expect(seen?.mentorNote).toBe('Thuis is het onrustig.');
		expect(seen?.agenda.map((a) => a.text)).toContain('Mijn stage');
		expect(seen?.agreements).toMatchObject([{ title: 'Stageplek zoeken' }]);
	});

	it('cannot add to or record a conversation the former mentor planned; plans a new one instead', () => {
		const { planned } = history();
		const next = viewerOf(handOver());
		expect(getConversation(next, planned)?.mentorChanged).toBe(true);
		expect(addAgendaItem(next, planned, 'x')).toBe('mentor_changed');
		expect(recordConversation(next, planned, { summary: 's', mentorNote: 'n', agreements: [] })).toBe(
			'mentor_changed'
		);
		const fresh = plan(next.userId, { studentId: cast.studentA });
		expect(getConversation(next, fresh)?.mentorChanged).toBe(false);
		expect(addAgendaItem(next, fresh, 'Mijn punt')).toBe('ok');
	});
});

describe('the student, after their mentor changed', () => {
	it('sees the planned conversation as "mentor changed" and can add no point to it', () => {
		const { held, planned } = history();
		const student = viewerOf(cast.studentA);
		expect(getConversation(student, planned)?.mentorChanged).toBe(false);
		handOver();
		expect(getConversation(student, planned)).toMatchObject({ status: 'planned', mentorChanged: true });
		expect(listConversations(student).find((c) => c.id === planned)?.mentorChanged).toBe(true);
		expect(addAgendaItem(student, planned, 'Lees je dit nog?')).toBe('mentor_changed');
		expect(getConversation(student, planned)?.agenda.map((a) => a.text)).not.toContain('Lees je dit nog?');
		// The history stays theirs: the held conversation is still there to read and confirm.
		expect(getConversation(student, held)?.summary).toBe('We spraken over de stage.');
		expect(confirmSummary(student, held)).toBe('ok');
	});

	it('a group conversation whose mentor left the group takes no new points either', () => {
		const groupTalk = plan(cast.mentor, { groupId: cast.group });
		expect(addAgendaItem(viewerOf(cast.studentB), groupTalk, 'Open dag')).toBe('ok');
		handOver();
		expect(getConversation(viewerOf(cast.studentB), groupTalk)?.mentorChanged).toBe(true);
		expect(addAgendaItem(viewerOf(cast.studentB), groupTalk, 'Nog een punt')).toBe('mentor_changed');
	});
});

describe('what a conversation shows, per relation', () => {
	it("a group conversation's agreements show a mentor only the goals of students still in their group", () => {
		const groupTalk = plan(cast.mentor, { groupId: cast.group });
		recordConversation(viewerOf(cast.mentor), groupTalk, {
			summary: 's',
			mentorNote: '',
			agreements: [{ title: 'Open dag bezoeken', dueOn: '', competency: 'werkexploratie' }]
		});
		expect(getConversation(viewerOf(cast.mentor), groupTalk)?.agreements).toHaveLength(2);
		expect(removeMember(admin(), cast.group, 'student', cast.studentB)).toMatchObject({ ok: true });
		const owners = new Map(
			getDb()
				.select({ id: goal.id, studentId: goal.studentId })
				.from(goal)
				.all()
				.map((g) => [g.id, g.studentId])
		);
		const shown = getConversation(viewerOf(cast.mentor), groupTalk)?.agreements ?? [];
		expect(shown.map((a) => owners.get(a.goalId))).toEqual([cast.studentA]);
	});

	it("a student who is also a mentor elsewhere reads no working note of their own group's conversation", () => {
		const both = makeUser(cast.schoolA.schoolId, ['student', 'mentor']);
		addGroupMembers({ schoolId: cast.schoolA.schoolId, groupId: cast.group, studentIds: [both] });
		addGroupMembers({ schoolId: cast.schoolA.schoolId, groupId: cast.otherGroup, mentorIds: [both] });
		const groupTalk = plan(cast.mentor, { groupId: cast.group });
		recordConversation(viewerOf(cast.mentor), groupTalk, {
			summary: 'Samen gesproken.',
			mentorNote: 'Over de hele groep: veel onrust.',
			agreements: []
		});
		const seen = getConversation(viewerOf(both), groupTalk);
		expect(seen?.summary).toBe('Samen gesproken.');
		expect(seen?.mentorNote).toBeNull();
	});

	it('the group overview dates no conversation of another group the student is in', () => {
		// Student A also follows a second group, with its own mentor and its own group conversation.
		const extra = makeGroup(cast.schoolA, { students: [cast.studentA], mentors: [cast.otherMentor] });
		plan(cast.otherMentor, { groupId: extra }, '2999-03-01');
		const rowOfA = () =>
			groupOverview(viewerOf(cast.mentor), {
				sort: 'name',
				filter: 'all',
				weeks: 4,
				group: cast.group
			}).shown?.rows.find((r) => r.id === cast.studentA);
		expect(rowOfA()?.nextConversation).toBeNull();
		plan(cast.mentor, { studentId: cast.studentA }, '2999-04-01');
		expect(rowOfA()?.nextConversation).toBe('2999-04-01');
	});

	it('proposeAgenda reads only what the viewer may read, whatever ids it is given', () => {
		getDb()
			.insert(goal)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentOtherGroup,
				title: 'Geheim doel van een ander',
				dueOn: '2000-01-01'
			})
			.run();
		expect(proposeAgenda(viewerOf(cast.otherMentor), [cast.studentOtherGroup])).toMatchObject([
			{ key: 'goals_due', titles: ['Geheim doel van een ander'] }
		]);
		expect(proposeAgenda(viewerOf(cast.mentor), [cast.studentOtherGroup])).toEqual([]);
	});
});

describe('the summary of a conversation', () => {
	it('"niet helemaal": the mentor sees the reply and answers; confirmed only when the student agrees', () => {
		const { held } = history();
		const student = viewerOf(cast.studentA);
		const mentor = viewerOf(cast.mentor);
		expect(disagreeWithSummary(student, held, 'We spraken ook over mijn bijbaan.')).toBe('ok');
		expect(getConversation(mentor, held)?.confirmed).toBe(false);
		const seen = listSummaryReplies(mentor, held);
		expect(seen).toMatchObject([{ byStudent: true, body: 'We spraken ook over mijn bijbaan.' }]);
		expect(waitingForMentor(seen)).toBe(true);
		expect(listNotifications(mentor).map((n) => n.kind)).toContain('summaryReply');
		// Nobody else answers, and another student cannot reply.
		expect(answerSummary(viewerOf(cast.otherMentor), held, { body: 'x', summary: 'x' })).toBe('missing');
		expect(disagreeWithSummary(viewerOf(cast.studentB), held, 'x')).toBe('missing');
		expect(
			answerSummary(mentor, held, {
				body: 'Klopt, ik heb het toegevoegd.',
				summary: 'We spraken over de stage en je bijbaan.'
			})
		).toBe('ok');
		expect(getConversation(student, held)).toMatchObject({
			summary: 'We spraken over de stage en je bijbaan.',
			confirmed: false
		});
		expect(waitingForMentor(listSummaryReplies(student, held))).toBe(false);
		expect(listNotifications(student).map((n) => n.kind)).toContain('summaryAnswer');
		expect(confirmSummary(student, held)).toBe('ok');
		expect(getConversation(mentor, held)?.confirmed).toBe(true);
		expect(listNotifications(mentor).map((n) => n.kind)).toContain('summaryConfirmed');
		// Once agreed, the talk about it is closed.
		expect(disagreeWithSummary(student, held, 'toch niet')).toBe('already');
		expect(answerSummary(mentor, held, { body: 'x', summary: 'x' })).toBe('already');
	});

	it('a conversation is recorded once; its agreements become goals with their origin and competency', () => {
		const { held } = history();
		const again = recordConversation(viewerOf(cast.mentor), held, {
			summary: 'Nog eens',
			mentorNote: '',
			agreements: [{ title: 'Dubbel', dueOn: '', competency: 'netwerken' }]
		});
		expect(again).toBe('already');
		const goals = getDb().select().from(goal).all();
		expect(goals.map((g) => [g.title, g.competency])).toEqual([['Stageplek zoeken', 'loopbaansturing']]);
		expect(goalOrigins(viewerOf(cast.studentA))).toEqual({
			[goals[0].id]: { conversationId: held, on: '2026-11-01' }
		});
		expect(goalOrigins(viewerOf(cast.studentB), cast.studentA)).toEqual({});
	});

	it('recorded before its day, the conversation moves to the day it was held', () => {
		const id = plan(cast.mentor, { studentId: cast.studentA }, '2999-01-01');
		expect(
			recordConversation(viewerOf(cast.mentor), id, {
				summary: 's',
				mentorNote: '',
				agreements: [],
				heldOn: '2026-12-02'
			})
		).toBe('ok');
		expect(getConversation(viewerOf(cast.studentA), id)?.plannedAt).toBe('2026-12-02');
	});
});
