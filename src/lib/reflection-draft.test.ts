import { describe, expect, it } from 'vitest';
import {
	draftFromValues,
	draftKey,
	hasWords,
	sortOutCopies,
	missingForFinish,
	missingParts,
	parseDraft,
	sameContent,
	shouldOffer,
	type DraftContent
} from './reflection-draft';

const content: DraftContent = {
	title: 'Open dag',
	doel: 'Ik wilde weten hoe de school is.',
	resultaat: '',
	evaluatie: '',
	vervolg: '',
	visibility: 'mentor',
	competencies: ['motieven', 'kwaliteiten']
};

describe('local draft', () => {
	it('parses its own format and refuses anything else', () => {
		const raw = JSON.stringify({ baseVersion: 3, changedAt: 5, content });
		expect(parseDraft(raw)?.content.doel).toBe(content.doel);
		expect(parseDraft('not json')).toBeNull();
		expect(parseDraft(null)).toBeNull();
		expect(parseDraft(JSON.stringify({ baseVersion: 1, changedAt: 1, content: { title: 1 } }))).toBeNull();
		const odd = parseDraft(
			JSON.stringify({
				baseVersion: 1,
				changedAt: 1,
				content: { ...content, competencies: ['x', 'netwerken'] }
			})
		);
		expect(odd?.content.competencies).toEqual(['netwerken']);
	});

	it('is offered back only when it differs from the server copy', () => {
		const local = { baseVersion: 1, changedAt: 1, content };
		expect(shouldOffer(local, { ...content, competencies: ['kwaliteiten', 'motieven'] })).toBe(false);
		expect(shouldOffer(local, { ...content, doel: '' })).toBe(true);
		expect(shouldOffer(null, content)).toBe(false);
		expect(sameContent(content, { ...content, visibility: 'private' })).toBe(false);
	});

	it('names the empty parts', () => {
		expect(missingParts(content)).toEqual(['resultaat', 'evaluatie', 'vervolg']);
		expect(missingParts({ ...content, resultaat: 'x', evaluatie: ' y', vervolg: 'z' })).toEqual([]);
		expect(missingForFinish({ ...content, competencies: [] })).toEqual([
			'competencies',
			'resultaat',
			'evaluatie',
			'vervolg'
		]);
		const full = { ...content, resultaat: 'x', evaluatie: 'y', vervolg: 'z' };
		expect(missingForFinish({ ...full, competencies: ['netwerken'] })).toEqual([]);
	});

	it('reads echoed form values back, one checkbox or several', () => {
		expect(draftFromValues({ doel: 'x', competencies: 'netwerken', visibility: 'nope' })).toMatchObject({
			doel: 'x',
			resultaat: '',
			competencies: ['netwerken'],
			visibility: 'mentor'
		});
		expect(draftFromValues({ competencies: ['motieven', 'bad'], visibility: 'dossier' })).toMatchObject({
			competencies: ['motieven'],
			visibility: 'dossier'
		});
	});

	it('keeps one copy per tab, drops copies the server has, and offers the newest other text', () => {
		expect(draftKey(7, 'a')).not.toBe(draftKey(7, 'b'));
		const same = { key: 'k1', draft: { baseVersion: 1, changedAt: 9, content } };
		const older = {
			key: 'k2',
			draft: { baseVersion: 1, changedAt: 1, content: { ...content, doel: 'oud' } }
		};
		const newer = {
			key: 'k3',
			draft: { baseVersion: 1, changedAt: 5, content: { ...content, doel: 'nieuw' } }
		};
		const broken = { key: 'k4', draft: null };
		const sorted = sortOutCopies([same, older, newer, broken], content);
		expect(sorted.offer?.key).toBe('k3');
		expect(sorted.drop).toEqual(['k1', 'k4']);
	});

	it('saves a reflection not started yet only once it holds something the student put there', () => {
		const blank = { ...content, doel: '', competencies: [] };
		expect(hasWords(blank, 'Open dag')).toBe(false);
		expect(hasWords({ ...blank, title: ' Open dag ', doel: '  \n' }, 'Open dag')).toBe(false);
		expect(hasWords({ ...blank, title: '' }, 'Open dag')).toBe(false);
		expect(hasWords({ ...blank, doel: 'Ik' }, 'Open dag')).toBe(true);
		expect(hasWords({ ...blank, competencies: ['netwerken'] }, 'Open dag')).toBe(true);
		expect(hasWords({ ...blank, title: 'Mijn open dag' }, 'Open dag')).toBe(true);
	});
});
