// The student portfolio (issue 3): reflections on the five competencies, their versions, evidence,
// self-ratings and goals. Every row carries its school and its student.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COMPETENCY_SLUGS } from '../../competencies';
import { ACTIVITY_TYPES, VISIBILITIES, GOAL_STATUSES } from '../../portfolio';
import { AUDIENCES } from '../../programme';
import { group, school, schoolYear, user } from './schema';
import { matrixTask } from './schema-matrix';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** An LOB activity the school plans for groups (a date, a place); students reflect on it. */
export const activity = sqliteTable(
	'activity',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
		title: text('title').notNull(),
		date: text('date'),
		place: text('place').notNull().default(''),
		// Before 0011 an activity had one group; since then who is invited is in `audience` and
		// activity_group / activity_cohort (schema-programme.ts). Kept only so older rows migrate.
		groupId: integer('group_id').references(() => group.id, { onDelete: 'set null' }),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		// The school's LOB programme (issue 18, migration 0011).
		schoolYearId: integer('school_year_id').references(() => schoolYear.id, { onDelete: 'cascade' }),
		endDate: text('end_date'),
		startTime: text('start_time'),
		endTime: text('end_time'),
		audience: text('audience', { enum: AUDIENCES }).notNull().default('school'),
		preparationQuestion: text('preparation_question').notNull().default(''),
		organiserId: integer('organiser_id').references(() => user.id, { onDelete: 'set null' }),
		matrixTaskId: integer('matrix_task_id').references(() => matrixTask.id, { onDelete: 'set null' }),
		// Cancelled activities stay: students keep what they wrote, marked "afgelast".
		cancelledAt: integer('cancelled_at', { mode: 'timestamp_ms' }),
		// Copied from last year with its dates moved: the coordinator still has to check it.
		needsCheck: integer('needs_check', { mode: 'boolean' }).notNull().default(false),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('activity_school_date_idx').on(t.schoolId, t.date),
		index('activity_year_date_idx').on(t.schoolYearId, t.date)
	]
);

/**
 * A portfolio a student brought from their previous school (doorstroom vmbo → mbo): the export's
 * portfolio.json read back in. What came in carries its transferId, so it shows where it came from and
 * the student can undo the import as a whole.
 */
export const transfer = sqliteTable(
	'transfer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		fromSchool: text('from_school').notNull(),
		exportedAt: integer('exported_at', { mode: 'timestamp_ms' }).notNull(),
		// SHA-256 of portfolio.json: the same file is not read in twice.
		contentHash: text('content_hash').notNull(),
		reflections: integer('reflections').notNull(),
		goals: integer('goals').notNull(),
		ratings: integer('ratings').notNull(),
		files: integer('files').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('transfer_student_hash_uq').on(t.studentId, t.contentHash)]
);

export const reflection = sqliteTable(
	'reflection',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		activityId: integer('activity_id').references(() => activity.id, { onDelete: 'set null' }),
		// The experience, copied from the planned activity or typed by the student.
		activityType: text('activity_type', { enum: ACTIVITY_TYPES }).notNull(),
		activityDate: text('activity_date'),
		activityPlace: text('activity_place').notNull().default(''),
		title: text('title').notNull().default(''),
		// The four parts the vmbo exam programme (C2) asks for.
		doel: text('doel').notNull().default(''),
		resultaat: text('resultaat').notNull().default(''),
		evaluatie: text('evaluatie').notNull().default(''),
		vervolg: text('vervolg').notNull().default(''),
		visibility: text('visibility', { enum: VISIBILITIES }).notNull().default('mentor'),
		// Optimistic concurrency: a save names the version it started from; a stale one is a conflict.
		version: integer('version').notNull().default(1),
		// null while the student is still writing; a draft is seen by the student only.
		finishedAt: integer('finished_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' }),
		// Set when it came with a portfolio from the student's previous school.
		transferId: integer('transfer_id').references(() => transfer.id, { onDelete: 'cascade' }),
		// The state of the comment thread, kept by triggers on comment (migration 0005), never by the app:
		// someone other than the student commented, and the last word is the student's after that. The
		// mentor overview and feedback queue read these instead of searching every thread.
		staffAnswered: integer('staff_answered', { mode: 'boolean' }).notNull().default(false),
		replyWaiting: integer('reply_waiting', { mode: 'boolean' }).notNull().default(false),
		// The editor's key for a reflection that did not exist yet: a repeated first save finds its row
		// instead of starting a second one.
		startKey: text('start_key')
	},
	(t) => [
		uniqueIndex('reflection_start_key_uq')
			.on(t.studentId, t.startKey)
			.where(sql`start_key is not null`),
		index('reflection_student_updated_idx').on(t.studentId, t.updatedAt),
		index('reflection_school_idx').on(t.schoolId),
		// The programme asks per activity who prepared and who reflected (mentor's activity page, reach).
		index('reflection_activity_idx')
			.on(t.activityId, t.studentId)
			.where(sql`activity_id is not null`),
		// What mentors see (finished, not deleted), per student, with every column the mentor overview and
		// feedback queue read: those pages are answered from this index without touching the table.
		index('reflection_shared_idx')
			.on(
				t.studentId,
				t.visibility,
				t.staffAnswered,
				t.replyWaiting,
				t.finishedAt,
				t.updatedAt,
				t.activityDate,
				t.createdAt,
				t.schoolId,
				t.deletedAt
			)
			.where(sql`deleted_at is null and finished_at is not null`)
	]
);

export const reflectionCompetency = sqliteTable(
	'reflection_competency',
	{
		reflectionId: integer('reflection_id')
			.notNull()
			.references(() => reflection.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		competency: text('competency', { enum: COMPETENCY_SLUGS }).notNull()
	},
	(t) => [primaryKey({ columns: [t.reflectionId, t.competency] })]
);

/** Every saved state of a reflection, so earlier versions can be viewed and nothing is overwritten. */
export const reflectionVersion = sqliteTable(
	'reflection_version',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		reflectionId: integer('reflection_id')
			.notNull()
			.references(() => reflection.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		version: integer('version').notNull(),
		title: text('title').notNull(),
		doel: text('doel').notNull(),
		resultaat: text('resultaat').notNull(),
		evaluatie: text('evaluatie').notNull(),
		vervolg: text('vervolg').notNull(),
		visibility: text('visibility', { enum: VISIBILITIES }).notNull(),
		competencies: text('competencies', { mode: 'json' }).$type<string[]>().notNull(),
		// Autosaves while typing refine one row per writing session instead of one row per keystroke pause.
		kind: text('kind', { enum: ['save', 'autosave'] })
			.notNull()
			.default('save'),
		savedAt: integer('saved_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('reflection_version_uq').on(t.reflectionId, t.version)]
);

/** Evidence: a photo or PDF stored outside the web root under storageKey. */
export const attachment = sqliteTable(
	'attachment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		reflectionId: integer('reflection_id')
			.notNull()
			.references(() => reflection.id, { onDelete: 'cascade' }),
		fileName: text('file_name').notNull(),
		mimeType: text('mime_type').notNull(),
		size: integer('size').notNull(),
		storageKey: text('storage_key').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('attachment_reflection_idx').on(t.reflectionId)]
);

/** A self-rating on one competency at one moment; kept over time so growth shows. */
export const selfRating = sqliteTable(
	'self_rating',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		competency: text('competency', { enum: COMPETENCY_SLUGS }).notNull(),
		level: integer('level').notNull(),
		note: text('note').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		transferId: integer('transfer_id').references(() => transfer.id, { onDelete: 'cascade' })
	},
	(t) => [index('self_rating_student_idx').on(t.studentId, t.competency, t.createdAt)]
);

export const goal = sqliteTable(
	'goal',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		competency: text('competency', { enum: COMPETENCY_SLUGS }),
		title: text('title').notNull(),
		description: text('description').notNull().default(''),
		dueOn: text('due_on'),
		status: text('status', { enum: GOAL_STATUSES }).notNull().default('open'),
		sourceReflectionId: integer('source_reflection_id').references(() => reflection.id, {
			onDelete: 'set null'
		}),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		transferId: integer('transfer_id').references(() => transfer.id, { onDelete: 'cascade' })
	},
	(t) => [index('goal_student_status_idx').on(t.studentId, t.status, t.dueOn)]
);
