// Parents (issue 20): an ouder/verzorger a student invited, what the student chose to share with home, the
// notes parents leave, and the ouder-kind-mentorgesprek. Every row carries its school.
import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { school, user } from './schema';
import { reflection } from './schema-portfolio';
import { conversation } from './schema-dialog';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;

/** A one-time code a student gives a parent: valid 7 days, used once (only its SHA-256 is stored). */
export const parentInvitation = sqliteTable(
	'parent_invitation',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull().unique(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' }),
		usedBy: integer('used_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [index('parent_invitation_student_idx').on(t.studentId)]
);

/** Student ↔ parent. Revoking keeps the row (who linked, when, who ended it) for the student's overview. */
export const parentLink = sqliteTable(
	'parent_link',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		// Erasing the student takes the link with it: the parent then has no view of anything.
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedBy: integer('revoked_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [
		uniqueIndex('parent_link_active_uq')
			.on(t.studentId, t.parentId)
			.where(sql`revoked_at is null`),
		index('parent_link_parent_idx').on(t.parentId, t.revokedAt)
	]
);

/** The student's "ook thuis" choice for one reflection; no row = not shared with home (the default). */
export const reflectionHomeShare = sqliteTable('reflection_home_share', {
	reflectionId: integer('reflection_id')
		.primaryKey()
		.references(() => reflection.id, { onDelete: 'cascade' }),
	schoolId: integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' }),
	studentId: integer('student_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/** The student's "ook thuis" choice for the summary of one of their conversations. */
export const conversationHomeShare = sqliteTable('conversation_home_share', {
	conversationId: integer('conversation_id')
		.primaryKey()
		.references(() => conversation.id, { onDelete: 'cascade' }),
	schoolId: integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' }),
	studentId: integer('student_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});

/** Per student: are their goals shown at home? No row = no. */
export const homeSetting = sqliteTable('home_setting', {
	studentId: integer('student_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	schoolId: integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' }),
	shareGoals: integer('share_goals', { mode: 'boolean' }).notNull().default(false)
});

/** "Van thuis": one short note per parent per shared reflection; the student can hide it. */
export const parentNote = sqliteTable(
	'parent_note',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		reflectionId: integer('reflection_id')
			.notNull()
			.references(() => reflection.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		parentId: integer('parent_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		body: text('body').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		hiddenAt: integer('hidden_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('parent_note_reflection_parent_uq').on(t.reflectionId, t.parentId),
		index('parent_note_student_idx').on(t.studentId)
	]
);

/** An ouder-kind-mentorgesprek: the mentor invited the student's linked parents to this conversation. */
export const conversationParentInvite = sqliteTable('conversation_parent_invite', {
	conversationId: integer('conversation_id')
		.primaryKey()
		.references(() => conversation.id, { onDelete: 'cascade' }),
	schoolId: integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' }),
	invitedBy: integer('invited_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now)
});
