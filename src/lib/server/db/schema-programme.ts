// The school's LOB programme (issue 18): who each planned activity is for, which competencies it serves,
// and the students' secret calendar feeds. The activity itself is `activity` in schema-portfolio.ts.
import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { COMPETENCY_SLUGS } from '../../competencies';
import { group, school, user } from './schema';
import { activity } from './schema-portfolio';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const activityRef = () =>
	integer('activity_id')
		.notNull()
		.references(() => activity.id, { onDelete: 'cascade' });
const schoolRef = () =>
	integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' });

/** The chosen groups of an activity whose audience is 'groups'. */
export const activityGroup = sqliteTable(
	'activity_group',
	{
		activityId: activityRef(),
		groupId: integer('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		schoolId: schoolRef()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.groupId] }), index('activity_group_group_idx').on(t.groupId)]
);

/** The leerjaren/levels of an activity whose audience is 'cohorts': a group's programme, e.g. "vmbo-kb 3". */
export const activityCohort = sqliteTable(
	'activity_cohort',
	{
		activityId: activityRef(),
		cohort: text('cohort').notNull(),
		schoolId: schoolRef()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.cohort] })]
);

/** The competencies an activity mainly serves (DOMAIN.md §1). */
export const activityCompetency = sqliteTable(
	'activity_competency',
	{
		activityId: activityRef(),
		competency: text('competency', { enum: COMPETENCY_SLUGS }).notNull(),
		schoolId: schoolRef()
	},
	(t) => [primaryKey({ columns: [t.activityId, t.competency] })]
);

/** A student's personal calendar feed: only the SHA-256 of the secret in its URL is kept. */
export const calendarFeed = sqliteTable('calendar_feed', {
	userId: integer('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	schoolId: schoolRef(),
	tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});
