// The audit trail: views of a student's file by anyone but the student, and changes by staff.
import { and, desc, eq, gte, like, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import * as table from '../db/schema';
import { can, canOn } from '../access';
import type { Viewer } from '../auth/viewer';

export const AUDIT_ACTIONS = [
	'portfolio.view',
	'reflection.view',
	'file.view',
	'export.download',
	'user.create',
	'user.update',
	'user.deactivate',
	'user.reactivate',
	'user.erase',
	'password.reset',
	'loginCode.create',
	'import.apply',
	'import.change',
	'schoolYear.start',
	'schoolYear.stage',
	'conversation.update',
	'goal.update',
	'parent.link',
	'parent.unlink'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Inside a transaction too: better-sqlite3 has one connection, so this row commits or rolls back with it. */
export function recordAudit(
	viewer: Viewer,
	event: { action: AuditAction; subjectId?: number | null; detail?: string }
): void {
	getDb()
		.insert(table.auditEvent)
		.values({
			schoolId: viewer.schoolId,
			actorId: viewer.userId,
			subjectId: event.subjectId ?? null,
			action: event.action,
			detail: (event.detail ?? '').slice(0, 500)
		})
		.run();
}

/** Many events of one action at once (an import's changes per student), in batched inserts. */
export function recordAuditMany(
	viewer: Viewer,
	events: { action: AuditAction; subjectId: number | null; detail: string }[]
): void {
	const rows = events.map((e) => ({
		schoolId: viewer.schoolId,
		actorId: viewer.userId,
		subjectId: e.subjectId,
		action: e.action,
		detail: e.detail.slice(0, 2000)
	}));
	// SQLite binds at most 32766 values per statement: 500 rows of 5 stay far below.
	for (let i = 0; i < rows.length; i += 500)
		getDb()
			.insert(table.auditEvent)
			.values(rows.slice(i, i + 500))
			.run();
}

/** A look at a student's file by someone else; a student's own views are not worth recording. */
export function recordView(viewer: Viewer, studentId: number, action: AuditAction, detail = ''): void {
	if (viewer.userId === studentId) return;
	recordAudit(viewer, { action, subjectId: studentId, detail });
}

export interface AuditEntry {
	id: number;
	action: string;
	detail: string;
	createdAt: Date;
	actorName: string | null;
	actorRoles: string | null;
	subjectName: string | null;
	subjectId: number | null;
}

const actor = alias(table.user, 'actor');
const subject = alias(table.user, 'subject');

function entries(where: SQL, limit: number, offset = 0): AuditEntry[] {
	return getDb()
		.select({
			id: table.auditEvent.id,
			action: table.auditEvent.action,
			detail: table.auditEvent.detail,
			createdAt: table.auditEvent.createdAt,
			actorName: sql<
				string | null
			>`trim(replace(${actor.givenName} || ' ' || ${actor.familyNamePrefix} || ' ' || ${actor.familyName}, '  ', ' '))`,
			actorRoles: sql<
				string | null
			>`(select group_concat(${table.userRole.role}) from ${table.userRole} where ${table.userRole.userId} = ${table.auditEvent.actorId})`,
			subjectName: sql<
				string | null
			>`trim(replace(${subject.givenName} || ' ' || ${subject.familyNamePrefix} || ' ' || ${subject.familyName}, '  ', ' '))`,
			subjectId: table.auditEvent.subjectId
		})
		.from(table.auditEvent)
		.leftJoin(actor, eq(actor.id, table.auditEvent.actorId))
		.leftJoin(subject, eq(subject.id, table.auditEvent.subjectId))
		.where(where)
		.orderBy(desc(table.auditEvent.createdAt), desc(table.auditEvent.id))
		.limit(limit)
		.offset(offset)
		.all();
}

/** "Who looked at my portfolio": what others did with the viewer's own file, newest first. */
export function listMyAudit(viewer: Viewer, limit = 100): AuditEntry[] {
	if (!canOn(viewer, 'audit.own', 'self')) return [];
	return entries(
		and(
			eq(table.auditEvent.schoolId, viewer.schoolId),
			eq(table.auditEvent.subjectId, viewer.userId),
			or(ne(table.auditEvent.actorId, viewer.userId), sql`${table.auditEvent.actorId} is null`)
		) as SQL,
		limit
	);
}

export interface AuditSearch {
	q?: string;
	action?: string;
	from?: string;
	to?: string;
	page?: number;
}

export const AUDIT_PAGE_SIZE = 50;

export function searchAudit(viewer: Viewer, search: AuditSearch): AuditEntry[] {
	if (!can(viewer, 'audit.search')) return [];
	const conditions: SQL[] = [eq(table.auditEvent.schoolId, viewer.schoolId)];
	if (search.action) conditions.push(eq(table.auditEvent.action, search.action));
	if (search.from) conditions.push(gte(table.auditEvent.createdAt, new Date(`${search.from}T00:00:00`)));
	if (search.to)
		conditions.push(
			lt(table.auditEvent.createdAt, new Date(new Date(`${search.to}T00:00:00`).getTime() + 86_400_000))
		);
	if (search.q) {
		const pattern = `%${search.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
		const name = (u: typeof actor | typeof subject) =>
			sql`(${u.givenName} || ' ' || ${u.familyNamePrefix} || ' ' || ${u.familyName} || ' ' || ${u.username} || ' ' || coalesce(${u.studentNumber}, '')) like ${pattern} escape '\\'`;
		conditions.push(or(name(actor), name(subject), like(table.auditEvent.detail, pattern)) as SQL);
	}
	const page = Math.max(1, search.page ?? 1);
	return entries(and(...conditions) as SQL, AUDIT_PAGE_SIZE + 1, (page - 1) * AUDIT_PAGE_SIZE);
}
