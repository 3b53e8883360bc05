import { describe, expect, it } from 'vitest';
import { createTestDb, viewerOf } from '../testing';
import { seedDemo } from './seed';
import { listPeople } from '../school/people';

const ALL = { q: '', status: 'all', page: 1 } as const;

describe('second demo school', () => {
	it('is a school of its own: its admin sees only its own people', async () => {
		const db = createTestDb();
		const ctx = await seedDemo(db);
		expect(ctx.second.schoolId).not.toBe(ctx.schoolId);
		const theirs = listPeople(viewerOf(ctx.second.admin), ALL).rows.map((p) => p.username);
		expect(theirs).toContain('s.devries');
		expect(theirs).not.toContain('sanne.devries');
		const ours = listPeople(viewerOf(ctx.admin), ALL).rows.map((p) => p.username);
		expect(ours).toContain('sanne.devries');
		expect(ours).not.toContain('s.devries');
	});
});
