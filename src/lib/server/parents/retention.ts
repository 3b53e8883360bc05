// A parent account exists only for its children. Once no child links it any more (every student revoked
// it, or was erased), the account goes at the next `koers retention --apply`: it holds no data of its own
// beyond a name and a password, and a new invitation makes a new one in a minute.
import { and, inArray, sql } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import { parentLink } from '../db/schema-parents';

/** Parent accounts without any current link to a student. */
function orphanParentIds(): number[] {
	return getDb()
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				sql`exists (select 1 from ${core.userRole} where ${core.userRole.userId} = ${core.user.id} and ${core.userRole.role} = 'parent')`,
				sql`not exists (select 1 from ${core.userRole} where ${core.userRole.userId} = ${core.user.id} and ${core.userRole.role} != 'parent')`,
				sql`not exists (select 1 from ${parentLink} where ${parentLink.parentId} = ${core.user.id} and ${parentLink.revokedAt} is null)`
			)
		)
		.all()
		.map((r) => r.id);
}

export function countOrphanParents(): number {
	return orphanParentIds().length;
}

/** Removes parent accounts with no child left; their notes on reflections go with them (cascade). */
export function removeOrphanParents(): number {
	const ids = orphanParentIds();
	if (ids.length) getDb().delete(core.user).where(inArray(core.user.id, ids)).run();
	return ids.length;
}
