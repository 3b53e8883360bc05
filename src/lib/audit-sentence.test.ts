import { describe, expect, it } from 'vitest';
import { auditFacts, auditSentence } from './audit-sentence';

const base = { actorName: 'Bea Beheer', actorRoles: 'admin', subjectName: 'Sanne de Vries' };

describe('audit sentences', () => {
	it('reads an import as counts in words, also in the older free-text form', () => {
		const json = JSON.stringify({
			file: 'magister.csv',
			kind: 'students',
			counts: { create: 8, update: 1, move: 2, leave: 0 }
		});
		const sentence = auditSentence({ ...base, action: 'import.apply', detail: json });
		expect(sentence).toBe(
			'Bea Beheer (beheerder) importeerde leerlingen uit magister.csv: 8 nieuw, 1 gewijzigd, 2 naar een andere groep, 0 van school af.'
		);
		const old =
			'magister.csv: {"create":8,"update":1,"move":2,"return":0,"unchanged":0,"leave":0,"newGroups":1}';
		expect(auditSentence({ ...base, action: 'import.apply', detail: old })).toBe(sentence);
		expect(sentence).not.toContain('{');
	});

	it('says what an import changed for one student', () => {
		const detail = JSON.stringify({
			file: 'somtoday.csv',
			changes: [
				{ field: 'givenName', from: 'Zoe', to: 'Zoë' },
				{ field: 'group', from: '3KB-A', to: '4KB-A' }
			]
		});
		expect(auditSentence({ ...base, action: 'import.change', detail })).toBe(
			'Bea Beheer (beheerder) wijzigde met de import van somtoday.csv de gegevens van Sanne de Vries: Roepnaam: Zoe → Zoë; Klas of groep: 3KB-A → 4KB-A.'
		);
	});

	it('names what a view showed', () => {
		const view = (detail: string) =>
			auditSentence({ ...base, actorRoles: 'mentor', action: 'portfolio.view', detail });
		expect(view(JSON.stringify({ seen: 'summary' }))).toBe(
			'Bea Beheer (mentor) bekeek het overzicht van Sanne de Vries: reflecties, doelen, zelfbeoordelingen en gesprekken.'
		);
		expect(view(JSON.stringify({ seen: 'home' }))).toBe(
			'Bea Beheer (mentor) bekeek wat Sanne de Vries thuis deelt.'
		);
		expect(view('')).toBe('Bea Beheer (mentor) bekeek het portfolio van Sanne de Vries.');
	});

	it('says which parent the school linked or unlinked', () => {
		const detail = JSON.stringify({ parent: 'Karin Bakker' });
		expect(auditSentence({ ...base, action: 'parent.link', detail })).toBe(
			'Bea Beheer (beheerder) koppelde ouder Karin Bakker aan Sanne de Vries.'
		);
		expect(auditSentence({ ...base, action: 'parent.unlink', detail })).toBe(
			'Bea Beheer (beheerder) beëindigde de koppeling van ouder Karin Bakker met Sanne de Vries.'
		);
	});

	it('names views and the system, never an action code', () => {
		expect(
			auditSentence({ ...base, actorRoles: 'mentor', action: 'reflection.view', detail: 'Meeloopdag' })
		).toBe('Bea Beheer (mentor) las de reflectie ‘Meeloopdag’ van Sanne de Vries.');
		expect(
			auditSentence({
				...base,
				actorName: null,
				action: 'schoolYear.start',
				detail: JSON.stringify({ name: '2027-2028', closedGroups: 4 })
			})
		).toBe('Schooljaar 2027-2028 ging in. 4 groepen van het vorige jaar zijn gesloten.');
		expect(auditFacts('user.update', 'bewaartermijn 3 jaar')).toEqual({ retentionYears: 3 });
	});
});
