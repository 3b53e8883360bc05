// Which conversations a viewer may see, as SQL: they follow the current mentorship, like reflections.
import { and, eq, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { canOn, grants, relationCondition, type Operation } from '../access';
import * as core from '../db/schema';
import * as parents from '../db/schema-parents';
import type { Viewer } from '../auth/viewer';

/** The open groups a student is in, as a subquery. */
function ownGroupIds(viewer: Viewer) {
	return sql`(select ${core.groupStudent.groupId} from ${core.groupStudent}
		inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
		where ${core.groupStudent.studentId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

/** The open groups the viewer mentors, as a subquery. */
function mentoredGroupIds(viewer: Viewer) {
	return sql`(select ${core.groupMentor.groupId} from ${core.groupMentor}
		inner join ${core.group} on ${core.group.id} = ${core.groupMentor.groupId}
		where ${core.groupMentor.mentorId} = ${viewer.userId} and ${core.group.closedAt} is null)`;
}

// A group conversation has no student. The unary + keeps SQLite from answering "is null" with the student
// index: its statistics see a few rows per student id and miss that every group conversation is null there.
const groupWide = (studentId: SQLiteColumn) => sql`+${studentId} is null`;

export interface ConversationColumns {
	schoolId: SQLiteColumn;
	studentId: SQLiteColumn;
	groupId: SQLiteColumn;
	mentorId: SQLiteColumn;
}

/**
 * The conversations the viewer may do this operation on. Access follows the current mentorship, like
 * reflections (DOMAIN.md §5): a student has their own and their open groups' ones; a mentor those of the
 * students in their open groups right now, whoever held them (the next mentor inherits the history), and
 * the group conversations of the open groups they mentor. A former mentor keeps none of them, not even the
 * ones they held themselves.
 */
export function conversationScope(viewer: Viewer, op: Operation, c: ConversationColumns): SQL {
	const conditions: SQL[] = [];
	for (const g of grants(viewer, op)) {
		if (g === true) continue;
		if (g.includes('self'))
			conditions.push(
				or(
					eq(c.studentId, viewer.userId),
					and(groupWide(c.studentId), sql`${c.groupId} in ${ownGroupIds(viewer)}`)
				) as SQL
			);
		if (g.includes('mentee'))
			conditions.push(
				or(
					relationCondition(viewer, 'mentee', c.studentId),
					and(groupWide(c.studentId), sql`${c.groupId} in ${mentoredGroupIds(viewer)}`)
				) as SQL
			);
	}
	if (!conditions.length) return sql`0`;
	return and(eq(c.schoolId, viewer.schoolId), or(...conditions)) as SQL;
}

/** Conversations the viewer may read (see conversationScope). */
export function conversationReadScope(viewer: Viewer, c: ConversationColumns): SQL {
	return conversationScope(viewer, 'conversation.read', c);
}

/**
 * Is the mentor who planned the conversation still a mentor of its student (or of its group, still open)?
 * When not, the conversation stays in the history but takes nothing new: the student plans a new one with
 * their new mentor. Not about the viewer: the same answer for everyone who may read the conversation.
 */
export function conversationMentorIsCurrent(c: ConversationColumns): SQL {
	return sql`(case when ${c.studentId} is not null then exists (select 1 from ${core.groupStudent}
			inner join ${core.groupMentor} on ${core.groupMentor.groupId} = ${core.groupStudent.groupId}
			inner join ${core.group} on ${core.group.id} = ${core.groupStudent.groupId}
			where ${core.groupStudent.studentId} = ${c.studentId} and ${core.groupMentor.mentorId} = ${c.mentorId}
				and ${core.group.closedAt} is null)
		else exists (select 1 from ${core.groupMentor}
			inner join ${core.group} on ${core.group.id} = ${core.groupMentor.groupId}
			where ${core.groupMentor.groupId} = ${c.groupId} and ${core.groupMentor.mentorId} = ${c.mentorId}
				and ${core.group.closedAt} is null) end)`;
}

/**
 * The conversations a parent may see: one-to-one conversations of a linked child to which the mentor
 * invited the parents, or whose confirmed summary the student shared with home.
 */
export function homeConversationScope(
	viewer: Viewer,
	c: { id: SQLiteColumn; schoolId: SQLiteColumn; studentId: SQLiteColumn; summaryConfirmedAt: SQLiteColumn }
): SQL {
	if (!canOn(viewer, 'parent.child.read', 'child')) return sql`0`;
	return and(
		eq(c.schoolId, viewer.schoolId),
		relationCondition(viewer, 'child', c.studentId),
		or(
			inArray(
				c.id,
				sql`(select ${parents.conversationParentInvite.conversationId} from ${parents.conversationParentInvite})`
			),
			and(
				isNotNull(c.summaryConfirmedAt),
				inArray(
					c.id,
					sql`(select ${parents.conversationHomeShare.conversationId} from ${parents.conversationHomeShare})`
				)
			)
		)
	) as SQL;
}
