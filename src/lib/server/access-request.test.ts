import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from './db';
import * as portfolio from './db/schema-portfolio';
import * as dialog from './db/schema-dialog';
import { createTestDb, makeCast, viewerOf } from './testing';
import { buildMyData } from './access-request';
import { createLoginCode } from './accounts';

describe('my data (right of access)', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
		const db = getDb();
		const schoolId = cast.schoolA.schoolId;
		for (const studentId of [cast.studentA, cast.studentB]) {
			const r = db
				.insert(portfolio.reflection)
				.values({ schoolId, studentId, activityType: 'stage', finishedAt: new Date(), visibility: 'mentor' })
				.returning({ id: portfolio.reflection.id })
				.get();
			db.insert(dialog.comment)
				.values({ schoolId, reflectionId: r.id, authorId: cast.mentor, body: `Vraag aan ${studentId}` })
				.run();
			db.insert(dialog.conversation)
				.values({
					schoolId,
					studentId,
					mentorId: cast.mentor,
					plannedAt: '2026-12-01',
					summary: `Samenvatting ${studentId}`,
					mentorNote: 'Werknotitie'
				})
				.run();
		}
		createLoginCode(viewerOf(cast.mentor), cast.studentA);
	});

	it('holds my comments, conversations and audit entries, nobody else’s, and no mentor working note', () => {
		const mine = buildMyData(viewerOf(cast.studentA))!;
		expect(mine.comments.map((c) => c.text)).toEqual([`Vraag aan ${cast.studentA}`]);
		expect(mine.conversations.map((c) => c.summary)).toEqual([`Samenvatting ${cast.studentA}`]);
		expect(mine.audit.map((a) => a.action)).toEqual(['loginCode.create']);
		expect(JSON.stringify(mine)).not.toContain('Werknotitie');
		expect(JSON.stringify(mine)).not.toContain(`Vraag aan ${cast.studentB}`);
	});

	it('is the student’s own', () => {
		expect(buildMyData(viewerOf(cast.mentor))).toBeUndefined();
		expect(buildMyData(viewerOf(cast.admin))).toBeUndefined();
	});
});
