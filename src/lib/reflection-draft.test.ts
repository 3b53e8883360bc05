import { describe, expect, it } from 'vitest';
import {
	draftFromValues,
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
});
