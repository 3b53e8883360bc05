// The authorization matrix's form actions on one round of the LOB-takenmatrix, and its answers (/lob-taken).
import {
	act,
	actions,
	cellForm,
	cellRows,
	invitedRows,
	ROUND,
	ROUND2,
	SUBMITTED,
	type ActionCase
} from './rows';

export const ROUND_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/coordinator/matrix/rounds/[roundId=id]', {
		rename: [
			act({
				url: ROUND,
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			}),
			act({
				url: ROUND2,
				form: () => ({ name: 'authz-probe' }),
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			})
		],
		delete: [
			// The demo round has answers: even the coordinator's probe (no confirmation) deletes nothing.
			act({
				url: ROUND,
				form: () => ({ confirm: 'yes' }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			}),
			act({
				url: ROUND2,
				form: () => ({ confirm: 'yes' }),
				check: (i) => [
					'SELECT id, name, status, closed_at FROM matrix_round WHERE id IN (?, ?)',
					i.round,
					i.round2
				]
			})
		],
		status: [
			act({
				url: ROUND,
				form: () => ({ status: 'closed', confirm: 'yes' }),
				allowed: ['coordinator'],
				check: (i) => ['SELECT status, closed_at FROM matrix_round WHERE id IN (?, ?)', i.round, i.round2]
			}),
			act({
				url: ROUND2,
				form: () => ({ status: 'closed', confirm: 'yes' }),
				check: (i) => ['SELECT status, closed_at FROM matrix_round WHERE id IN (?, ?)', i.round, i.round2]
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/actions', {
		add: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ taskId: String(i.task), title: 'authz-probe', owner: '', dueOn: '' }),
				allowed: ['coordinator'],
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ taskId: String(i.task2), title: 'authz-probe', owner: '', dueOn: '' }),
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			}),
			act({
				url: (i) => `${ROUND2(i)}/actions`,
				form: (i) => ({ taskId: String(i.task2), title: 'authz-probe', owner: '', dueOn: '' }),
				check: () => [`SELECT count(*) n FROM matrix_action WHERE title = 'authz-probe'`]
			})
		],
		edit: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: '',
					dueOn: ''
				}),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action2),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: '',
					dueOn: ''
				}),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			// Smuggled: a student as the owner.
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({
					id: String(i.action),
					taskId: String(i.task),
					title: 'authz-probe',
					owner: '',
					ownerUserId: String(i.A),
					dueOn: ''
				}),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			})
		],
		delete: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action) }),
				allowed: ['coordinator'],
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action2) }),
				check: (i) => [
					'SELECT id, title, owner, owner_user_id, status FROM matrix_action WHERE id IN (?, ?)',
					i.action,
					i.action2
				]
			})
		],
		status: [
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action), status: 'klaar' }),
				allowed: ['coordinator'],
				check: (i) => ['SELECT status FROM matrix_action WHERE id IN (?, ?)', i.action, i.action2]
			}),
			act({
				url: (i) => `${ROUND(i)}/actions`,
				form: (i) => ({ id: String(i.action2), status: 'klaar' }),
				check: (i) => ['SELECT status FROM matrix_action WHERE id IN (?, ?)', i.action, i.action2]
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]', {
		save: [
			act({
				url: (i) => `${ROUND(i)}/cell/${i.task}/${i.actor}`,
				form: cellForm,
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({ url: (i) => `${ROUND2(i)}/cell/${i.task2}/${i.actor2}`, form: cellForm, check: cellRows }),
			act({ url: (i) => `${ROUND(i)}/cell/${i.task2}/${i.actor2}`, form: cellForm, check: cellRows })
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/differences', {
		agree: [
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({
					taskId: String(i.task),
					actorId: String(i.actor),
					part: 'uitvoerend',
					rating: '',
					version: '0'
				}),
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({
					taskId: String(i.task2),
					actorId: String(i.actor2),
					part: 'uitvoerend',
					rating: '',
					version: '0'
				}),
				check: cellRows
			})
		],
		undo: [
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({ taskId: String(i.task), actorId: String(i.actor) }),
				allowed: ['coordinator'],
				check: cellRows
			}),
			act({
				url: (i) => `${ROUND(i)}/differences`,
				form: (i) => ({ taskId: String(i.task2), actorId: String(i.actor2) }),
				check: cellRows
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/respondents', {
		invite: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.staff), actorId: '' }),
				allowed: ['coordinator'],
				check: invitedRows
			}),
			// Smuggled: a student, a colleague of the other school, an actor of the other school.
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.A), actorId: '' }),
				check: invitedRows
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.S2), actorId: '' }),
				check: invitedRows
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor2) }),
				check: invitedRows
			})
		]
	}),
	...actions('/coordinator/matrix/rounds/[roundId=id]/respondents', {
		remind: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent) }),
				allowed: ['coordinator'],
				// This respondent's row only: other suites invite and remind in the same round meanwhile.
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent]
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			})
		],
		remove: [
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent) }),
				allowed: ['coordinator'],
				// This respondent's row only: other suites invite and remind in the same round meanwhile.
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent]
			}),
			act({
				url: (i) => `${ROUND(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			}),
			act({
				url: (i) => `${ROUND2(i)}/respondents`,
				form: (i) => ({ id: String(i.respondent2) }),
				check: (i) => ['SELECT * FROM matrix_respondent WHERE id = ?', i.respondent2]
			})
		]
	}),
	...actions('/lob-taken/rounds/[roundId=id]', {
		submit: [
			act({
				url: (i) => `/lob-taken/rounds/${i.round}`,
				form: () => ({}),
				allowed: ['mentorA', 'coordinator', 'staff'],
				probe: 'skip',
				check: (i) => [SUBMITTED, i.round]
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round2}`,
				form: () => ({}),
				check: (i) => [SUBMITTED, i.round2]
			})
		]
	}),
	...actions('/lob-taken/rounds/[roundId=id]/cell/[taskId=id]/[actorId=id]', {
		save: [
			act({
				url: (i) => `/lob-taken/rounds/${i.round}/cell/${i.task}/${i.actor}`,
				form: cellForm,
				allowed: ['mentorA', 'coordinator', 'staff'],
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round2}/cell/${i.task2}/${i.actor2}`,
				form: cellForm,
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			}),
			act({
				url: (i) => `/lob-taken/rounds/${i.round}/cell/${i.task2}/${i.actor2}`,
				form: cellForm,
				check: () => ['SELECT * FROM matrix_answer ORDER BY id']
			})
		]
	})
};
