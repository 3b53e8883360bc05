// Single sign-on with OpenID Connect, as Entree Federatie (vo/mbo) and SURFconext (mbo/ho) offer it for
// service providers. Configured by environment; password login stays available next to it.
import * as client from 'openid-client';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { logger } from '../ops/logger';
import type { Locale } from '../../roles';

export const OIDC_COOKIE = 'koers_oidc';

export interface OidcSettings {
	issuer: string;
	clientId: string;
	clientSecret: string;
	label: string;
	affiliationClaim: string;
	schoolClaim: string;
}

export function oidcSettings(env: NodeJS.ProcessEnv = process.env): OidcSettings | null {
	if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return null;
	return {
		issuer: env.OIDC_ISSUER,
		clientId: env.OIDC_CLIENT_ID,
		clientSecret: env.OIDC_CLIENT_SECRET,
		label: env.OIDC_LABEL ?? 'Entree',
		affiliationClaim: env.OIDC_CLAIM_AFFILIATION ?? 'eduperson_affiliation',
		schoolClaim: env.OIDC_CLAIM_SCHOOL ?? 'nl_edu_person_home_organization_id'
	};
}

let discovered: { key: string; config: Promise<client.Configuration> } | undefined;

function configuration(s: OidcSettings): Promise<client.Configuration> {
	const key = `${s.issuer}|${s.clientId}`;
	if (!discovered || discovered.key !== key) {
		const url = new URL(s.issuer);
		// Plain http only for a provider on this machine (the tests' own provider); real IdPs are https.
		const local = url.protocol === 'http:' && ['localhost', '127.0.0.1'].includes(url.hostname);
		const config = client
			.discovery(
				url,
				s.clientId,
				s.clientSecret,
				undefined,
				local ? { execute: [client.allowInsecureRequests] } : undefined
			)
			.catch((err: unknown) => {
				discovered = undefined;
				throw err;
			});
		discovered = { key, config };
	}
	return discovered.config;
}

export interface FlowState {
	state: string;
	nonce: string;
	verifier: string;
	redirectTo: string;
}

export async function startLogin(s: OidcSettings, redirectUri: string, redirectTo: string) {
	const config = await configuration(s);
	const flow: FlowState = {
		state: client.randomState(),
		nonce: client.randomNonce(),
		verifier: client.randomPKCECodeVerifier(),
		redirectTo
	};
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: redirectUri,
		scope: 'openid profile email',
		code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
		code_challenge_method: 'S256',
		state: flow.state,
		nonce: flow.nonce
	});
	return { url, flow };
}

export type SsoError = 'failed' | 'unknown_school' | 'no_affiliation' | 'inactive';
export type SsoResult = { ok: true; userId: number; locale: Locale } | { ok: false; error: SsoError };

export interface SsoClaims {
	sub: string;
	affiliation: string[];
	school: string | null;
	givenName: string;
	familyName: string;
	email: string | null;
}

export async function finishLogin(s: OidcSettings, callbackUrl: URL, flow: FlowState): Promise<SsoResult> {
	let claims: SsoClaims;
	try {
		const config = await configuration(s);
		const tokens = await client.authorizationCodeGrant(config, callbackUrl, {
			pkceCodeVerifier: flow.verifier,
			expectedState: flow.state,
			expectedNonce: flow.nonce
		});
		const idClaims = tokens.claims();
		if (!idClaims) return { ok: false, error: 'failed' };
		// Federations put attributes in the ID token or only behind the userinfo endpoint: read both.
		const info = await client.fetchUserInfo(config, tokens.access_token, idClaims.sub);
		claims = readClaims(s, { ...info, ...idClaims });
	} catch (err) {
		logger.warn({ err }, 'oidc login failed');
		return { ok: false, error: 'failed' };
	}
	return linkAccount(s.issuer, claims);
}

function str(v: unknown): string {
	return typeof v === 'string' ? v.trim() : '';
}

export function readClaims(
	s: Pick<OidcSettings, 'affiliationClaim' | 'schoolClaim'>,
	raw: Record<string, unknown>
): SsoClaims {
	const aff = raw[s.affiliationClaim];
	const school = raw[s.schoolClaim];
	return {
		sub: str(raw.sub),
		affiliation: (Array.isArray(aff) ? aff : [aff])
			.map(str)
			.map((a) => a.replace(/@.*$/, '').toLowerCase())
			.filter(Boolean),
		school: str(Array.isArray(school) ? school[0] : school) || null,
		givenName: str(raw.given_name).slice(0, 100),
		familyName: str(raw.family_name).slice(0, 100),
		email: str(raw.email).slice(0, 200).toLowerCase() || null
	};
}

const EMPLOYEE = ['employee', 'faculty', 'staff'];

/** Finds or makes the Koers account for a federation identity. */
export function linkAccount(issuer: string, c: SsoClaims): SsoResult {
	if (!c.sub) return { ok: false, error: 'failed' };
	const db = getDb();
	return db.transaction((tx) => {
		const linked = tx
			.select({ userId: table.user.id, active: table.user.active, locale: table.user.locale })
			.from(table.externalIdentity)
			.innerJoin(table.user, eq(table.user.id, table.externalIdentity.userId))
			.where(and(eq(table.externalIdentity.issuer, issuer), eq(table.externalIdentity.subject, c.sub)))
			.get();
		if (linked)
			return linked.active
				? { ok: true, userId: linked.userId, locale: linked.locale }
				: { ok: false, error: 'inactive' };
		const school = c.school
			? tx
					.select({ id: table.school.id })
					.from(table.school)
					.where(sql`upper(${table.school.brin}) = upper(${c.school})`)
					.get()
			: undefined;
		if (!school) return { ok: false, error: 'unknown_school' } as const;
		const role = c.affiliation.includes('student')
			? 'student'
			: c.affiliation.some((a) => EMPLOYEE.includes(a))
				? 'staff'
				: null;
		if (!role) return { ok: false, error: 'no_affiliation' } as const;
		// An account the school already made (import, admin) is matched on its e-mail address.
		const byEmail = c.email
			? tx
					.select({ id: table.user.id, active: table.user.active, locale: table.user.locale })
					.from(table.user)
					.where(
						and(
							eq(table.user.schoolId, school.id),
							sql`lower(${table.user.email}) = ${c.email}`,
							// A parent account is never taken over by a school login (issue 20).
							sql`not exists (select 1 from ${table.userRole} where ${table.userRole.userId} = ${table.user.id} and ${table.userRole.role} = 'parent')`
						)
					)
					.all()
			: [];
		let account = byEmail.length === 1 ? byEmail[0] : undefined;
		if (account && !account.active) return { ok: false, error: 'inactive' } as const;
		if (!account) {
			const id = tx
				.insert(table.user)
				.values({
					schoolId: school.id,
					username: `sso-${crypto.randomUUID()}`,
					givenName: c.givenName || '—',
					familyName: c.familyName || '—',
					email: c.email
				})
				.returning({ id: table.user.id })
				.get().id;
			tx.insert(table.userRole).values({ userId: id, schoolId: school.id, role }).run();
			account = { id, active: true, locale: 'nl' };
		}
		tx.insert(table.externalIdentity)
			.values({ issuer, subject: c.sub, userId: account.id, schoolId: school.id })
			.run();
		return { ok: true, userId: account.id, locale: account.locale } as const;
	});
}
