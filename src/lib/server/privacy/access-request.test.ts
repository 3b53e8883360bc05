import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '../db';
import * as portfolio from '../db/schema-portfolio';
import * as dialog from '../db/schema-dialog';
import { createTestDb, makeCast, viewerOf } from '../testing';
import { buildMyData, dataSubject } from './access-request';
import { createLoginCode } from '../auth/accounts';
import { portfolioZip } from '../portfolio/portfolio-export';
import { openSafeZip } from '../portfolio/zip-reader';
import { fullName } from '$lib/names';

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

describe('the inzage ZIP', () => {
	let cast: ReturnType<typeof makeCast>;
	beforeEach(() => {
		createTestDb();
		cast = makeCast();
	});

	it('holds a readable index.html with the account, the groups and the mentors', async () => {
		const subject = dataSubject(viewerOf(cast.admin), cast.studentA)!;
		const zip = Buffer.from(
			await new Response(portfolioZip(subject, { withMentorNotes: true })).arrayBuffer()
		);
		const contents = await openSafeZip(zip, {
			maxEntries: 100,
			maxEntryBytes: 5_000_000,
			maxTotalBytes: 10_000_000,
			maxRatio: 1000
		});
		expect(contents.names).toEqual(
			expect.arrayContaining(['index.html', 'portfolio.json', 'mijn-gegevens.json'])
		);
		const html = (await contents.read('index.html'))!.toString('utf8');
		contents.close();
		const mine = buildMyData(subject)!;
		expect(html).toMatch(/^<!doctype html>/);
		for (const text of [
			mine.account!.name,
			mine.account!.username,
			mine.account!.studentNumber!,
			mine.groups[0].group,
			mine.groups[0].schoolYear,
			mine.groups[0].mentors[0].name
		])
			expect(html).toContain(text);
		expect(html).toContain('Je account');
		expect(html).toContain('Je groepen');
		expect(html).toContain('Je mentoren');
		expect(html).not.toMatch(/\S {2}\S/);
	});

	it('gives each group its period: from the school year’s start until the group closed, or still running', () => {
		const mine = buildMyData(viewerOf(cast.studentA))!;
		expect(mine.groups[0]).toMatchObject({ from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), until: null });
		expect(mine.account!.roles).toEqual(['student']);
	});
});

describe('names', () => {
	it('have no double space, whatever the prefix holds', () => {
		expect(fullName({ givenName: 'Sem', familyNamePrefix: ' ', familyName: 'Jansen' })).toBe('Sem Jansen');
	});
});
