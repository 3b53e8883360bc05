// The authorization matrix's form actions for one's own account, and the public and session ones.
import { everyone, SINGLE } from './expect';
import { act, actions, type ActionCase } from './rows';

export const ACCOUNT_ACTIONS: Record<string, ActionCase[]> = {
	...actions('/account/password', {
		default: [
			act({
				url: () => '/account/password',
				form: () => ({
					currentPassword: 'x',
					newPassword: 'Authz-probe-2026',
					repeatPassword: 'Authz-probe-2026'
				}),
				allowed: [...SINGLE]
			})
		]
	}),
	...actions('/account', {
		// Smuggled: student A's session id, posted by everyone else from their own account page.
		endSession: [
			act({
				url: () => '/account',
				form: (i) => ({ sessionId: i.sessionA }),
				allowed: ['studentA'],
				check: (i) => ['SELECT id FROM session WHERE id = ?', i.sessionA]
			})
		],
		// Signed in, this ends the actor's other sessions, which tests running alongside may be using.
		endOthers: [act({ url: () => '/account', form: () => ({}), exact: { anonymous: 'login' } })]
	})
};

export const SESSION_ACTIONS: Record<string, ActionCase[]> = {
	// Public and session actions: exact outcomes. Signing out for real is in sessions.test.ts.
	...actions('/login', {
		default: [
			act({
				url: () => '/login',
				form: () => ({ username: '', password: '' }),
				exact: everyone('→/', 400)
			})
		]
	}),
	...actions('/login/parent', {
		// An incomplete form: 400 (signed in: "sign out first"), and no account is made.
		default: [
			act({
				url: () => '/login/parent',
				form: () => ({ code: '' }),
				// A signed-in parent is sent on to /parent by the page's load, as on a GET.
				exact: { ...everyone(400, 400), parent: '→/parent?code=' },
				check: () => ['SELECT count(*) n FROM user']
			})
		]
	}),
	...actions('/login/code', {
		default: [act({ url: () => '/login/code', form: () => ({ code: '' }), exact: everyone(400, 400) })]
	}),
	...actions('/language', {
		default: [act({ url: () => '/language', form: () => ({ locale: 'xx' }), exact: everyone('→/', '→/') })]
	}),
	...actions('/logout', {
		default: [act({ url: () => '/logout', form: () => ({}), exact: { anonymous: 'login' } })]
	})
};
