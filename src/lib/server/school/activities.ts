// The LOB activities a school plans (DOMAIN.md §3) that a student can start a reflection about.
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { ActivityType } from '../../portfolio';
import type { Viewer } from '../auth/viewer';
import { schoolScope } from '../access';
import { getDb, type Db } from '../db';
import { activitiesOfStudent } from '../programme/audience';
import { activity } from '../db/schema-portfolio';

export interface PlannedActivity {
	id: number;
	type: ActivityType;
	title: string;
	date: string | null;
	place: string;
}

// Invited through the student's own open groups (programme/audience.ts); cancelled ones are not offered.
function plannedScope(viewer: Viewer) {
	return and(
		schoolScope(viewer, activity.schoolId),
		isNull(activity.cancelledAt),
		inArray(activity.id, activitiesOfStudent(viewer.userId, viewer.schoolId))
	);
}

const columns = {
	id: activity.id,
	type: activity.type,
	title: activity.title,
	date: activity.date,
	place: activity.place
};

/** Planned activities a student can reflect on: school-wide ones and those of their own groups. */
export function listPlannedActivities(viewer: Viewer, db: Db = getDb()): PlannedActivity[] {
	return db
		.select(columns)
		.from(activity)
		.where(plannedScope(viewer))
		.orderBy(desc(activity.date), desc(activity.id))
		.limit(50)
		.all();
}

export function getPlannedActivity(
	viewer: Viewer,
	id: number,
	db: Db = getDb()
): PlannedActivity | undefined {
	return db
		.select(columns)
		.from(activity)
		.where(and(eq(activity.id, id), plannedScope(viewer)))
		.get();
}
