import { beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { createTestDb, makeSchool } from '../testing';
import { linkAccount, oidcSettings, readClaims } from './oidc';
import { insertAccount } from '../school/schools';

const settings = {
	affiliationClaim: 'eduperson_affiliation',
	schoolClaim: 'nl_edu_person_home_organization_id'
};

describe('readClaims', () => {
	it('reads affiliation arrays and scoped values, the BRIN and the names', () => {
		expect(
			readClaims(settings, {
				sub: 'x1',
				eduperson_affiliation: ['Student@school.nl', 'member'],
				nl_edu_person_home_organization_id: ['12AB'],
				given_name: ' Noor ',
				family_name: 'Hoekstra',
				email: 'Noor@School.NL'
			})
		).toEqual({
			sub: 'x1',
			affiliation: ['student', 'member'],
			school: '12AB',
			givenName: 'Noor',
			familyName: 'Hoekstra',
			email: 'noor@school.nl'
		});
	});

	it('is off unless issuer, client id and secret are set', () => {
		expect(oidcSettings({})).toBeNull();
		expect(
			oidcSettings({ OIDC_ISSUER: 'https://idp', OIDC_CLIENT_ID: 'k', OIDC_CLIENT_SECRET: 's' })?.label
		).toBe('Entree');
	});
});

describe('linkAccount', () => {
	let schoolId: number;
	beforeEach(() => {
		createTestDb();
		schoolId = makeSchool('Het College').schoolId;
		getDb().update(table.school).set({ brin: '12AB' }).where(eq(table.school.id, schoolId)).run();
	});

	const base = {
		sub: 's1',
		affiliation: ['student'],
		school: '12ab',
		givenName: 'Noor',
		familyName: 'Hoekstra',
		email: null
	};

	it('creates a student once and finds the same account the next time', () => {
		const first = linkAccount('https://idp', base);
		const again = linkAccount('https://idp', base);
		expect(first).toMatchObject({ ok: true });
		expect(again).toEqual(first);
		const roles = getDb().select().from(table.userRole).all();
		expect(roles.map((r) => r.role)).toEqual(['student']);
	});

	it('links an employee to the account the school made, by e-mail', () => {
		const id = insertAccount({
			schoolId,
			username: 'p.smits',
			givenName: 'Pieter',
			familyName: 'Smits',
			email: 'p.smits@school.nl',
			roles: ['mentor']
		});
		expect(
			linkAccount('https://idp', {
				...base,
				sub: 's2',
				affiliation: ['employee'],
				email: 'p.smits@school.nl'
			})
		).toMatchObject({ ok: true, userId: id });
	});

	it('refuses an unknown school, a missing affiliation and a deactivated account', () => {
		expect(linkAccount('https://idp', { ...base, school: '00ZZ' })).toEqual({
			ok: false,
			error: 'unknown_school'
		});
		expect(linkAccount('https://idp', { ...base, school: null })).toEqual({
			ok: false,
			error: 'unknown_school'
		});
		expect(linkAccount('https://idp', { ...base, affiliation: [] })).toEqual({
			ok: false,
			error: 'no_affiliation'
		});
		const ok = linkAccount('https://idp', base);
		if (!ok.ok) throw new Error('expected an account');
		getDb().update(table.user).set({ active: false }).where(eq(table.user.id, ok.userId)).run();
		expect(linkAccount('https://idp', base)).toEqual({ ok: false, error: 'inactive' });
	});
});
