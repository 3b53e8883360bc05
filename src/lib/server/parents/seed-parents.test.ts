import { expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createTestDb, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { seedDemo, DEMO_LOGINS } from '../demo/seed';
import { listChildren } from './links';
import {
	getHomeConversation,
	getHomeReflection,
	listHomeConversations,
	listHomeGoals,
	listHomeReflections
} from './home';
import { getReflectionHome } from './sharing';
import { DEMO_PARENT } from './seed-parents';

it("the demo links Sanne's mother, who sees a few shared reflections, a note and an invitation", async () => {
	createTestDb();
	const ctx = await seedDemo();
	const sanne = ctx.students.vmbo[0];
	expect(DEMO_LOGINS.some((l) => l.role === 'parent' && l.username === DEMO_PARENT.username)).toBe(true);
	const mother = getDb().select().from(core.user).where(eq(core.user.username, DEMO_PARENT.username)).get()!;
	const v = viewerOf(mother.id);
	expect(v.roles).toEqual(['parent']);
	expect(listChildren(v).map((c) => c.id)).toEqual([sanne]);
	const reflections = listHomeReflections(v, sanne);
	expect(reflections.length).toBeGreaterThanOrEqual(2);
	const noted = reflections.map((r) => getHomeReflection(v, sanne, r.id)!).filter((r) => r.myNote);
	expect(noted).toHaveLength(1);
	expect(getReflectionHome(viewerOf(sanne), noted[0].id)?.notes).toHaveLength(1);
	expect(listHomeGoals(v, sanne)?.length).toBeGreaterThan(0);
	const talks = listHomeConversations(v, sanne);
	expect(talks.find((t) => t.status === 'planned')).toMatchObject({ invited: true });
	const held = talks.find((t) => t.status === 'held')!;
	const detail = getHomeConversation(v, sanne, held.id)!;
	expect(detail.summary).toContain('zorg');
	expect(JSON.stringify(detail)).not.toContain('twijfelt');
});
