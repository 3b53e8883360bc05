// The LOB activities a school plans (DOMAIN.md §3): for one group, or for the whole school (groupId null).
import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ActivityType } from '../../portfolio';
import type { Viewer } from '../auth/viewer';
import { schoolScope } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { activity } from '../db/schema-portfolio';

export interface PlannedActivity {
	id: number;
	type: ActivityType;
	title: string;
	date: string | null;
	place: string;
}

/** The viewer's own open groups, as a subquery (a student's classes). */
function ownGroupIds(viewer: Viewer) {
	return sql`(select ${core.groupStudent.groupId} from ${core.groupStudent}
		inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
		where ${core.groupStudent.studentId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

function plannedScope(viewer: Viewer) {
	return and(
		schoolScope(viewer, activity.schoolId),
		or(isNull(activity.groupId), inArray(activity.groupId, ownGroupIds(viewer)))
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
