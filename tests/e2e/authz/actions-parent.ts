// The authorization matrix's form actions under /parent: linking a child, notes, agenda points.
import { act, actions, type ActionCase } from './rows';

export const PARENT_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/parent', {
		link: [
			act({
				url: () => '/parent',
				form: () => ({ code: 'AUTHZPROBE' }),
				allowed: ['parent'],
				check: () => ['SELECT id, student_id, parent_id, revoked_at FROM parent_link ORDER BY id']
			})
		]
	}),
	...actions('/parent/[studentId=id]/reflections/[rid=id]', {
		note: [
			act({
				url: (i) => `/parent/${i.sanne}/reflections/${i.reflHome}`,
				form: () => ({ body: 'authz-probe' }),
				allowed: ['parent'],
				check: (i) => ['SELECT body, hidden_at FROM parent_note WHERE reflection_id = ?', i.reflHome]
			}),
			// Smuggled: a note on a reflection Sanne keeps to herself, and on another student's.
			act({
				url: (i) => `/parent/${i.sanne}/reflections/${i.reflSanneHidden}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM parent_note']
			}),
			act({
				url: (i) => `/parent/${i.A}/reflections/${i.reflA}`,
				form: () => ({ body: 'authz-probe' }),
				check: () => ['SELECT count(*) n FROM parent_note']
			})
		]
	}),
	...actions('/parent/[studentId=id]/conversations/[cid=id]', {
		point: [
			act({
				url: (i) => `/parent/${i.sanne}/conversations/${i.convOther}`,
				form: () => ({ text: 'authz-probe' }),
				allowed: ['parent'],
				check: (i) => [
					'SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?',
					i.convOther
				]
			}),
			act({
				url: (i) => `/parent/${i.A}/conversations/${i.convA}`,
				form: () => ({ text: 'authz-probe' }),
				check: (i) => ['SELECT count(*) n FROM conversation_agenda_item WHERE conversation_id = ?', i.convA]
			})
		]
	})
};
