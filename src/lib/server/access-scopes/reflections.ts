// Which reflections a viewer may read or write, as SQL: the policy's grants applied to the reflection row.
import { and, eq, inArray, isNotNull, isNull, or, sql, type SQL } from 'drizzle-orm';
import { canOn, grants, relationCondition } from '../access';
import * as portfolio from '../db/schema-portfolio';
import * as parents from '../db/schema-parents';
import type { Viewer } from '../auth/viewer';

/**
 * The reflections this viewer may read: their own (drafts and private ones included), and for a mentor
 * the finished reflections of their mentees that are shared with mentors or in the dossier. Coordinators
 * and admins read no reflection text (DOMAIN.md §5).
 */
export function reflectionReadScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	const conditions: SQL[] = [];
	for (const g of grants(viewer, 'reflection.read')) {
		if (g === true) continue;
		if (g.includes('self')) conditions.push(eq(r.studentId, viewer.userId));
		if (g.includes('mentee'))
			conditions.push(
				and(
					relationCondition(viewer, 'mentee', r.studentId),
					inArray(r.visibility, ['mentor', 'dossier']),
					isNotNull(r.finishedAt)
				) as SQL
			);
	}
	if (!conditions.length) return sql`0`;
	return and(eq(r.schoolId, viewer.schoolId), isNull(r.deletedAt), or(...conditions)) as SQL;
}

/** Only the student writes their own reflections. */
export function reflectionWriteScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	if (!canOn(viewer, 'reflection.write', 'self')) return sql`0`;
	return and(eq(r.schoolId, viewer.schoolId), eq(r.studentId, viewer.userId), isNull(r.deletedAt)) as SQL;
}

/**
 * The reflections a parent may read: finished ones of their linked children that the student shared with
 * their mentor or dossier and also marked "ook thuis". Never drafts, private ones or deleted ones.
 */
export function homeReflectionScope(viewer: Viewer): SQL {
	const r = portfolio.reflection;
	if (!canOn(viewer, 'parent.child.read', 'child')) return sql`0`;
	return and(
		eq(r.schoolId, viewer.schoolId),
		isNull(r.deletedAt),
		isNotNull(r.finishedAt),
		inArray(r.visibility, ['mentor', 'dossier']),
		relationCondition(viewer, 'child', r.studentId),
		inArray(
			r.id,
			sql`(select ${parents.reflectionHomeShare.reflectionId} from ${parents.reflectionHomeShare})`
		)
	) as SQL;
}
