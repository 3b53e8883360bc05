import { describe, expect, it } from 'vitest';
import { fullName, sortName } from './names';

const lotte = { givenName: 'Lotte', familyNamePrefix: 'van den', familyName: 'Berg' };
const sem = { givenName: 'Sem', familyNamePrefix: '', familyName: 'Jansen' };

describe('names', () => {
	it('writes the full name with the prefix between given and family name', () => {
		expect(fullName(lotte)).toBe('Lotte van den Berg');
		expect(fullName(sem)).toBe('Sem Jansen');
	});

	it('leaves out missing parts without double spaces', () => {
		expect(fullName({ givenName: null, familyNamePrefix: null, familyName: 'Berg' })).toBe('Berg');
		expect(fullName({ givenName: null, familyNamePrefix: null, familyName: null })).toBe('');
	});

	it('sorts by family name with the prefix after the given name', () => {
		expect(sortName(lotte)).toBe('Berg, Lotte van den');
		expect(sortName(sem)).toBe('Jansen, Sem');
		expect([sortName(sem), sortName(lotte)].sort()).toEqual(['Berg, Lotte van den', 'Jansen, Sem']);
	});
});
