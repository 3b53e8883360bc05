// The LOB-task matrix (issue 5): per school a list of tasks and actors, evaluation rounds with the agreed
// matrix, each respondent's own view, and improvement actions. Every row carries its school.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { ACTION_STATUSES, PARTS, ROUND_STATUSES, TASK_KINDS } from '../../matrix';
import { school, schoolYear, user } from './schema';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const schoolRef = () =>
	integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' });

// Tasks and actors are archived, never deleted: old rounds keep pointing at them.
export const matrixTask = sqliteTable(
	'matrix_task',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		kind: text('kind', { enum: TASK_KINDS }).notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('matrix_task_school_idx').on(t.schoolId, t.kind, t.position)]
);

export const matrixActor = sqliteTable(
	'matrix_actor',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0),
		archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('matrix_actor_school_idx').on(t.schoolId, t.position)]
);

/** Which staff members stand in an actor's column ("mijn LOB-taken"); the coordinator links them. */
export const matrixActorUser = sqliteTable(
	'matrix_actor_user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		actorId: integer('actor_id')
			.notNull()
			.references(() => matrixActor.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' })
	},
	(t) => [uniqueIndex('matrix_actor_user_uq').on(t.actorId, t.userId)]
);

export const matrixRound = sqliteTable(
	'matrix_round',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		schoolYearId: integer('school_year_id').references(() => schoolYear.id, { onDelete: 'set null' }),
		name: text('name').notNull(),
		status: text('status', { enum: ROUND_STATUSES }).notNull().default('open'),
		previousRoundId: integer('previous_round_id'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('matrix_round_school_idx').on(t.schoolId)]
);

// A closed round keeps the tasks and actors it was held with (names, kinds, order), so later edits to the
// school's lists never rewrite it; an open round reads the live lists.
export const matrixRoundTask = sqliteTable(
	'matrix_round_task',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		roundId: integer('round_id')
			.notNull()
			.references(() => matrixRound.id, { onDelete: 'cascade' }),
		taskId: integer('task_id')
			.notNull()
			.references(() => matrixTask.id, { onDelete: 'restrict' }),
		kind: text('kind', { enum: TASK_KINDS }).notNull(),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('matrix_round_task_uq').on(t.roundId, t.taskId)]
);

export const matrixRoundActor = sqliteTable(
	'matrix_round_actor',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		roundId: integer('round_id')
			.notNull()
			.references(() => matrixRound.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => matrixActor.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		description: text('description').notNull().default(''),
		position: integer('position').notNull().default(0)
	},
	(t) => [uniqueIndex('matrix_round_actor_uq').on(t.roundId, t.actorId)]
);

const cellColumns = () => ({
	part: text('part', { enum: PARTS }).notNull().default('geen'),
	how: text('how').notNull().default(''),
	rating: integer('rating'),
	wish: text('wish').notNull().default(''),
	// Optimistic concurrency: a save names the version it started from.
	version: integer('version').notNull().default(1),
	updatedBy: integer('updated_by').references(() => user.id, { onDelete: 'set null' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/** The agreed matrix of a round. */
export const matrixCell = sqliteTable(
	'matrix_cell',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		roundId: integer('round_id')
			.notNull()
			.references(() => matrixRound.id, { onDelete: 'cascade' }),
		taskId: integer('task_id')
			.notNull()
			.references(() => matrixTask.id, { onDelete: 'restrict' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => matrixActor.id, { onDelete: 'restrict' }),
		...cellColumns(),
		// Set when the team settled a difference in views here ("Verschillen"): the row leaves that list.
		agreedAt: integer('agreed_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('matrix_cell_uq').on(t.roundId, t.taskId, t.actorId)]
);

/** A staff member invited to give their own view of a round. */
export const matrixRespondent = sqliteTable(
	'matrix_respondent',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		roundId: integer('round_id')
			.notNull()
			.references(() => matrixRound.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		invitedAt: integer('invited_at', { mode: 'timestamp_ms' }).notNull().default(now),
		remindedAt: integer('reminded_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' })
	},
	(t) => [uniqueIndex('matrix_respondent_uq').on(t.roundId, t.userId)]
);

/** One respondent's view of one cell, kept apart from the agreed matrix. */
export const matrixAnswer = sqliteTable(
	'matrix_answer',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		respondentId: integer('respondent_id')
			.notNull()
			.references(() => matrixRespondent.id, { onDelete: 'cascade' }),
		taskId: integer('task_id')
			.notNull()
			.references(() => matrixTask.id, { onDelete: 'restrict' }),
		actorId: integer('actor_id')
			.notNull()
			.references(() => matrixActor.id, { onDelete: 'restrict' }),
		...cellColumns()
	},
	(t) => [uniqueIndex('matrix_answer_uq').on(t.respondentId, t.taskId, t.actorId)]
);

/** An agreed improvement action (PDCA); open ones are copied into the next round. */
export const matrixAction = sqliteTable(
	'matrix_action',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		roundId: integer('round_id')
			.notNull()
			.references(() => matrixRound.id, { onDelete: 'cascade' }),
		taskId: integer('task_id')
			.notNull()
			.references(() => matrixTask.id, { onDelete: 'restrict' }),
		title: text('title').notNull(),
		owner: text('owner').notNull().default(''),
		// A staff member of the school; `owner` then stays empty (it is for people outside the school).
		ownerUserId: integer('owner_user_id').references(() => user.id, { onDelete: 'set null' }),
		dueOn: text('due_on'),
		status: text('status', { enum: ACTION_STATUSES }).notNull().default('open'),
		carriedFromId: integer('carried_from_id'),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('matrix_action_round_idx').on(t.roundId)]
);
