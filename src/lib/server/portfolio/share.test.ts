import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import type { ReflectionContent } from '../../schemas/reflections';
import { createReflection, saveReflection } from './reflection-save';
import { addAttachment } from './attachments';
import { createShare, listShares, listShareViews, openShare, readSharedFile, revokeShare } from './share';

const TODAY = '2026-12-02';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
let dir: string;
let cast: ReturnType<typeof makeCast>;
beforeAll(() => {
	dir = mkdtempSync(join(tmpdir(), 'koers-share-'));
	process.env.UPLOADS_PATH = dir;
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => {
	createTestDb();
	cast = makeCast();
});

function finished(studentId: number, over: Partial<ReflectionContent>) {
	const v = viewerOf(studentId);
	const id = createReflection(v, { activityType: 'stage' })!;
	const content: ReflectionContent = {
		title: 'Stage',
		doel: 'Doel',
		resultaat: 'Resultaat',
		evaluatie: 'Evaluatie',
		vervolg: 'Vervolg',
		visibility: 'dossier',
		competencies: ['werkexploratie'],
		...over
	};
	expect(saveReflection(v, id, 1, content, { finish: true })).toMatchObject({ finished: true });
	return id;
}

describe('share links', () => {
	it('show only the chosen part, count views, and stop when revoked or expired', async () => {
		const sanne = viewerOf(cast.studentA);
		const work = finished(cast.studentA, { title: 'Werk' });
		const net = finished(cast.studentA, { title: 'Netwerk', competencies: ['netwerken'] });
		finished(cast.studentA, { title: 'Prive', visibility: 'mentor' });
		const upload = await addAttachment(sanne, net, { name: 'netwerk.pdf', bytes: pdf });
		const file = upload?.ok ? upload.id : 0;
		const made = createShare(
			sanne,
			{ part: 'werkexploratie', recipient: 'ROC', expiresOn: '2026-12-31' },
			TODAY
		);
		if (!made?.ok) throw new Error('no link');
		const shown = openShare(made.token, TODAY)!;
		expect(shown.byCompetency.flatMap((g) => g.reflections.map((r) => r.id))).toEqual([work]);
		expect(shown.signoff).toBeNull();
		// A file of a reflection outside the part is not served.
		expect(readSharedFile(made.token, file, TODAY)).toBeUndefined();
		const all = createShare(sanne, { part: 'all', recipient: '', expiresOn: TODAY }, TODAY);
		if (!all?.ok) throw new Error('no link');
		expect(readSharedFile(all.token, file, TODAY)?.fileName).toBe('netwerk.pdf');
		openShare(made.token, TODAY);
		expect(listShareViews(sanne).map((s) => [s.part, s.views])).toEqual([['werkexploratie', 2]]);
		// Expired the day after its last day; revoked at once; another student cannot revoke it.
		expect(openShare(all.token, '2026-12-03')).toBeUndefined();
		expect(revokeShare(viewerOf(cast.studentB), listShares(sanne)[1].id)).toBe(false);
		expect(revokeShare(sanne, listShares(sanne)[1].id)).toBe(true);
		expect(openShare(made.token, TODAY)).toBeUndefined();
		expect(openShare('a'.repeat(32), TODAY)).toBeUndefined();
		expect(listShares(sanne, TODAY).map((s) => s.state)).toEqual(['active', 'revoked']);
	});

	it('refuse a past or far expiry, and nobody but the student makes one', () => {
		const sanne = viewerOf(cast.studentA);
		expect(createShare(sanne, { part: 'all', recipient: '', expiresOn: '2026-12-01' }, TODAY)).toEqual({
			ok: false,
			reason: 'past'
		});
		expect(createShare(sanne, { part: 'all', recipient: '', expiresOn: '2027-12-03' }, TODAY)).toEqual({
			ok: false,
			reason: 'far'
		});
		expect(
			createShare(viewerOf(cast.mentor), { part: 'all', recipient: '', expiresOn: TODAY }, TODAY)
		).toBeUndefined();
	});

	it('stop working when the student leaves the school', () => {
		const sanne = viewerOf(cast.studentA);
		const made = createShare(sanne, { part: 'all', recipient: '', expiresOn: TODAY }, TODAY);
		if (!made?.ok) throw new Error('no link');
		getDb().update(core.user).set({ active: false }).where(eq(core.user.id, cast.studentA)).run();
		expect(openShare(made.token, TODAY)).toBeUndefined();
	});
});
