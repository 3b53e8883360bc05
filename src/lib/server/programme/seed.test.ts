import { expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from '../demo/seed';
import { listProgramme } from './plan';
import { listMyActivities } from './student';
import { getProgrammeReach } from './reach';
import { listMentorActivities } from './follow';

it('the demo programme 2026-2027: past activities with reflections, some ahead, a gap the reach names', async () => {
	createTestDb();
	const ctx = await seedDemo();
	const coord = viewerOf(ctx.coordinator);
	const programme = listProgramme(coord, ctx.schoolYearId);
	expect(programme.length).toBeGreaterThanOrEqual(12);
	expect(programme.every((a) => a.competencies.length > 0 && a.organiser)).toBe(true);
	const sanne = viewerOf(ctx.students.vmbo[0]!);
	const mine = listMyActivities(sanne, { today: '2026-12-02' });
	const past = mine.filter((a) => a.past);
	const ahead = mine.filter((a) => !a.past);
	expect(past.some((a) => a.state === 'reflected')).toBe(true);
	expect(ahead.length).toBeGreaterThanOrEqual(3);
	// Nothing written yet about what is ahead (each state comes from her reflection on that activity).
	expect(ahead.every((a) => a.state === 'none' && a.reflectionId === null)).toBe(true);
	const reach = getProgrammeReach(coord, ctx.schoolYearId, 2)!;
	expect(reach.cohorts.find((c) => c.cohort.startsWith('mbo'))?.missing).toEqual(['netwerken']);
	expect(reach.activities.some((a) => a.reflected > 0)).toBe(true);
	expect(listMentorActivities(viewerOf(ctx.mentors.jansen)).some((a) => a.reflected > 0)).toBe(true);
});
