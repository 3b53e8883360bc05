// The authorization matrix's form actions for the LOB dossier (issue 19).
import { STUDENTS } from './expect';
import { act, actions, type ActionCase } from './rows';

export const DOSSIER_ACTIONS: Record<string, ActionCase[]> = {
	// Issue 19: the decaan's requirements, the mentor's sign-off, the student's share links.
	...actions('/coordinator/dossier', {
		save: [
			act({
				url: () => '/coordinator/dossier',
				form: () => ({ cohort: 'authz-probe', perCompetency: '3', conversations: '3', vervolgGoal: 'on' }),
				allowed: ['coordinator'],
				check: () => ["SELECT count(*) n FROM dossier_requirement WHERE cohort = 'authz-probe'"]
			})
		]
	}),
	...actions('/mentor/students/[id=id]/dossier', {
		signoff: [
			act({
				url: (i) => `/mentor/students/${i.A}/dossier`,
				form: () => ({ status: 'afgerond' }),
				allowed: ['mentorA'],
				check: (i) => ['SELECT status, reason, signed_at FROM dossier_signoff WHERE student_id = ?', i.A]
			}),
			act({
				url: (i) => `/mentor/students/${i.Z}/dossier`,
				form: () => ({ status: 'nog_niet', reason: 'authz-probe' }),
				allowed: ['mentorOther'],
				check: (i) => ['SELECT status, reason, signed_at FROM dossier_signoff WHERE student_id = ?', i.Z]
			})
		]
	}),
	...actions('/student/dossier/share', {
		create: [
			act({
				url: () => '/student/dossier/share',
				form: () => ({ part: 'all', recipient: 'authz-probe', expiresOn: '2027-06-30' }),
				allowed: STUDENTS,
				check: () => ["SELECT count(*) n FROM dossier_share WHERE recipient = 'authz-probe'"]
			})
		],
		// Smuggled: B stops A's link from B's own page.
		revoke: [
			act({
				url: () => '/student/dossier/share',
				form: (i) => ({ shareId: String(i.shareA) }),
				allowed: ['studentA'],
				check: (i) => ['SELECT revoked_at FROM dossier_share WHERE id = ?', i.shareA]
			})
		]
	}),
	...actions('/student/transfer', {
		import: [
			act({
				url: () => '/student/transfer',
				form: () => ({}),
				multipart: true,
				allowed: STUDENTS,
				check: () => ['SELECT count(*) n FROM transfer']
			})
		],
		// Smuggled: B undoes A's transfer from B's own page.
		undo: [
			act({
				url: () => '/student/transfer',
				form: (i) => ({ transferId: String(i.transferA), confirm: 'yes' }),
				allowed: ['studentA'],
				check: (i) => ['SELECT id FROM transfer WHERE id = ?', i.transferA]
			})
		]
	})
};
