// A user with several roles gets the union of what each role allows, never more (DOMAIN.md §5; issue #15,
// part 2): a mentor page scopes through the mentor relation, whatever else the viewer may do.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { isHttpError } from '@sveltejs/kit';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import * as core from '../db/schema';
import { addGoal, addRating } from '../portfolio/growth';
import { addGroupMembers } from '../school/schools';
import { studentSummary } from './student-summary';
import { createLoginCode } from '../auth/accounts';
import type { CompetencyStat } from '../../growth-view';
import type { Viewer } from '../auth/viewer';

// The page's load runs as it would in a request: the guard reads the signed-in user from the event.
const request = vi.hoisted(() => ({ viewer: undefined as Viewer | undefined }));
vi.mock('$app/server', () => ({
	getRequestEvent: () => {
		const v = request.viewer;
		if (!v) throw new Error('no viewer');
		return {
			url: new URL('http://localhost/mentor/students/1'),
			locals: {
				user: {
					id: v.userId,
					schoolId: v.schoolId,
					roles: v.roles,
					locale: v.locale,
					mustChangePassword: false
				},
				session: { id: v.sessionId }
			}
		};
	}
}));
const { load } = await import('../../../routes/(app)/mentor/students/[id=id]/+page.server');

let cast: ReturnType<typeof makeCast>;
let adminMentor: number;
beforeEach(() => {
	createTestDb();
	cast = makeCast();
	// The functioneel beheerder who is also the mentor of 3KB-A.
	adminMentor = makeUser(cast.schoolA.schoolId, ['admin', 'mentor']);
	addGroupMembers({ schoolId: cast.schoolA.schoolId, groupId: cast.group, mentorIds: [adminMentor] });
	for (const studentId of [cast.studentA, cast.studentOtherGroup]) {
		const student = viewerOf(studentId);
		addGoal(student, { competency: null, title: 'Een mbo-opleiding kiezen', description: '', dueOn: null });
		addRating(student, { competency: 'motieven', level: 3, note: '' });
	}
});

const auditOf = (subjectId: number) =>
	getDb().select().from(core.auditEvent).where(eq(core.auditEvent.subjectId, subjectId)).all();

function openPage(viewer: Viewer, studentId: number) {
	request.viewer = viewer;
	return load({ params: { id: String(studentId) } } as Parameters<typeof load>[0]);
}

describe('an admin who is also a mentor', () => {
	it("reads their own mentee's goals and self-ratings on the mentor page", () => {
		const summary = studentSummary(viewerOf(adminMentor), cast.studentA);
		expect(summary?.goals).toMatchObject([{ title: 'Een mbo-opleiding kiezen' }]);
		const page = openPage(viewerOf(adminMentor), cast.studentA) as { stats: CompetencyStat[] };
		expect(page.stats.find((s) => s.competency === 'motieven')?.rating).toBe(3);
	});

	it('reads nothing of another student of the school there', () => {
		expect(studentSummary(viewerOf(adminMentor), cast.studentOtherGroup)).toBeUndefined();
		// As an admin alone, nothing either: an admin's students are accounts, not portfolios.
		expect(studentSummary(viewerOf(cast.admin), cast.studentA)).toBeUndefined();
	});

	it('gets a 404 for that student, and no "portfolio.view" is written against them', () => {
		let status = 0;
		try {
			openPage(viewerOf(adminMentor), cast.studentOtherGroup);
		} catch (e) {
			status = isHttpError(e) ? e.status : -1;
		}
		expect(status).toBe(404);
		expect(auditOf(cast.studentOtherGroup)).toEqual([]);
		// Their own mentee's page opens, and that look is recorded.
		const page = openPage(viewerOf(adminMentor), cast.studentA);
		expect(page).toMatchObject({ student: { id: cast.studentA } });
		expect(auditOf(cast.studentA)).toMatchObject([{ action: 'portfolio.view', actorId: adminMentor }]);
	});

	it("makes a login code from the mentor's overview for their own mentee only", () => {
		const viewer = viewerOf(adminMentor);
		expect(createLoginCode(viewer, cast.studentA, 'mentee.loginCode.create')).toBeDefined();
		expect(createLoginCode(viewer, cast.studentOtherGroup, 'mentee.loginCode.create')).toBeUndefined();
		// The admin's own page still makes one for any student of the school, as the admin role allows.
		expect(createLoginCode(viewer, cast.studentOtherGroup)).toBeDefined();
	});
});
