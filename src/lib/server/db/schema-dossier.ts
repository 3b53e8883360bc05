// The loopbaandossier at the end of the year (issue 19): what the school asks of it per leerjaar/level, the
// mentor's sign-off per school year, and the student's read-only links for the next school.
import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { SHARE_PARTS, SIGNOFF_STATUSES } from '../../portfolio';
import { school, schoolYear, user } from './schema';

const now = sql`(cast(unixepoch('subsec') * 1000 as integer))`;
const schoolRef = () =>
	integer('school_id')
		.notNull()
		.references(() => school.id, { onDelete: 'cascade' });

/** What the dossier must hold for one leerjaar/level: a group's programme, e.g. "vmbo-kb 3" (DOMAIN.md §3). */
export const dossierRequirement = sqliteTable(
	'dossier_requirement',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		cohort: text('cohort').notNull(),
		/** Finished reflections per competency, for each of the five. */
		perCompetency: integer('per_competency').notNull().default(1),
		/** Held loopbaangesprekken this school year. */
		conversations: integer('conversations').notNull().default(2),
		/** At least one goal that is still open: the next step (vervolg) for next year. */
		vervolgGoal: integer('vervolg_goal', { mode: 'boolean' }).notNull().default(true),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull().default(now),
		updatedBy: integer('updated_by').references(() => user.id, { onDelete: 'set null' })
	},
	(t) => [uniqueIndex('dossier_requirement_cohort_uq').on(t.schoolId, t.cohort)]
);

/** The mentor's word on a student's dossier for one school year: the latest word counts. */
export const dossierSignoff = sqliteTable(
	'dossier_signoff',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		schoolYearId: integer('school_year_id')
			.notNull()
			.references(() => schoolYear.id, { onDelete: 'cascade' }),
		status: text('status', { enum: SIGNOFF_STATUSES }).notNull(),
		/** For "nog niet": what the student can do about it. */
		reason: text('reason').notNull().default(''),
		signedBy: integer('signed_by').references(() => user.id, { onDelete: 'set null' }),
		signedAt: integer('signed_at', { mode: 'timestamp_ms' }).notNull().default(now)
	},
	(t) => [uniqueIndex('dossier_signoff_year_uq').on(t.studentId, t.schoolYearId)]
);

/** A read-only link for the next school (Mahara's secret URL): only the token's SHA-256 is kept. */
export const dossierShare = sqliteTable(
	'dossier_share',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: schoolRef(),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		tokenHash: blob('token_hash', { mode: 'buffer' }).notNull().unique(),
		part: text('part', { enum: SHARE_PARTS }).notNull(),
		/** Who the student made it for, in their own words ("intake ROC Midden"). */
		recipient: text('recipient').notNull().default(''),
		/** The last day it opens (yyyy-mm-dd, Europe/Amsterdam). */
		expiresOn: text('expires_on').notNull(),
		createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull().default(now),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		views: integer('views').notNull().default(0),
		lastViewedAt: integer('last_viewed_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('dossier_share_student_idx').on(t.studentId)]
);
