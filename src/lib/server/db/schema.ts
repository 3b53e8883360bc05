import { sql } from 'drizzle-orm';
import { blob, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { LOCALES, ROLES } from '../../roles';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(cast(unixepoch('subsec') * 1000 as integer))`);

export const school = sqliteTable('school', {
	id: integer('id').primaryKey({ autoIncrement: true }),
	name: text('name').notNull(),
	// BRIN: the Dutch school code, the key SSO logins are matched on.
	brin: text('brin').unique(),
	// AVG: how long a student's file is kept after they left (DOMAIN.md §7; typical: 2 years).
	retentionYears: integer('retention_years').notNull().default(2),
	// The region's Werkcentrum, linked for mbo students beside the national tools; empty when not set.
	werkcentrumName: text('werkcentrum_name').notNull().default(''),
	werkcentrumUrl: text('werkcentrum_url').notNull().default(''),
	createdAt: createdAt()
});

export const schoolYear = sqliteTable(
	'school_year',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		name: text('name').notNull(),
		startsOn: text('starts_on').notNull(),
		endsOn: text('ends_on').notNull(),
		isCurrent: integer('is_current', { mode: 'boolean' }).notNull().default(false),
		createdAt: createdAt()
	},
	(t) => [uniqueIndex('school_year_school_name_uq').on(t.schoolId, t.name)]
);

export const user = sqliteTable(
	'user',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		// Login names are unique over the whole instance: the login form asks for no school.
		username: text('username').notNull().unique(),
		givenName: text('given_name').notNull(),
		familyNamePrefix: text('family_name_prefix').notNull().default(''),
		familyName: text('family_name').notNull(),
		email: text('email'),
		// Text, never a number: leerlingnummers keep their leading zeros.
		studentNumber: text('student_number'),
		passwordHash: text('password_hash'),
		mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
		locale: text('locale', { enum: LOCALES }).notNull().default('nl'),
		active: integer('active', { mode: 'boolean' }).notNull().default(true),
		// Set when a student left the school (import or by hand); retention counts from here.
		leftAt: integer('left_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		uniqueIndex('user_school_student_number_uq').on(t.schoolId, t.studentNumber),
		index('user_school_idx').on(t.schoolId, t.familyName),
		// The few who left: live head counts are all of a role minus these (school-overview.ts).
		index('user_inactive_idx')
			.on(t.schoolId)
			.where(sql`${t.active} = 0`)
	]
);

export const userRole = sqliteTable(
	'user_role',
	{
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		role: text('role', { enum: ROLES }).notNull()
	},
	(t) => [
		primaryKey({ columns: [t.userId, t.role] }),
		index('user_role_school_role_idx').on(t.schoolId, t.role)
	]
);

export const group = sqliteTable(
	'group',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		schoolYearId: integer('school_year_id')
			.notNull()
			.references(() => schoolYear.id, { onDelete: 'restrict' }),
		name: text('name').notNull(),
		// e.g. "vmbo-kb 3" or "mbo niveau 2 Zorg en welzijn"
		programme: text('programme').notNull().default(''),
		closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [
		uniqueIndex('group_year_name_uq').on(t.schoolYearId, t.name),
		index('group_school_idx').on(t.schoolId)
	]
);

export const groupStudent = sqliteTable(
	'group_student',
	{
		groupId: integer('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		studentId: integer('student_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' })
	},
	(t) => [
		primaryKey({ columns: [t.groupId, t.studentId] }),
		index('group_student_student_idx').on(t.studentId)
	]
);

export const groupMentor = sqliteTable(
	'group_mentor',
	{
		groupId: integer('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		mentorId: integer('mentor_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.groupId, t.mentorId] }), index('group_mentor_mentor_idx').on(t.mentorId)]
);

// Who was in which group and when: group_student and group_mentor hold only the present, this keeps the past
// (a move, a mentor who changed) for the student's inzage. Written by school/membership.ts alone.
export const groupMembership = sqliteTable(
	'group_membership',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		groupId: integer('group_id')
			.notNull()
			.references(() => group.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		kind: text('kind', { enum: ['student', 'mentor'] }).notNull(),
		fromAt: integer('from_at', { mode: 'timestamp_ms' }).notNull(),
		untilAt: integer('until_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('group_membership_user_idx').on(t.userId, t.kind),
		index('group_membership_group_idx').on(t.groupId, t.kind)
	]
);

export const session = sqliteTable(
	'session',
	{
		id: text('id').primaryKey(),
		// SHA-256 of the token's secret part; the secret itself is never stored.
		secretHash: blob('secret_hash', { mode: 'buffer' }).notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		userAgent: text('user_agent').notNull().default(''),
		// When the session was last used, to the nearest few minutes (see session.ts): shown on /account so a
		// student recognises a device they forgot to sign out on.
		lastSeenAt: integer('last_seen_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const loginCode = sqliteTable(
	'login_code',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: blob('code_hash', { mode: 'buffer' }).notNull().unique(),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
		usedAt: integer('used_at', { mode: 'timestamp_ms' })
	},
	(t) => [index('login_code_user_idx').on(t.userId)]
);

/** A CSV export on its way in: kept between upload, column mapping, preview and apply. */
export const importBatch = sqliteTable(
	'import_batch',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		createdBy: integer('created_by').references(() => user.id, { onDelete: 'set null' }),
		// What the file holds: students with their groups, or staff accounts.
		kind: text('kind', { enum: ['students', 'staff'] })
			.notNull()
			.default('students'),
		fileName: text('file_name').notNull(),
		encoding: text('encoding').notNull(),
		delimiter: text('delimiter').notNull(),
		headers: text('headers', { mode: 'json' }).$type<string[]>().notNull(),
		rows: text('rows', { mode: 'json' }).$type<string[][]>().notNull(),
		mapping: text('mapping', { mode: 'json' }).$type<Record<string, number>>().notNull(),
		markLeft: integer('mark_left', { mode: 'boolean' }).notNull().default(true),
		// The file as uploaded, so it can be read again in another encoding; dropped once applied.
		source: blob('source', { mode: 'buffer' }),
		// False while the decoding looks wrong and the admin has not chosen an encoding: no apply.
		encodingChecked: integer('encoding_checked', { mode: 'boolean' }).notNull().default(true),
		// Staff lines whose name matches an account with another e-mail: line → account id, or 0 for new.
		choices: text('choices', { mode: 'json' }).$type<Record<string, number>>(),
		// The school year the file is for (a staged year's groups), or null for the current year.
		schoolYearId: integer('school_year_id').references(() => schoolYear.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		appliedAt: integer('applied_at', { mode: 'timestamp_ms' }),
		summary: text('summary', { mode: 'json' }).$type<Record<string, number>>()
	},
	(t) => [index('import_batch_school_idx').on(t.schoolId, t.createdAt)]
);

/**
 * Who did what to or with a student's file: views by anyone but the student, and changes by staff. Kept
 * for the student's right of access ("who looked at my portfolio") and for the admin.
 */
export const auditEvent = sqliteTable(
	'audit_event',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		actorId: integer('actor_id').references(() => user.id, { onDelete: 'set null' }),
		// The student the event is about, if any; erased together with the student.
		subjectId: integer('subject_id').references(() => user.id, { onDelete: 'cascade' }),
		action: text('action').notNull(),
		detail: text('detail').notNull().default(''),
		createdAt: createdAt()
	},
	(t) => [
		index('audit_event_subject_idx').on(t.subjectId, t.createdAt),
		index('audit_event_school_idx').on(t.schoolId, t.createdAt)
	]
);

/** A login at an identity provider (Entree, SURFconext) linked to a Koers account. */
export const externalIdentity = sqliteTable(
	'external_identity',
	{
		issuer: text('issuer').notNull(),
		subject: text('subject').notNull(),
		userId: integer('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		schoolId: integer('school_id')
			.notNull()
			.references(() => school.id, { onDelete: 'cascade' }),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.issuer, t.subject] }), index('external_identity_user_idx').on(t.userId)]
);
