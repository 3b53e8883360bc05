// The mentor dialogue (issue 4): comments on reflections, in-app notifications, career conversations with
// their agenda and agreements. Every row carries its school.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { group, school, user } from './schema';
import { activity, goal, reflection } from './schema-portfolio';
import { matrixRound } from './schema-matrix';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

export const comment = sqliteTable(
	'comment',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		reflectionId: integer('reflection_id')
			.notNull()
			.references(() => reflection.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id').references((): AnySQLiteColumn => comment.id, { onDelete: 'set null' }),
		authorId: integer('author_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
		deletedAt: integer('deleted_at', { mode: 'timestamp_ms' })
	},
	// Covering: the thread in order, and the mentor overview's "has staff answered / who spoke last" per
	// reflection, read from the index alone (half the time of the overview of 100 students).
	(t) => [index('comment_thread_idx').on(t.reflectionId, t.createdAt, t.id, t.authorId, t.deletedAt)]
);

// activityNudge: a mentor's reminder to prepare or reflect; activityReminder: the day after, if nothing was
// written (issue 18).
export const NOTIFICATION_KINDS = [
	'feedback',
	'reply',
	'reflection',
	'conversation',
	'activityNudge',
	'activityReminder',
	'matrixInvite',
	// Since 0016 instead of 'conversation' (which stays for older rows): what happened, said plainly.
	'conversationPlanned',
	'conversationRecorded',
	'summaryReply',
	'summaryAnswer',
	'summaryConfirmed'
] as const;

export const notification = sqliteTable(
	'notification',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
		// The student the event is about, and the reflection / conversation it points to.
		studentId: integer('student_id').references(() => user.id, { onDelete: 'cascade' }),
		reflectionId: integer('reflection_id').references(() => reflection.id, { onDelete: 'cascade' }),
		conversationId: integer('conversation_id').references((): AnySQLiteColumn => conversation.id, {
			onDelete: 'cascade'
		}),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		readAt: integer('read_at', { mode: 'timestamp_ms' }),
		activityId: integer('activity_id').references(() => activity.id, { onDelete: 'cascade' }),
		// An invitation (or reminder) to give one's view in a round of the LOB-task matrix.
		matrixRoundId: integer('matrix_round_id').references(() => matrixRound.id, { onDelete: 'cascade' })
	},
	(t) => [
		index('notification_user_idx').on(t.userId, t.readAt),
		index('notification_activity_idx').on(t.activityId, t.userId)
	]
);

export const CONVERSATION_STATUSES = ['planned', 'held', 'cancelled'] as const;

/** A loopbaangesprek: one student, or a whole group sharing one agenda (then studentId is null). */
export const conversation = sqliteTable(
	'conversation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id').references(() => user.id, { onDelete: 'cascade' }),
		groupId: integer('group_id').references(() => group.id, { onDelete: 'cascade' }),
		mentorId: integer('mentor_id').references(() => user.id, { onDelete: 'set null' }),
		plannedAt: text('planned_at').notNull(),
		/** "14:30" in Dutch time; null for conversations planned before times were asked (0014). */
		plannedTime: text('planned_time'),
		status: text('status', { enum: CONVERSATION_STATUSES }).notNull().default('planned'),
		summary: text('summary').notNull().default(''),
		summaryConfirmedAt: integer('summary_confirmed_at', { mode: 'timestamp_ms' }),
		// Only for mentors; still part of the student file for the right of access (AVG art. 15).
		mentorNote: text('mentor_note').notNull().default(''),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		heldAt: integer('held_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('conversation_student_idx').on(t.studentId, t.plannedAt),
		index('conversation_group_idx').on(t.groupId, t.plannedAt)
	]
);

export const AGENDA_SOURCES = ['koers', 'student', 'mentor', 'parent'] as const;

export const conversationAgendaItem = sqliteTable(
	'conversation_agenda_item',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		source: text('source', { enum: AGENDA_SOURCES }).notNull(),
		authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
		text: text('text').notNull(),
		/**
		 * Koers's own points as data ({"key","count","titles"}), so each reader gets them in their language and
		 * addressed to them; null for the others and for points made before 0014 (then `text` is shown).
		 */
		proposal: text('proposal', { mode: 'json' }).$type<AgendaProposal>(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('agenda_conversation_idx').on(t.conversationId)]
);

export const PROPOSAL_KEYS = ['new_reflections', 'open_replies', 'goals_due'] as const;
export interface AgendaProposal {
	key: (typeof PROPOSAL_KEYS)[number];
	count: number;
	titles: string[];
}

/**
 * The talk about a conversation's summary: the student's "Niet helemaal, want …" and the mentor's answers.
 * The summary counts as confirmed only once the student says it is right (conversation.summaryConfirmedAt).
 */
export const summaryReply = sqliteTable(
	'summary_reply',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		authorId: integer('author_id').references(() => user.id, { onDelete: 'set null' }),
		/** Written by the student the conversation is with (else by a mentor). */
		byStudent: integer('by_student', { mode: 'boolean' }).notNull(),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('summary_reply_conversation_idx').on(t.conversationId, t.id)]
);

/** An agreement made in a conversation; it lives on as the student's goal. */
export const agreement = sqliteTable(
	'agreement',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		conversationId: integer('conversation_id')
			.notNull()
			.references(() => conversation.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		goalId: integer('goal_id')
			.notNull()
			.references(() => goal.id, { onDelete: 'cascade' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [index('agreement_conversation_idx').on(t.conversationId)]
);
