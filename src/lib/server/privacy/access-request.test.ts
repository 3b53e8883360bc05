import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import * as dialog from '../db/schema-dialog';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { buildMyData, dataSubject } from './access-request';
import { createLoginCode } from '../auth/accounts';

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
		expect(mine.audit[0].who).not.toContain('  ');
		expect(mine.account).toMatchObject({ studentNumber: expect.any(String), username: expect.any(String) });
		expect(mine.groups).toHaveLength(1);
		expect(mine.groups[0].mentors).toHaveLength(1);
		expect(JSON.stringify(mine)).not.toContain('Werknotitie');
		expect(JSON.stringify(mine)).not.toContain(`Vraag aan ${cast.studentB}`);
	});

	it('is the student’s own', () => {
		expect(buildMyData(viewerOf(cast.mentor))).toBeUndefined();
		expect(buildMyData(viewerOf(cast.admin))).toBeUndefined();
	});
});

describe('an access request handled by the admin', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
		getDb()
			.insert(dialog.conversation)
			.values({
				schoolId: cast.schoolA.schoolId,
				studentId: cast.studentA,
				mentorId: cast.mentor,
				plannedAt: '2026-12-01',
				mentorNote: 'Werknotitie over A'
			})
			.run();
	});

	it('stands for a student of the admin’s own school only', () => {
		const admin = viewerOf(cast.admin);
		const subject = dataSubject(admin, cast.studentA);
		expect(subject).toMatchObject({
			userId: cast.studentA,
			schoolId: cast.schoolA.schoolId,
			roles: ['student']
		});
		expect(dataSubject(admin, cast.otherSchoolStudent)).toBeUndefined();
		expect(dataSubject(admin, cast.mentor)).toBeUndefined();
		expect(dataSubject(admin, 999_999)).toBeUndefined();
		expect(dataSubject(viewerOf(cast.otherSchoolAdmin), cast.studentA)).toBeUndefined();
	});

	it('is refused to mentors, coordinators and other students; a student is their own subject', () => {
		expect(dataSubject(viewerOf(cast.mentor), cast.studentA)).toBeUndefined();
		expect(dataSubject(viewerOf(cast.coordinator), cast.studentA)).toBeUndefined();
		expect(dataSubject(viewerOf(cast.studentB), cast.studentA)).toBeUndefined();
		expect(dataSubject(viewerOf(cast.studentA), cast.studentA)?.userId).toBe(cast.studentA);
	});

	it('holds the mentor’s working notes, which the self-service copy leaves out', () => {
		const subject = dataSubject(viewerOf(cast.admin), cast.studentA)!;
		expect(JSON.stringify(buildMyData(subject, { withMentorNotes: true }))).toContain('Werknotitie over A');
		expect(JSON.stringify(buildMyData(subject))).not.toContain('Werknotitie over A');
	});
});
