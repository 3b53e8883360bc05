// The student's side of "ook thuis": which reflection and which conversation summary goes home, and the
// notes parents left ("Van thuis"), which the student can hide.
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '../db';
import * as core from '../db/schema';
import { reflection } from '../db/schema-portfolio';
import { conversation } from '../db/schema-dialog';
import {
	conversationHomeShare,
	conversationParentInvite,
	parentLink,
	parentNote,
	reflectionHomeShare
} from '../db/schema-parents';
import { canOn } from '../access';
import { reflectionWriteScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { fullName } from '$lib/names';

const author = alias(core.user, 'note_author');

export interface HomeNote {
	id: number;
	body: string;
	from: string;
	hidden: boolean;
	updatedAt: Date;
}

export interface ReflectionHome {
	shared: boolean;
	/** Does the student have a linked parent at all (otherwise the choice does nothing yet)? */
	hasParents: boolean;
	notes: HomeNote[];
}

/** The "ook thuis" state of one of the student's own reflections, with the notes from home. */
export function getReflectionHome(viewer: Viewer, reflectionId: number): ReflectionHome | undefined {
	if (!canOn(viewer, 'home.share', 'self')) return undefined;
	const db = getDb();
	const own = db
		.select({ id: reflection.id, shared: reflectionHomeShare.reflectionId })
		.from(reflection)
		.leftJoin(reflectionHomeShare, eq(reflectionHomeShare.reflectionId, reflection.id))
		.where(and(eq(reflection.id, reflectionId), reflectionWriteScope(viewer)))
		.get();
	if (!own) return undefined;
	const notes = db
		.select({
			id: parentNote.id,
			body: parentNote.body,
			givenName: author.givenName,
			familyNamePrefix: author.familyNamePrefix,
			familyName: author.familyName,
			hiddenAt: parentNote.hiddenAt,
			updatedAt: parentNote.updatedAt
		})
		.from(parentNote)
		.innerJoin(author, eq(author.id, parentNote.parentId))
		.where(and(eq(parentNote.reflectionId, reflectionId), eq(parentNote.studentId, viewer.userId)))
		.orderBy(asc(parentNote.id))
		.all()
		.map((n) => ({
			id: n.id,
			body: n.body,
			from: fullName(n),
			hidden: n.hiddenAt !== null,
			updatedAt: n.updatedAt
		}));
	const hasParents = !!db
		.select({ id: parentLink.id })
		.from(parentLink)
		.where(and(eq(parentLink.studentId, viewer.userId), isNull(parentLink.revokedAt)))
		.get();
	return { shared: own.shared !== null, hasParents, notes };
}

/** Every note from home on the student's reflections (for their data export). */
export function getReflectionHomeNotes(viewer: Viewer): (HomeNote & { reflectionId: number })[] {
	if (!canOn(viewer, 'home.share', 'self')) return [];
	return getDb()
		.select({
			id: parentNote.id,
			reflectionId: parentNote.reflectionId,
			body: parentNote.body,
			givenName: author.givenName,
			familyNamePrefix: author.familyNamePrefix,
			familyName: author.familyName,
			hiddenAt: parentNote.hiddenAt,
			updatedAt: parentNote.updatedAt
		})
		.from(parentNote)
		.innerJoin(author, eq(author.id, parentNote.parentId))
		.where(and(eq(parentNote.studentId, viewer.userId), eq(parentNote.schoolId, viewer.schoolId)))
		.orderBy(asc(parentNote.id))
		.all()
		.map((n) => ({
			id: n.id,
			reflectionId: n.reflectionId,
			body: n.body,
			from: fullName(n),
			hidden: n.hiddenAt !== null,
			updatedAt: n.updatedAt
		}));
}

export function setReflectionHome(viewer: Viewer, reflectionId: number, on: boolean): boolean {
	if (!canOn(viewer, 'home.share', 'self')) return false;
	const db = getDb();
	return db.transaction((tx) => {
		const own = tx
			.select({ id: reflection.id })
			.from(reflection)
			.where(and(eq(reflection.id, reflectionId), reflectionWriteScope(viewer)))
			.get();
		if (!own) return false;
		if (on)
			tx.insert(reflectionHomeShare)
				.values({ reflectionId, schoolId: viewer.schoolId, studentId: viewer.userId })
				.onConflictDoNothing()
				.run();
		else tx.delete(reflectionHomeShare).where(eq(reflectionHomeShare.reflectionId, reflectionId)).run();
		return true;
	});
}

/** The student hides (or shows again) a note from home on their own reflection. */
export function setNoteHidden(viewer: Viewer, noteId: number, hidden: boolean): boolean {
	if (!canOn(viewer, 'home.share', 'self')) return false;
	const res = getDb()
		.update(parentNote)
		.set({ hiddenAt: hidden ? new Date() : null })
		.where(and(eq(parentNote.id, noteId), eq(parentNote.studentId, viewer.userId)))
		.run();
	return res.changes > 0;
}

/** Is this conversation's summary shared with home, and are the parents invited? undefined when not the student's own. */
export function getConversationHome(
	viewer: Viewer,
	conversationId: number
): { shared: boolean; parentsInvited: boolean } | undefined {
	if (!canOn(viewer, 'home.share', 'self')) return undefined;
	const row = getDb()
		.select({
			id: conversation.id,
			shared: conversationHomeShare.conversationId,
			invited: conversationParentInvite.conversationId
		})
		.from(conversation)
		.leftJoin(conversationHomeShare, eq(conversationHomeShare.conversationId, conversation.id))
		.leftJoin(conversationParentInvite, eq(conversationParentInvite.conversationId, conversation.id))
		.where(
			and(
				eq(conversation.id, conversationId),
				eq(conversation.studentId, viewer.userId),
				eq(conversation.schoolId, viewer.schoolId)
			)
		)
		.get();
	return row ? { shared: row.shared !== null, parentsInvited: row.invited !== null } : undefined;
}

export function setConversationHome(viewer: Viewer, conversationId: number, on: boolean): boolean {
	if (getConversationHome(viewer, conversationId) === undefined) return false;
	const db = getDb();
	if (on)
		db.insert(conversationHomeShare)
			.values({ conversationId, schoolId: viewer.schoolId, studentId: viewer.userId })
			.onConflictDoNothing()
			.run();
	else db.delete(conversationHomeShare).where(eq(conversationHomeShare.conversationId, conversationId)).run();
	return true;
}
