import { expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { listReflections } from '../portfolio/reflections';
import { listVersions } from '../portfolio/reflection-versions';
import { listPlannedActivities } from '../school/activities';

it('the demo gives Sanne several reflections with history, and her mentor only the shared finished ones', async () => {
	createTestDb();
	const ctx = await seedDemo();
	const sanne = viewerOf(ctx.students.vmbo[0]!);
	const own = listReflections(sanne, {}).items;
	expect(own.length).toBeGreaterThanOrEqual(4);
	expect(own.some((r) => !r.finished)).toBe(true);
	expect(Math.max(...own.map((r) => listVersions(sanne, r.id).length))).toBeGreaterThan(1);
	expect(listPlannedActivities(sanne).length).toBeGreaterThanOrEqual(3);
	const jansen = listReflections(viewerOf(ctx.mentors.jansen), {}).items;
	expect(jansen.length).toBeGreaterThan(0);
	expect(jansen.every((r) => r.finished && r.visibility !== 'private')).toBe(true);
	// Some students have written nothing yet.
	const silent = viewerOf(ctx.students.vmbo[3]!);
	expect(listReflections(silent, {}).total).toBe(0);
});
