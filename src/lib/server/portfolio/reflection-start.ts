// A reflection that does not exist yet: the editor opens without a row and the first save that holds
// words creates it, so backing out leaves no empty "Concept" behind (issue 19, item 15).
import { and, desc, eq, isNull } from 'drizzle-orm';
import { hasWords } from '../../reflection-draft';
import type { ReflectionContent, StartFields } from '../../schemas/reflections';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { getDb, inTransaction, type Db } from '../db';
import { groupCommit } from '../db/group-commit';
import { reflection } from '../db/schema-portfolio';
import { resolveExperience, saveReflection, type NewReflection, type SaveResult } from './reflection-save';

export type StartResult =
	| { id: number; result: SaveResult }
	/** missing: the activity is not the student's (or cancelled); empty: nothing to save yet. */
	| { id: undefined; reason: 'missing' | 'empty' };

interface SaveOptions {
	kind?: 'save' | 'autosave';
	finish?: boolean;
}

/** Where the editor's fields say the reflection starts from. */
export function newReflectionOf(start: StartFields): NewReflection {
	if (start.startActivity !== undefined) return { activityId: start.startActivity };
	return {
		activityType: start.startType,
		activityDate: start.startDate,
		activityPlace: start.startPlace,
		title: start.startTitle
	};
}

/**
 * The first save of a new reflection. startKey is the editor's own random key: the same first save again
 * (a retry after a lost answer, a double tap without JavaScript) finds its row instead of making a second.
 */
export function startReflection(
	viewer: Viewer,
	start: StartFields,
	content: ReflectionContent,
	options: SaveOptions = {},
	db: Db = getDb()
): StartResult {
	if (!canOn(viewer, 'reflection.write', 'self')) return { id: undefined, reason: 'missing' };
	const key = start.startKey;
	const experience = resolveExperience(viewer, newReflectionOf(start), db);
	if (!experience) return { id: undefined, reason: 'missing' };
	return inTransaction(db, (tx): StartResult => {
		const mine = tx
			.select({ id: reflection.id })
			.from(reflection)
			.where(and(eq(reflection.studentId, viewer.userId), eq(reflection.startKey, key)))
			.get();
		// Version 1 is what that first save made: applied if nothing was saved since, else a conflict.
		if (mine) return { id: mine.id, result: saveReflection(viewer, mine.id, 1, content, options, tx) };
		if (!hasWords(content, experience.title)) return { id: undefined, reason: 'empty' };
		if (experience.activityId !== null) {
			const other = tx
				.select({ id: reflection.id })
				.from(reflection)
				.where(
					and(
						eq(reflection.activityId, experience.activityId),
						eq(reflection.studentId, viewer.userId),
						isNull(reflection.deletedAt)
					)
				)
				.orderBy(desc(reflection.id))
				.get();
			// One reflection per activity: one started in another tab is never written over (version 0
			// never matches), so the student sees both texts and chooses.
			if (other) return { id: other.id, result: saveReflection(viewer, other.id, 0, content, options, tx) };
		}
		const created = tx
			.insert(reflection)
			.values({
				...experience,
				schoolId: viewer.schoolId,
				studentId: viewer.userId,
				startKey: key,
				version: 0
			})
			.returning({ id: reflection.id })
			.get();
		return { id: created.id, result: saveReflection(viewer, created.id, 0, content, options, tx) };
	});
}

/** startReflection for the autosave endpoint, in the shared commit like every other autosave. */
export function startReflectionShared(
	viewer: Viewer,
	start: StartFields,
	content: ReflectionContent,
	options: SaveOptions = {}
): Promise<StartResult> {
	const db = getDb();
	return groupCommit(db, () => startReflection(viewer, start, content, options, db));
}
