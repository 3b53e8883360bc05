// The parent part of "everything Koers holds about me" (AVG right of access): who the student linked and
// when, what they share with home, and the notes parents left on their reflections.
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import { conversationHomeShare, reflectionHomeShare } from '../db/schema-parents';
import { canOn } from '../access';
import type { Viewer } from '../auth/viewer';
import { listMyParents, sharesGoals } from './links';
import { getReflectionHomeNotes } from './sharing';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function parentsExport(viewer: Viewer) {
	if (!canOn(viewer, 'home.share', 'self')) return undefined;
	const db = getDb();
	const mine = (t: typeof reflectionHomeShare | typeof conversationHomeShare) =>
		and(eq(t.studentId, viewer.userId), eq(t.schoolId, viewer.schoolId));
	return {
		parents: listMyParents(viewer).map((p) => ({
			name: p.name,
			linkedAt: iso(p.since),
			revokedAt: iso(p.revokedAt)
		})),
		sharedWithHome: {
			goals: sharesGoals(viewer.userId),
			reflections: db
				.select({ id: reflectionHomeShare.reflectionId })
				.from(reflectionHomeShare)
				.where(mine(reflectionHomeShare))
				.orderBy(asc(reflectionHomeShare.reflectionId))
				.all()
				.map((r) => r.id),
			conversations: db
				.select({ id: conversationHomeShare.conversationId })
				.from(conversationHomeShare)
				.where(mine(conversationHomeShare))
				.orderBy(asc(conversationHomeShare.conversationId))
				.all()
				.map((r) => r.id)
		},
		notesFromHome: getReflectionHomeNotes(viewer).map((n) => ({
			reflectionId: n.reflectionId,
			from: n.from,
			text: n.body,
			at: iso(n.updatedAt),
			hidden: n.hidden
		}))
	};
}
