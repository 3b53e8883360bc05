// A real OpenID Connect provider (panva's oidc-provider) for the end-to-end tests, with accounts that
// carry the attributes Entree Federatie and SURFconext release: a pseudonymous subject, the affiliation
// and the school's BRIN. Its development login screen accepts any of the account names below.
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 4390);
const appOrigin = process.env.APP_ORIGIN ?? 'http://localhost:4173';

/** @type {Record<string, Record<string, unknown>>} */
const ACCOUNTS = {
	'entree-leerling': {
		sub: 'a7f3c9e1-entree-leerling',
		given_name: 'Noor',
		family_name: 'Hoekstra',
		eduperson_affiliation: ['student'],
		nl_edu_person_home_organization_id: '99XX'
	},
	'entree-docent': {
		sub: 'b81d02aa-entree-docent',
		given_name: 'Pieter',
		family_name: 'Smits',
		email: 'p.smits@demo-college.nl',
		eduperson_affiliation: ['employee', 'faculty'],
		nl_edu_person_home_organization_id: '99XX'
	},
	'andere-school': {
		sub: 'c4410f9e-andere-school',
		given_name: 'Lisa',
		family_name: 'Mol',
		eduperson_affiliation: ['student'],
		nl_edu_person_home_organization_id: '00ZZ'
	},
	'zonder-rol': {
		sub: 'd0a2b7c3-zonder-rol',
		given_name: 'Sam',
		family_name: 'Berg',
		nl_edu_person_home_organization_id: '99XX'
	}
};

const provider = new Provider(`http://localhost:${port}`, {
	clients: [
		{
			client_id: 'koers',
			client_secret: 'koers-e2e-secret',
			redirect_uris: [`${appOrigin}/login/oidc/callback`],
			token_endpoint_auth_method: 'client_secret_post'
		}
	],
	claims: {
		openid: ['sub'],
		profile: ['given_name', 'family_name', 'eduperson_affiliation', 'nl_edu_person_home_organization_id'],
		email: ['email']
	},
	cookies: { keys: ['koers-e2e-cookie-key'] },
	features: { devInteractions: { enabled: true } },
	/** @param {unknown} _ctx @param {string} id */
	async findAccount(_ctx, id) {
		const account = ACCOUNTS[id];
		if (!account) return undefined;
		return { accountId: id, claims: async () => ({ ...account }) };
	}
});

provider.listen(port, () => {
	console.log(`test OpenID Connect provider on http://localhost:${port}`);
});
