// The authorization matrix's form actions that set up the LOB-takenmatrix: rounds, actors, tasks.
import { act, actions, matrixRows, type ActionCase } from './rows';

export const MATRIX_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/coordinator/matrix', {
		create: [
			act({
				url: () => '/coordinator/matrix',
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: () => [`SELECT count(*) n FROM matrix_round WHERE name = 'authz-probe'`]
			})
		]
	}),
	...actions('/coordinator/matrix/actors', {
		add: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: () => ({ name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			})
		],
		update: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor), name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), name: 'authz-probe' }),
				check: matrixRows('matrix_actor')
			})
		],
		move: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), direction: 'up' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_actor')
			})
		],
		archive: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor), archived: 'true' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_actor')
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.actor2), archived: 'true' }),
				check: matrixRows('matrix_actor')
			})
		],
		link: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor) }),
				allowed: ['coordinator'],
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			}),
			// Smuggled: a student, an actor of the other school.
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.A), actorId: String(i.actor) }),
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			}),
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ userId: String(i.staff), actorId: String(i.actor2) }),
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			})
		],
		unlink: [
			act({
				url: () => '/coordinator/matrix/actors',
				form: (i) => ({ id: String(i.link2) }),
				allowed: [],
				check: () => ['SELECT * FROM matrix_actor_user ORDER BY id']
			})
		]
	}),
	...actions('/coordinator/matrix/tasks', {
		add: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: () => ({ kind: 'begeleidend', name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_task')
			})
		],
		update: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task), kind: 'begeleidend', name: 'authz-probe' }),
				allowed: ['coordinator'],
				check: matrixRows('matrix_task')
			}),
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), kind: 'begeleidend', name: 'authz-probe' }),
				check: matrixRows('matrix_task')
			})
		],
		move: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), direction: 'up' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_task')
			})
		],
		archive: [
			act({
				url: () => '/coordinator/matrix/tasks',
				form: (i) => ({ id: String(i.task2), archived: 'true' }),
				allowed: ['coordinator'],
				probe: {},
				check: matrixRows('matrix_task')
			})
		]
	})
};
