// The LOB-task matrix of the first school: the default tasks and actors, last year's closed round and this
// year's open one, 20 respondents and a few actions each.
import { DEFAULT_ACTORS, DEFAULT_TASKS, PARTS, TASK_KINDS } from '../../../src/lib/matrix';
import type { Client } from './board';

export function generateMatrix(
	client: Client,
	o: {
		staff: number[];
		mentors: number[];
		coordinatorId: number;
		yearStart: number;
		now: number;
		rnd: () => number;
	}
): number {
	const ins = (sql: string) => client.prepare(sql);
	const task = ins(`insert into matrix_task (school_id, kind, name, position) values (1, ?, ?, ?)`);
	const actor = ins(`insert into matrix_actor (school_id, name, position) values (1, ?, ?)`);
	const round = ins(
		`insert into matrix_round (id, school_id, school_year_id, name, status, previous_round_id, created_at, closed_at) values (?, 1, 1, ?, ?, ?, ?, ?)`
	);
	const cell = ins(
		`insert into matrix_cell (school_id, round_id, task_id, actor_id, part, how, rating, wish, updated_by, updated_at) values (1, ?, ?, ?, ?, ?, ?, '', ?, ?)`
	);
	const respondent = ins(
		`insert into matrix_respondent (school_id, round_id, user_id, invited_at, submitted_at) values (1, ?, ?, ?, ?)`
	);
	const answer = ins(
		`insert into matrix_answer (school_id, respondent_id, task_id, actor_id, part, how, rating, wish, updated_by, updated_at) values (1, ?, ?, ?, ?, ?, ?, '', ?, ?)`
	);
	const action = ins(
		`insert into matrix_action (school_id, round_id, task_id, title, owner, status) values (1, ?, ?, ?, 'Decaan', ?)`
	);
	const link = ins(`insert into matrix_actor_user (school_id, actor_id, user_id) values (1, ?, ?)`);
	// A closed round keeps the lists it was held with, as setRoundStatus writes them (round-lists.ts).
	const roundTask = ins(
		`insert into matrix_round_task (school_id, round_id, task_id, kind, name, position) values (1, ?, ?, ?, ?, ?)`
	);
	const roundActor = ins(
		`insert into matrix_round_actor (school_id, round_id, actor_id, name, position) values (1, ?, ?, ?, ?)`
	);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(o.rnd() * list.length)];
	client.transaction(() => {
		let position = 0;
		const taskIds: number[] = [];
		const taskRows: { id: number; kind: string; name: string }[] = [];
		for (const kind of TASK_KINDS)
			for (const name of DEFAULT_TASKS[kind]) {
				taskIds.push(Number(task.run(kind, name, ++position).lastInsertRowid));
				taskRows.push({ id: taskIds[taskIds.length - 1], kind, name });
			}
		const actorIds = DEFAULT_ACTORS.map((name, i) => Number(actor.run(name, i + 1).lastInsertRowid));
		for (const [i, userId] of o.staff.entries()) link.run(actorIds[i % actorIds.length], userId);
		const people = [...o.staff, ...o.mentors].slice(0, 20);
		for (const r of [1, 2]) {
			const closed = r === 1;
			round.run(
				r,
				closed ? 'Evaluatie vorig jaar' : 'Evaluatie dit jaar',
				closed ? 'closed' : 'open',
				closed ? null : 1,
				o.yearStart - (closed ? 300 : 0) * 86400000,
				closed ? o.yearStart : null
			);
			if (closed) {
				// Tasks are made in kind and list order, the order the app's snapshot keeps.
				for (const [i, t] of taskRows.entries()) roundTask.run(r, t.id, t.kind, t.name, i + 1);
				for (const [i, a] of actorIds.entries()) roundActor.run(r, a, DEFAULT_ACTORS[i], i + 1);
			}
			for (const t of taskIds)
				for (const a of actorIds)
					cell.run(
						r,
						t,
						a,
						pick(PARTS),
						o.rnd() < 0.3 ? 'Tijdens de mentorles' : '',
						o.rnd() < 0.8 ? 1 + Math.floor(o.rnd() * 4) : null,
						o.coordinatorId,
						o.now
					);
			for (const [i, userId] of people.entries()) {
				const rid = Number(
					respondent.run(r, userId, o.now - 30 * 86400000, closed || i < 15 ? o.now - 86400000 : null)
						.lastInsertRowid
				);
				for (const t of taskIds)
					for (const a of actorIds)
						answer.run(
							rid,
							t,
							a,
							pick(PARTS),
							'',
							o.rnd() < 0.8 ? 1 + Math.floor(o.rnd() * 4) : null,
							userId,
							o.now
						);
			}
			for (let k = 0; k < 5; k++)
				action.run(r, taskIds[k * 3], `Verbeteractie ${k + 1}`, pick(['open', 'bezig', 'klaar']));
		}
	})();
	return 2;
}
