// The ouder-kind-mentorgesprek: the mentor invites the student's linked parents to a one-to-one
// loopbaangesprek; they then see its date, add points, and read the summary once the student confirmed it.
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { conversation } from '../db/schema-dialog';
import { conversationParentInvite, parentLink } from '../db/schema-parents';
import { canOn, menteeCondition } from '../access';
import type { Viewer } from '../auth/viewer';

export interface ParentInviteState {
	invited: boolean;
	/** How many parents the student linked: with none, an invitation reaches nobody yet. */
	linkedParents: number;
}

/** The mentor's view of one of their mentees' own conversations; undefined when not theirs to manage. */
export function getParentInvite(viewer: Viewer, conversationId: number): ParentInviteState | undefined {
	if (!canOn(viewer, 'conversation.parent.invite', 'mentee')) return undefined;
	const db = getDb();
	const c = db
		.select({ studentId: conversation.studentId, invitedAt: conversationParentInvite.createdAt })
		.from(conversation)
		.leftJoin(conversationParentInvite, eq(conversationParentInvite.conversationId, conversation.id))
		.where(
			and(
				eq(conversation.id, conversationId),
				eq(conversation.schoolId, viewer.schoolId),
				menteeCondition(viewer, conversation.studentId)
			)
		)
		.get();
	if (!c || c.studentId === null) return undefined;
	const linkedParents = db
		.select({ id: parentLink.id })
		.from(parentLink)
		.where(and(eq(parentLink.studentId, c.studentId), isNull(parentLink.revokedAt)))
		.all().length;
	return { invited: c.invitedAt !== null, linkedParents };
}

export function setParentInvited(viewer: Viewer, conversationId: number, on: boolean): boolean {
	if (!getParentInvite(viewer, conversationId)) return false;
	const db = getDb();
	if (on)
		db.insert(conversationParentInvite)
			.values({ conversationId, schoolId: viewer.schoolId, invitedBy: viewer.userId })
			.onConflictDoNothing()
			.run();
	else
		db.delete(conversationParentInvite)
			.where(eq(conversationParentInvite.conversationId, conversationId))
			.run();
	return true;
}
