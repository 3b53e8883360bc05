// The authorization matrix's form actions under /student, and /notifications, which sits among them.
import { SINGLE, STUDENTS } from './expect';
import { act, actions, comments, reflectionRow, type ActionCase } from './rows';

export const STUDENT_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/student/privacy', {
		invite: [
			act({
				url: () => '/student/privacy',
				form: () => ({}),
				allowed: STUDENTS,
				probe: 'skip',
				check: () => ['SELECT count(*) n FROM parent_invitation']
			})
		],
		cancelInvite: [
			act({
				url: () => '/student/privacy',
				form: (i) => ({ invitationId: String(i.invitationA) }),
				allowed: ['studentA'],
				check: (i) => ['SELECT used_at FROM parent_invitation WHERE id = ?', i.invitationA]
			})
		],
		revoke: [
			// Smuggled: Sanne's link to her mother, posted by everyone else.
			act({
				url: () => '/student/privacy',
				form: (i) => ({ linkId: String(i.motherLink) }),
				check: (i) => ['SELECT revoked_at FROM parent_link WHERE id = ?', i.motherLink]
			}),
			act({ url: () => '/student/privacy', form: () => ({}), allowed: STUDENTS })
		],
		goals: [
			act({
				url: () => '/student/privacy',
				form: () => ({ on: 'on' }),
				allowed: STUDENTS,
				probe: 'skip',
				check: (i) => ['SELECT * FROM home_setting WHERE student_id <> ?', i.sanne]
			})
		]
	}),
	...actions('/notifications', {
		read: [
			act({
				url: () => '/notifications',
				form: (i) => ({ id: String(i.notificationOther) }),
				allowed: [],
				check: (i) => ['SELECT read_at FROM notification WHERE id = ?', i.notificationOther]
			})
		],
		readAll: [act({ url: () => '/notifications', form: () => ({}), allowed: [...SINGLE], probe: 'skip' })]
	}),
	...actions('/student/conversations/[id=id]', {
		agenda: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => [
					'SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?',
					i.convOther
				]
			})
		],
		confirm: [
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({}),
				check: (i) => ['SELECT summary_confirmed_at FROM conversation WHERE id = ?', i.convOther]
			})
		],
		disagree: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ body: 'authz-probe' }),
				allowed: ['studentA'],
				check: () => ['SELECT count(*) n FROM summary_reply']
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM summary_reply']
			})
		],
		home: [
			act({
				url: (i) => `/student/conversations/${i.convA}`,
				form: () => ({ on: 'on' }),
				allowed: ['studentA'],
				probe: 'skip',
				check: () => ['SELECT * FROM conversation_home_share ORDER BY conversation_id']
			}),
			act({
				url: (i) => `/student/conversations/${i.convOther}`,
				form: () => ({}),
				check: () => ['SELECT * FROM conversation_home_share ORDER BY conversation_id']
			})
		]
	}),
	...actions('/student/goals', {
		add: [
			act({
				url: () => '/student/goals',
				form: () => ({ title: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM goal WHERE title = 'authz-probe'`]
			})
		],
		edit: [
			act({
				url: () => '/student/goals',
				// Student B posts A's goal id from B's own goals page.
				form: (i) => ({ goalId: String(i.goalA), title: 'authz-probe' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT title, status FROM goal WHERE id IN (?, ?, ?)', i.goalA, i.goalB, i.goal2]
			}),
			act({
				url: () => '/student/goals',
				form: (i) => ({ goalId: String(i.goal2), title: 'authz-probe' }),
				check: (i) => ['SELECT title, status FROM goal WHERE id = ?', i.goal2]
			})
		],
		status: [
			act({
				url: () => '/student/goals',
				form: (i) => ({ goalId: String(i.goalB), status: 'dropped' }),
				allowed: ['studentB'],
				probe: {},
				check: (i) => ['SELECT title, status FROM goal WHERE id = ?', i.goalB]
			})
		],
		fromReflection: [
			act({
				url: () => '/student/goals',
				form: (i) => ({ reflectionId: String(i.reflB) }),
				allowed: ['studentB'],
				probe: 'skip',
				check: () => ['SELECT count(*) n FROM goal']
			}),
			act({
				url: () => '/student/goals',
				form: (i) => ({ reflectionId: String(i.refl2) }),
				check: () => ['SELECT count(*) n FROM goal']
			})
		]
	}),
	...actions('/student/ratings', {
		rate: [
			act({
				url: () => '/student/ratings',
				form: () => ({ competency: 'kwaliteiten', level: '3', note: 'authz-probe' }),
				allowed: STUDENTS,
				check: () => [`SELECT count(*) n FROM self_rating WHERE note = 'authz-probe'`]
			})
		]
	}),
	...actions('/student/reflections/[id=id]', {
		...comments((i) => `/student/reflections/${i.reflA}`, 'studentA'),
		visibility: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({ visibility: 'private' }),
				allowed: ['studentA'],
				check: reflectionRow
			})
		],
		home: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({ on: 'on' }),
				allowed: ['studentA'],
				probe: 'skip',
				check: () => ['SELECT * FROM reflection_home_share ORDER BY reflection_id']
			}),
			// Smuggled: Sanne's shared reflection, switched off by anyone else.
			act({
				url: (i) => `/student/reflections/${i.reflHome}`,
				form: () => ({}),
				check: () => ['SELECT * FROM reflection_home_share ORDER BY reflection_id']
			})
		],
		hideNote: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: (i) => ({ noteId: String(i.motherNote) }),
				check: (i) => ['SELECT hidden_at FROM parent_note WHERE id = ?', i.motherNote]
			}),
			act({ url: (i) => `/student/reflections/${i.reflA}`, form: () => ({}), allowed: ['studentA'] })
		],
		showNote: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: (i) => ({ noteId: String(i.motherNote) }),
				check: (i) => ['SELECT hidden_at FROM parent_note WHERE id = ?', i.motherNote]
			}),
			act({ url: (i) => `/student/reflections/${i.reflA}`, form: () => ({}), allowed: ['studentA'] })
		],
		finish: [
			act({
				url: (i) => `/student/reflections/${i.reflAPrivate}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: (i) => ['SELECT finished_at FROM reflection WHERE id = ?', i.reflAPrivate]
			})
		],
		reopen: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: reflectionRow
			})
		],
		delete: [
			act({
				url: (i) => `/student/reflections/${i.reflA}`,
				form: () => ({}),
				allowed: ['studentA'],
				probe: 'skip',
				check: reflectionRow
			}),
			act({
				url: (i) => `/student/reflections/${i.refl2}`,
				form: () => ({}),
				check: (i) => ['SELECT deleted_at FROM reflection WHERE id = ?', i.refl2]
			})
		]
	}),
	...actions('/student/reflections/[id=id]/attachments', {
		upload: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/attachments`,
				form: () => ({}),
				multipart: true,
				allowed: ['studentA'],
				check: () => ['SELECT count(*) n FROM attachment']
			})
		],
		delete: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/attachments`,
				form: (i) => ({ attachmentId: String(i.attachmentA) }),
				allowed: ['studentA'],
				probe: 'skip',
				check: (i) => ['SELECT id FROM attachment WHERE id = ?', i.attachmentA]
			}),
			// Smuggled: A's attachment posted on B's own reflection page.
			act({
				url: (i) => `/student/reflections/${i.reflB}/attachments`,
				form: (i) => ({ attachmentId: String(i.attachmentA) }),
				check: (i) => ['SELECT id FROM attachment WHERE id = ?', i.attachmentA]
			})
		]
	}),
	...actions('/student/reflections/[id=id]/autosave', {
		POST: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/autosave`,
				json: true,
				form: (i) => ({
					title: 'authz-probe',
					doel: 'authz-probe',
					resultaat: '',
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor',
					competencies: [],
					version: i.reflAVersion
				}),
				allowed: ['studentA'],
				check: reflectionRow
			})
		]
	}),
	...actions('/student/reflections/[id=id]/edit', {
		save: [
			act({
				url: (i) => `/student/reflections/${i.reflA}/edit`,
				form: (i) => ({
					version: String(i.reflAVersion),
					title: 'authz-probe',
					doel: 'authz-probe',
					resultaat: '',
					evaluatie: '',
					vervolg: '',
					visibility: 'mentor'
				}),
				allowed: ['studentA'],
				check: reflectionRow
			})
		]
	})
};
