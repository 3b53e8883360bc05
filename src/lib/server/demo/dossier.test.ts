import { expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { getDossier } from '../portfolio/dossier';
import { getProgress } from '../portfolio/dossier-progress';
import { listSignoffCounts } from '../portfolio/signoff';
import { readAttachment } from '../portfolio/attachments';

it('the demo gives Sanne a dossier with evidence, a sign-off "nog niet" and progress toward 3KB-A requirements', async () => {
	createTestDb();
	const ctx = await seedDemo();
	const sanne = viewerOf(ctx.students.vmbo[0]!);
	const dossier = getDossier(sanne)!;
	const entries = dossier.byCompetency.flatMap((g) => g.reflections);
	const gastles = entries.find((r) => r.title === 'Gastles verpleegkundige')!;
	expect(gastles.evidence.map((f) => f.mimeType).sort()).toEqual(['application/pdf', 'image/jpeg']);
	for (const f of gastles.evidence) expect(readAttachment(sanne, f.id)?.bytes.byteLength).toBe(f.size);
	expect(dossier.signoff).toMatchObject({ status: 'nog_niet', signedBy: 'Marieke Jansen' });
	expect(dossier.conversations.length).toBeGreaterThan(0);
	const progress = getProgress(sanne)!;
	expect(progress.cohort).toBe('vmbo-kb 3');
	expect(progress.conversations).toEqual({ held: 1, done: false });
	const kb3 = listSignoffCounts(viewerOf(ctx.coordinator))!.find((g) => g.groupId === ctx.groups.kb3)!;
	expect(kb3).toMatchObject({ afgerond: 1, nogNiet: 2 });
});
