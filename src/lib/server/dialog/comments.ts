// Threaded comments on a reflection (issue 4). Who may comment is who may read the reflection
// (reflectionReadScope): a mentor only on finished reflections shared with them, the student on their own.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { can } from '../access';
import { reflectionReadScope } from '../access-scopes/reflections';
import { getDb, inTransaction, type Db } from '../db';
import * as core from '../db/schema';
import { comment } from '../db/schema-dialog';
import { reflection } from '../db/schema-portfolio';
import { mentorsOf, notify } from './notifications';
import { fullName } from '$lib/names';

/** Authors may change or remove their own comment this long after posting. */
export const EDIT_WINDOW_MS = 15 * 60 * 1000;
export const COMMENT_MAX = 4000;

export interface CommentItem {
	id: number;
	parentId: number | null;
	authorName: string;
	byStudent: boolean;
	mine: boolean;
	body: string;
	deleted: boolean;
	createdAt: number;
	edited: boolean;
	canEdit: boolean;
}

function readableReflection(viewer: Viewer, reflectionId: number, db: Db) {
	return db
		.select({ id: reflection.id, studentId: reflection.studentId, schoolId: reflection.schoolId })
		.from(reflection)
		.where(and(eq(reflection.id, reflectionId), reflectionReadScope(viewer)))
		.get();
}

/** The thread, oldest first; undefined when the reflection is out of the viewer's scope. */
export function listComments(
	viewer: Viewer,
	reflectionId: number,
	now = Date.now(),
	db: Db = getDb()
): CommentItem[] | undefined {
	const r = readableReflection(viewer, reflectionId, db);
	if (!r) return undefined;
	const rows = db
		.select({
			id: comment.id,
			parentId: comment.parentId,
			authorId: comment.authorId,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			body: comment.body,
			createdAt: comment.createdAt,
			editedAt: comment.editedAt,
			deletedAt: comment.deletedAt
		})
		.from(comment)
		.innerJoin(core.user, eq(core.user.id, comment.authorId))
		.where(eq(comment.reflectionId, reflectionId))
		.orderBy(asc(comment.createdAt), asc(comment.id))
		.all();
	return rows.map((c) => {
		const mine = c.authorId === viewer.userId;
		const deleted = c.deletedAt !== null;
		return {
			id: c.id,
			parentId: c.parentId,
			authorName: fullName({ givenName: c.given, familyNamePrefix: c.prefix, familyName: c.family }),
			byStudent: c.authorId === r.studentId,
			mine,
			body: deleted ? '' : c.body,
			deleted,
			createdAt: c.createdAt.getTime(),
			edited: c.editedAt !== null,
			canEdit: mine && !deleted && now - c.createdAt.getTime() < EDIT_WINDOW_MS
		};
	});
}

/** Adds a comment (or a reply to parentId); undefined when reflection or parent is out of scope. */
export function addComment(
	viewer: Viewer,
	reflectionId: number,
	body: string,
	parentId: number | null = null,
	db: Db = getDb()
): number | undefined {
	if (!can(viewer, 'comment.write')) return undefined;
	const r = readableReflection(viewer, reflectionId, db);
	if (!r) return undefined;
	if (parentId !== null) {
		const parent = db
			.select({ id: comment.id })
			.from(comment)
			.where(and(eq(comment.id, parentId), eq(comment.reflectionId, reflectionId)))
			.get();
		if (!parent) return undefined;
	}
	return inTransaction(db, (tx) => {
		const created = tx
			.insert(comment)
			.values({ schoolId: r.schoolId, reflectionId, parentId, authorId: viewer.userId, body })
			.returning({ id: comment.id })
			.get();
		const byStudent = viewer.userId === r.studentId;
		const recipients = byStudent ? mentorsOf(tx, r.studentId) : [r.studentId];
		notify(
			tx,
			recipients.map((userId) => ({
				schoolId: r.schoolId,
				userId,
				kind: byStudent ? ('reply' as const) : ('feedback' as const),
				studentId: r.studentId,
				reflectionId
			}))
		);
		return created.id;
	});
}

export type ChangeResult = 'ok' | 'missing' | 'expired';

function ownComment(viewer: Viewer, reflectionId: number, commentId: number, db: Db) {
	if (!readableReflection(viewer, reflectionId, db)) return undefined;
	return db
		.select({ id: comment.id, createdAt: comment.createdAt })
		.from(comment)
		.where(
			and(
				eq(comment.id, commentId),
				eq(comment.reflectionId, reflectionId),
				eq(comment.authorId, viewer.userId),
				isNull(comment.deletedAt)
			)
		)
		.get();
}

/** Someone else's comment is 'missing' (a 404), exactly like one that does not exist. */
export function editComment(
	viewer: Viewer,
	reflectionId: number,
	commentId: number,
	body: string,
	now = Date.now(),
	db: Db = getDb()
): ChangeResult {
	const c = ownComment(viewer, reflectionId, commentId, db);
	if (!c) return 'missing';
	if (now - c.createdAt.getTime() >= EDIT_WINDOW_MS) return 'expired';
	db.update(comment)
		.set({ body, editedAt: new Date(now) })
		.where(eq(comment.id, commentId))
		.run();
	return 'ok';
}

/** Soft delete: replies keep their place in the thread. */
export function deleteComment(
	viewer: Viewer,
	reflectionId: number,
	commentId: number,
	now = Date.now(),
	db: Db = getDb()
): ChangeResult {
	const c = ownComment(viewer, reflectionId, commentId, db);
	if (!c) return 'missing';
	if (now - c.createdAt.getTime() >= EDIT_WINDOW_MS) return 'expired';
	db.update(comment)
		.set({ deletedAt: new Date(now) })
		.where(eq(comment.id, commentId))
		.run();
	return 'ok';
}
