import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { getAccount } from '$lib/server/accounts';

export const load: PageServerLoad = () => {
	const viewer = requireUser();
	const account = getAccount(viewer);
	if (!account) error(404, 'Not found');
	return {
		account: {
			username: account.username,
			name: [account.givenName, account.familyNamePrefix, account.familyName].filter(Boolean).join(' '),
			locale: account.locale,
			hasPassword: !!account.hasPassword
		},
		roles: [...viewer.roles]
	};
};
