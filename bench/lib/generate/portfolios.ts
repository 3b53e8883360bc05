// What students wrote and did: reflections with their versions, competencies, attachments and threads,
// self-ratings, goals, conversations and notifications; and a planned conversation per group.
import { GEN } from '../shape';
import { COMPETENCY_SLUGS } from '../../../src/lib/competencies';
import { ACTIVITY_TYPES } from '../../../src/lib/portfolio';
import { DAY, isoDay, primaryMentor, schoolOfGroup, type Board } from './board';

const span = 700 * DAY;

/** Everything of one student; run inside a transaction of a chunk of students. */
export function fillStudent(b: Board, s: number): void {
	const { st, ids, last, rnd, pick, text, add, now } = b;
	const groupIndex = Math.floor((s - 1) / GEN.groupSize);
	b.school = schoolOfGroup(groupIndex);
	const mentor = ids.mentor(primaryMentor(groupIndex));
	// Student 2 is the bench's writer: enough reflections for 50 writers to save one each.
	const reflections = s === 2 ? GEN.writerReflections : GEN.reflectionsPerStudent;
	for (let i = 0; i < reflections; i++) {
		const id = ++last.reflection;
		// Spread over two years, newest first in the middle of the current school year.
		const createdAt = now - Math.floor(rnd() * span) - DAY;
		const finished = rnd() < 0.85;
		const v = rnd();
		const visibility = v < 0.7 ? 'mentor' : v < 0.85 ? 'dossier' : 'private';
		const updatedAt = createdAt + Math.floor(rnd() * 3 * DAY);
		const row = {
			id,
			studentId: s,
			activityId: b.school === 1 && rnd() < 0.2 ? 1 + Math.floor(rnd() * GEN.activities) : null,
			type: pick(ACTIVITY_TYPES),
			date: rnd() < 0.9 ? isoDay(createdAt) : null,
			place: pick(['Utrecht', 'Zwolle', 'Tilburg', '']),
			title: `${pick(['Meeloopdag', 'Stage', 'Open dag', 'Gastles'])} ${i + 1}`,
			doel: text(2),
			resultaat: text(2),
			evaluatie: text(2),
			vervolg: text(1),
			visibility,
			finishedAt: finished ? updatedAt : null,
			createdAt,
			updatedAt
		};
		st.reflection.run(row);
		const first = Math.floor(rnd() * COMPETENCY_SLUGS.length);
		const comps = [COMPETENCY_SLUGS[first]];
		if (rnd() < 0.5) comps.push(COMPETENCY_SLUGS[(first + 1) % COMPETENCY_SLUGS.length]);
		for (const c of comps) st.competency.run(id, c);
		st.version.run({ ...row, competencies: JSON.stringify(comps) });
		add('reflections');
		add('reflection_competencies', comps.length);
		if (i % 10 === 0) {
			st.attachment.run(s, id, `foto-${i}.jpg`, 150_000, `bench-${id}`, createdAt);
			add('attachments');
		}
		const shared = finished && visibility !== 'private';
		if (shared) {
			st.notification.run(mentor, 'reflection', s, id, updatedAt, rnd() < 0.9 ? updatedAt + DAY : null);
			add('notifications');
		}
		// Three in four shared reflections have a thread: the mentor answers, the student replies, ...
		if (shared && rnd() < 0.75) {
			const length = 2 + Math.floor(rnd() * 5);
			let parent: number | null = null;
			for (let k = 0; k < length; k++) {
				const cid = ++last.comment;
				const author = k % 2 === 0 ? mentor : s;
				st.comment.run(cid, id, parent, author, text(1 + (k % 2)), updatedAt + (k + 1) * 3600_000);
				parent ??= cid;
			}
			add('comments', length);
		}
	}
	for (const c of COMPETENCY_SLUGS)
		for (let k = 0; k < GEN.ratingsPerCompetency; k++) {
			st.rating.run(s, c, 1 + Math.floor(rnd() * 4), '', now - Math.floor(rnd() * span));
			add('self_ratings');
		}
	const goalIds: number[] = [];
	for (let k = 0; k < GEN.goalsPerStudent; k++) {
		const id = ++last.goal;
		const at = now - Math.floor(rnd() * 200 * DAY);
		const status = k === 0 ? 'done' : 'open';
		st.goal.run(id, s, pick(COMPETENCY_SLUGS), `Doel ${k + 1}`, isoDay(at + 60 * DAY), status, s, at, at);
		goalIds.push(id);
		add('goals');
	}
	// One conversation held (with agenda and an agreement), one planned.
	const held = ++last.conversation;
	const heldAt = now - Math.floor(rnd() * 90 * DAY) - DAY;
	st.conversation.run(
		held,
		s,
		null,
		mentor,
		isoDay(heldAt),
		'held',
		text(2),
		heldAt + DAY,
		heldAt - 7 * DAY,
		heldAt
	);
	st.agenda.run(held, 'student', s, 'Mijn stage', heldAt - 5 * DAY);
	st.agenda.run(held, 'mentor', mentor, 'Je doelen', heldAt - 4 * DAY);
	st.agreement.run(held, s, goalIds[1], heldAt);
	const planned = ++last.conversation;
	st.conversation.run(
		planned,
		s,
		null,
		mentor,
		isoDay(now + Math.floor(rnd() * 60 * DAY)),
		'planned',
		'',
		null,
		now,
		null
	);
	add('conversations', 2);
	st.notification.run(s, 'feedback', s, last.reflection, now - DAY, null);
	add('notifications');
}

export function fillGroupConversations(b: Board): void {
	const { st, ids, last, add, groups, now } = b;
	b.client.transaction(() => {
		// A group conversation per group (studentId null).
		for (let g = 1; g <= groups; g++) {
			const id = ++last.conversation;
			const mentor = ids.mentor(primaryMentor(g - 1));
			b.school = schoolOfGroup(g - 1);
			st.conversation.run(id, null, g, mentor, isoDay(now + 14 * DAY), 'planned', '', null, now, null);
			add('conversations');
		}
	})();
}
