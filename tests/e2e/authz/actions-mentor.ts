// The authorization matrix's form actions under /mentor: login codes, conversations, comments.
import { act, actions, comments, type ActionCase } from './rows';

export const MENTOR_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/mentor', {
		loginCode: [
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.A) }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.A]
			}),
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.Z) }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.Z]
			}),
			act({
				url: () => '/mentor',
				form: (i) => ({ studentId: String(i.S2) }),
				check: (i) => ['SELECT count(*) n FROM login_code WHERE user_id = ?', i.S2]
			})
		]
	}),
	...actions('/mentor/conversations', {
		plan: [
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `student:${i.A}`, plannedAt: '2027-04-01' }),
				allowed: ['mentorA'],
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `group:${i.groupZ}`, plannedAt: '2027-04-01' }),
				allowed: ['mentorOther'],
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `student:${i.S2}`, plannedAt: '2027-04-01' }),
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			}),
			act({
				url: () => '/mentor/conversations',
				form: (i) => ({ target: `group:${i.group2}`, plannedAt: '2027-04-01' }),
				refusedAlso: [400],
				check: () => ['SELECT count(*) n FROM conversation']
			})
		]
	}),
	...actions('/mentor/conversations/[id=id]', {
		agenda: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.conv2]
			})
		],
		inviteParent: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ on: 'on' }),
				allowed: ['mentorA'],
				probe: 'skip',
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			}),
			// A group conversation has no parents to invite; the other school's is out of scope.
			act({
				url: (i) => `/mentor/conversations/${i.convZ}`,
				form: () => ({ on: 'on' }),
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ on: 'on' }),
				check: () => ['SELECT * FROM conversation_parent_invite ORDER BY conversation_id']
			})
		],
		answer: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ body: 'authz-probe', summary: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => [
					'SELECT summary, (SELECT count(*) FROM summary_reply) n FROM conversation WHERE id = ?',
					i.convA
				]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.conv2}`,
				form: () => ({ body: 'authz-probe', summary: 'authz-probe' }),
				check: (i) => [
					'SELECT summary, (SELECT count(*) FROM summary_reply) n FROM conversation WHERE id = ?',
					i.conv2
				]
			})
		],
		record: [
			act({
				url: (i) => `/mentor/conversations/${i.convA}`,
				form: () => ({ summary: 'authz-probe' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT status, summary, mentor_note FROM conversation WHERE id = ?', i.convA]
			}),
			act({
				url: (i) => `/mentor/conversations/${i.convZ}`,
				form: () => ({ summary: 'authz-probe' }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT status, summary, mentor_note FROM conversation WHERE id = ?', i.convZ]
			})
		]
	}),
	...actions(
		'/mentor/students/[id=id]/reflections/[rid=id]',
		comments((i) => `/mentor/students/${i.A}/reflections/${i.reflA}`, 'mentorA')
	)
};
