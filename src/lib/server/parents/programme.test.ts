import { beforeEach, describe, expect, it } from 'vitest';
import { createTestDb, makeCast, makeUser, viewerOf } from '../testing';
import { getDb } from '../db';
import { parentLink } from '../db/schema-parents';
import type { ActivityInput } from '../../schemas/programme';
import { createActivity, setCancelled } from '../programme/plan';
import { listHomeActivities } from './programme';
import { revokeParent, listMyParents } from './links';

let cast: ReturnType<typeof makeCast>;
let parent: number;
const TODAY = '2026-10-01';

function plan(over: Partial<ActivityInput>): number {
	const made = createActivity(viewerOf(cast.coordinator), {
		schoolYearId: cast.schoolA.schoolYearId,
		type: 'open_dag',
		title: 'Open dag',
		date: '2026-10-08',
		endDate: '',
		startTime: '',
		endTime: '',
		place: 'ROC',
		audience: 'groups',
		groups: [cast.group],
		cohorts: [],
		preparationQuestion: 'Welke opleiding wil je zien?',
		competencies: ['werkexploratie'],
		organiserId: cast.coordinator,
		matrixTaskId: '',
		...over
	});
	if (!made.ok) throw new Error('not planned');
	return made.id;
}

beforeEach(() => {
	createTestDb();
	cast = makeCast();
	parent = makeUser(cast.schoolA.schoolId, ['parent']);
	getDb()
		.insert(parentLink)
		.values({
			schoolId: cast.schoolA.schoolId,
			studentId: cast.studentA,
			parentId: parent,
			createdBy: cast.studentA
		})
		.run();
});

describe('upcoming activities for a parent', () => {
	it("shows the child's coming activities, soonest first, with cancelled ones marked", () => {
		plan({ title: 'Beroepenmarkt', type: 'beroepenmarkt', date: '2026-11-12', place: 'Sporthal' });
		const open = plan({});
		plan({ title: 'Voorbij', date: '2026-09-20' });
		plan({ title: 'Andere groep', groups: [cast.otherGroup] });
		const cancelled = plan({ title: 'Bedrijfsbezoek', type: 'bedrijfsbezoek', date: '2026-10-20' });
		setCancelled(viewerOf(cast.coordinator), cancelled, true);
		const list = listHomeActivities(viewerOf(parent), cast.studentA, TODAY);
		expect(list.map((a) => [a.title, a.date, a.place, a.cancelled])).toEqual([
			['Open dag', '2026-10-08', 'ROC', false],
			['Bedrijfsbezoek', '2026-10-20', 'ROC', true],
			['Beroepenmarkt', '2026-11-12', 'Sporthal', false]
		]);
		expect(list[0]).toEqual({
			id: open,
			type: 'open_dag',
			title: 'Open dag',
			date: '2026-10-08',
			endDate: null,
			startTime: null,
			endTime: null,
			place: 'ROC',
			cancelled: false
		});
	});

	it('shows nothing of a child not linked (or no longer), nor to anyone but the parent', () => {
		plan({});
		expect(listHomeActivities(viewerOf(parent), cast.studentB, TODAY)).toEqual([]);
		expect(listHomeActivities(viewerOf(cast.studentA), cast.studentA, TODAY)).toEqual([]);
		expect(listHomeActivities(viewerOf(cast.mentor), cast.studentA, TODAY)).toEqual([]);
		const student = viewerOf(cast.studentA);
		revokeParent(student, listMyParents(student)[0].linkId);
		expect(listHomeActivities(viewerOf(parent), cast.studentA, TODAY)).toEqual([]);
	});
});
