// What a mentor sees of their own groups. Scope: mentoredGroupScope (open groups the viewer mentors).
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as table from '../db/schema';
import { mentoredGroupScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { fullName, sortName } from '$lib/names';

export interface MentorGroupStudent {
	id: number;
	name: string;
	sortName: string;
	studentNumber: string | null;
}

export interface MentorGroup {
	id: number;
	name: string;
	programme: string;
	students: MentorGroupStudent[];
}

/** The viewer's open groups with their active students: two queries, whatever the number of groups. */
export function listMentorGroups(viewer: Viewer): MentorGroup[] {
	const db = getDb();
	const groups = db
		.select({ id: table.group.id, name: table.group.name, programme: table.group.programme })
		.from(table.group)
		.where(mentoredGroupScope(viewer))
		.orderBy(asc(table.group.name))
		.all();
	if (!groups.length) return [];
	const rows = db
		.select({
			groupId: table.groupStudent.groupId,
			id: table.user.id,
			givenName: table.user.givenName,
			prefix: table.user.familyNamePrefix,
			familyName: table.user.familyName,
			studentNumber: table.user.studentNumber
		})
		.from(table.groupStudent)
		.innerJoin(table.user, eq(table.user.id, table.groupStudent.studentId))
		.where(
			and(
				inArray(
					table.groupStudent.groupId,
					groups.map((g) => g.id)
				),
				eq(table.user.active, true),
				eq(table.user.schoolId, viewer.schoolId)
			)
		)
		.orderBy(asc(table.user.familyName), asc(table.user.givenName))
		.all();
	const byGroup = new Map<number, MentorGroupStudent[]>();
	for (const r of rows) {
		const list = byGroup.get(r.groupId) ?? [];
		list.push({
			id: r.id,
			name: fullName({ ...r, familyNamePrefix: r.prefix }),
			sortName: sortName({ ...r, familyNamePrefix: r.prefix }),
			studentNumber: r.studentNumber
		});
		byGroup.set(r.groupId, list);
	}
	return groups.map((g) => ({ ...g, students: byGroup.get(g.id) ?? [] }));
}
