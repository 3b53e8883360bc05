import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDb, makeCast, viewerOf } from '../testing';
import * as portfolio from '../db/schema-portfolio';
import type { Db } from '../db';
import { getDossier } from './dossier';
import {
	buildPortfolioExport,
	EXPORT_SCHEMA_VERSION,
	exportIndexHtml,
	portfolioZip
} from './portfolio-export';
import { addAttachment } from './attachments';
import { addGoal, addRating, setGoalStatus } from './growth';
import { goalSchema, ratingSchema } from '../../schemas/growth';

let dir: string;
let db: Db;
let cast: ReturnType<typeof makeCast>;

function reflection(studentId: number, values: Partial<typeof portfolio.reflection.$inferInsert> = {}) {
	return db
		.insert(portfolio.reflection)
		.values({ schoolId: cast.schoolA.schoolId, studentId, activityType: 'stage', ...values })
		.returning({ id: portfolio.reflection.id })
		.get().id;
}
function tag(
	reflectionId: number,
	...cs: (typeof portfolio.reflectionCompetency.$inferInsert)['competency'][]
) {
	db.insert(portfolio.reflectionCompetency)
		.values(cs.map((competency) => ({ reflectionId, competency, schoolId: cast.schoolA.schoolId })))
		.run();
}
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-export-'));
	process.env.UPLOADS_PATH = dir;
});
afterAll(() => {
	rmSync(dir, { recursive: true, force: true });
	delete process.env.UPLOADS_PATH;
});
beforeEach(() => {
	db = createTestDb();
	cast = makeCast();
});

describe('dossier', () => {
	it('shows finished dossier reflections once, under their first competency, and no one else’s', () => {
		const me = viewerOf(cast.studentA);
		const done = new Date();
		const shown = reflection(cast.studentA, {
			visibility: 'dossier',
			finishedAt: done,
			title: 'Stage',
			doel: 'D'
		});
		tag(shown, 'netwerken', 'kwaliteiten');
		tag(reflection(cast.studentA, { visibility: 'dossier', title: 'Concept' }), 'kwaliteiten');
		tag(reflection(cast.studentA, { visibility: 'mentor', finishedAt: done }), 'kwaliteiten');
		tag(reflection(cast.studentB, { visibility: 'dossier', finishedAt: done }), 'kwaliteiten');
		reflection(cast.studentA, { visibility: 'dossier', finishedAt: done, title: 'Zonder vraag' });
		addRating(me, ratingSchema.parse({ competency: 'motieven', level: '2' }));
		const dropped = addGoal(me, goalSchema.parse({ title: 'gestopt' }))!;
		setGoalStatus(me, dropped, 'dropped');
		addGoal(me, goalSchema.parse({ title: 'open' }));

		const d = getDossier(me)!;
		expect(d.byCompetency.map((g) => [g.competency, g.reflections.map((r) => r.title)])).toEqual([
			['kwaliteiten', ['Stage']],
			[null, ['Zonder vraag']]
		]);
		expect(d.ratings[1]?.level).toBe(2);
		expect(d.ratings[0]).toBeNull();
		expect(d.goals.map((g) => g.title)).toEqual(['open']);
		expect(d.owner.name).toMatch(/^Voornaam/);
	});
});

describe('portfolio export', () => {
	it('holds every own reflection, rating, goal and file in schema version 1', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA, { visibility: 'private', title: 'Geheim', vervolg: 'Verder' });
		tag(r, 'motieven');
		reflection(cast.studentB, { title: 'Van een ander' });
		await addAttachment(me, r, { name: 'certificaat.pdf', bytes: pdf });
		addRating(me, ratingSchema.parse({ competency: 'motieven', level: '1' }));
		addRating(me, ratingSchema.parse({ competency: 'motieven', level: '3' }));
		addGoal(me, goalSchema.parse({ title: 'Doel', dueOn: '2027-01-15' }));

		const { json, files } = buildPortfolioExport(me, new Date('2026-11-30T10:00:00Z'));
		expect(json.schemaVersion).toBe(EXPORT_SCHEMA_VERSION);
		expect(json.exportedAt).toBe('2026-11-30T10:00:00.000Z');
		expect(json.reflections).toHaveLength(1);
		expect(json.reflections[0]).toMatchObject({
			title: 'Geheim',
			competencies: ['motieven'],
			visibility: 'private',
			parts: { doel: '', resultaat: '', evaluatie: '', vervolg: 'Verder' },
			finishedAt: null
		});
		expect(json.reflections[0].attachments).toMatchObject([
			{ fileName: 'certificaat.pdf', mimeType: 'application/pdf', path: files[0].path }
		]);
		expect(files[0].path).toMatch(/^attachments\/\d+\/\d+-certificaat\.pdf$/);
		expect(json.selfRatings.map((x) => x.level)).toEqual([1, 3]);
		expect(json.goals).toMatchObject([{ title: 'Doel', dueOn: '2027-01-15', status: 'open' }]);
		expect(JSON.stringify(json)).not.toContain('storageKey');
	});

	it('streams a ZIP that starts with portfolio.json', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA);
		await addAttachment(me, r, { name: 'bewijs.pdf', bytes: pdf });
		const bytes = Buffer.from(await new Response(portfolioZip(me)).arrayBuffer());
		expect(bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
		expect(bytes.includes(Buffer.from('portfolio.json'))).toBe(true);
		expect(bytes.includes(Buffer.from('index.html'))).toBe(true);
		expect(bytes.includes(Buffer.from('bewijs.pdf'))).toBe(true);
	});

	it('index.html shows the portfolio readably, escapes what the student wrote, and points at the files', async () => {
		const me = viewerOf(cast.studentA);
		const r = reflection(cast.studentA, {
			title: '<script>alert(1)</script>',
			doel: 'Ik wilde "zien" & doen'
		});
		tag(r, 'netwerken');
		await addAttachment(me, r, { name: 'mijn bewijs.pdf', bytes: pdf });
		const { json, files } = buildPortfolioExport(me);
		const html = exportIndexHtml(json);
		expect(html).toMatch(/^<!doctype html>/);
		expect(html).not.toContain('<script>alert(1)');
		expect(html).toContain('&lt;script>alert(1)&lt;/script>');
		expect(html).toContain('Ik wilde "zien" &amp; doen');
		expect(html).toContain(`href="${files[0].path.replace(' ', '%20')}"`);
		expect(html).toContain('Wie kan mij helpen?');
	});
});
