// What a parent sees of one child: the reflections shared "ook thuis", the goals when the student shows them,
// and the conversations they were invited to or whose confirmed summary the student shared. Every query is
// limited by homeReflectionScope / homeConversationScope, so a revoked link answers like a missing row.
import { and, asc, count, desc, eq, inArray, ne } from 'drizzle-orm';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ActivityType } from '../../portfolio';
import { getDb } from '../db';
import { goal, reflection, reflectionCompetency } from '../db/schema-portfolio';
import { agreement, conversation, conversationAgendaItem } from '../db/schema-dialog';
import { conversationParentInvite, parentNote } from '../db/schema-parents';
import { canOn } from '../access';
import { homeConversationScope } from '../access-scopes/conversations';
import { homeReflectionScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { sharesGoals } from './links';

/** A parent's own agenda points per conversation: enough for what matters, not a second chat. */
export const PARENT_AGENDA_LIMIT = 5;

export interface HomeReflectionItem {
	id: number;
	title: string;
	activityType: ActivityType;
	activityDate: string | null;
	competencies: CompetencySlug[];
}

function competenciesOf(ids: number[]): Map<number, CompetencySlug[]> {
	const byId = new Map<number, CompetencySlug[]>(ids.map((id) => [id, []]));
	if (!ids.length) return byId;
	const rows = getDb()
		.select({ id: reflectionCompetency.reflectionId, c: reflectionCompetency.competency })
		.from(reflectionCompetency)
		.where(inArray(reflectionCompetency.reflectionId, ids))
		.all();
	for (const r of rows) byId.get(r.id)?.push(r.c);
	for (const list of byId.values())
		list.sort((a, b) => COMPETENCY_SLUGS.indexOf(a) - COMPETENCY_SLUGS.indexOf(b));
	return byId;
}

export function listHomeReflections(viewer: Viewer, studentId: number): HomeReflectionItem[] {
	const rows = getDb()
		.select({
			id: reflection.id,
			title: reflection.title,
			activityType: reflection.activityType,
			activityDate: reflection.activityDate
		})
		.from(reflection)
		.where(and(eq(reflection.studentId, studentId), homeReflectionScope(viewer)))
		.orderBy(desc(reflection.activityDate), desc(reflection.id))
		.all();
	const comps = competenciesOf(rows.map((r) => r.id));
	return rows.map((r) => ({ ...r, competencies: comps.get(r.id) ?? [] }));
}

export interface HomeReflection extends HomeReflectionItem {
	activityPlace: string;
	doel: string;
	resultaat: string;
	evaluatie: string;
	vervolg: string;
	/** This parent's own note ("Van thuis"), or ''. */
	myNote: string;
}

export function getHomeReflection(viewer: Viewer, studentId: number, id: number): HomeReflection | undefined {
	const db = getDb();
	const r = db
		.select({
			id: reflection.id,
			title: reflection.title,
			activityType: reflection.activityType,
			activityDate: reflection.activityDate,
			activityPlace: reflection.activityPlace,
			doel: reflection.doel,
			resultaat: reflection.resultaat,
			evaluatie: reflection.evaluatie,
			vervolg: reflection.vervolg,
			myNote: parentNote.body
		})
		.from(reflection)
		.leftJoin(
			parentNote,
			and(eq(parentNote.reflectionId, reflection.id), eq(parentNote.parentId, viewer.userId))
		)
		.where(and(eq(reflection.id, id), eq(reflection.studentId, studentId), homeReflectionScope(viewer)))
		.get();
	if (!r) return undefined;
	return { ...r, myNote: r.myNote ?? '', competencies: competenciesOf([id]).get(id) ?? [] };
}

/** Saves this parent's one note on a shared reflection; an empty note removes it. */
export function saveNote(viewer: Viewer, studentId: number, id: number, body: string): boolean {
	if (!canOn(viewer, 'parent.note.write', 'child')) return false;
	const db = getDb();
	return db.transaction((tx) => {
		const r = tx
			.select({ id: reflection.id })
			.from(reflection)
			.where(and(eq(reflection.id, id), eq(reflection.studentId, studentId), homeReflectionScope(viewer)))
			.get();
		if (!r) return false;
		const mine = and(eq(parentNote.reflectionId, id), eq(parentNote.parentId, viewer.userId));
		if (!body) {
			tx.delete(parentNote).where(mine).run();
			return true;
		}
		const now = new Date();
		tx.insert(parentNote)
			.values({ schoolId: viewer.schoolId, reflectionId: id, studentId, parentId: viewer.userId, body })
			.onConflictDoUpdate({
				target: [parentNote.reflectionId, parentNote.parentId],
				// A changed note shows again, even if the student had hidden the old one.
				set: { body, updatedAt: now, hiddenAt: null }
			})
			.run();
		return true;
	});
}

export interface HomeGoal {
	id: number;
	title: string;
	dueOn: string | null;
	status: string;
}

/** The student's open and reached goals, only when they chose to show them at home. */
export function listHomeGoals(viewer: Viewer, studentId: number): HomeGoal[] | null {
	if (!canOn(viewer, 'parent.child.read', 'child') || !sharesGoals(studentId)) return null;
	return getDb()
		.select({ id: goal.id, title: goal.title, dueOn: goal.dueOn, status: goal.status })
		.from(goal)
		.where(and(eq(goal.studentId, studentId), eq(goal.schoolId, viewer.schoolId), ne(goal.status, 'dropped')))
		.orderBy(asc(goal.status), asc(goal.dueOn))
		.all();
}

const scopeCols = {
	id: conversation.id,
	schoolId: conversation.schoolId,
	studentId: conversation.studentId,
	summaryConfirmedAt: conversation.summaryConfirmedAt
};

export interface HomeConversationItem {
	id: number;
	plannedAt: string;
	status: 'planned' | 'held' | 'cancelled';
	invited: boolean;
	confirmed: boolean;
}

export function listHomeConversations(viewer: Viewer, studentId: number): HomeConversationItem[] {
	return getDb()
		.select({
			id: conversation.id,
			plannedAt: conversation.plannedAt,
			status: conversation.status,
			invitedAt: conversationParentInvite.createdAt,
			confirmedAt: conversation.summaryConfirmedAt
		})
		.from(conversation)
		.leftJoin(conversationParentInvite, eq(conversationParentInvite.conversationId, conversation.id))
		.where(and(eq(conversation.studentId, studentId), homeConversationScope(viewer, scopeCols)))
		.orderBy(desc(conversation.plannedAt))
		.all()
		.map((c) => ({
			id: c.id,
			plannedAt: c.plannedAt,
			status: c.status,
			invited: c.invitedAt !== null,
			confirmed: c.confirmedAt !== null
		}));
}

export interface HomeConversation extends HomeConversationItem {
	/** Only once the student confirmed it. */
	summary: string | null;
	agreements: { title: string; dueOn: string | null }[];
	/** The points parents added (the student's and mentor's own points stay theirs). */
	parentPoints: { id: number; text: string; mine: boolean }[];
}

export function getHomeConversation(
	viewer: Viewer,
	studentId: number,
	id: number
): HomeConversation | undefined {
	const db = getDb();
	const c = db
		.select({
			id: conversation.id,
			plannedAt: conversation.plannedAt,
			status: conversation.status,
			summary: conversation.summary,
			invitedAt: conversationParentInvite.createdAt,
			confirmedAt: conversation.summaryConfirmedAt
		})
		.from(conversation)
		.leftJoin(conversationParentInvite, eq(conversationParentInvite.conversationId, conversation.id))
		.where(
			and(
				eq(conversation.id, id),
				eq(conversation.studentId, studentId),
				homeConversationScope(viewer, scopeCols)
			)
		)
		.get();
	if (!c) return undefined;
	const confirmed = c.confirmedAt !== null;
	const agreements = confirmed
		? db
				.select({ title: goal.title, dueOn: goal.dueOn })
				.from(agreement)
				.innerJoin(goal, eq(goal.id, agreement.goalId))
				.where(and(eq(agreement.conversationId, id), eq(agreement.studentId, studentId)))
				.orderBy(asc(agreement.id))
				.all()
		: [];
	const parentPoints = db
		.select({
			id: conversationAgendaItem.id,
			text: conversationAgendaItem.text,
			authorId: conversationAgendaItem.authorId
		})
		.from(conversationAgendaItem)
		.where(and(eq(conversationAgendaItem.conversationId, id), eq(conversationAgendaItem.source, 'parent')))
		.orderBy(asc(conversationAgendaItem.id))
		.all()
		.map((p) => ({ id: p.id, text: p.text, mine: p.authorId === viewer.userId }));
	return {
		id: c.id,
		plannedAt: c.plannedAt,
		status: c.status,
		invited: c.invitedAt !== null,
		confirmed,
		summary: confirmed ? c.summary : null,
		agreements,
		parentPoints
	};
}

export type AgendaResult = 'ok' | 'missing' | 'closed' | 'full';

/** A parent adds a point to a planned conversation they were invited to. */
export function addParentAgendaItem(
	viewer: Viewer,
	studentId: number,
	id: number,
	text: string
): AgendaResult {
	if (!canOn(viewer, 'parent.agenda.add', 'child')) return 'missing';
	const c = getHomeConversation(viewer, studentId, id);
	if (!c || !c.invited) return 'missing';
	if (c.status !== 'planned') return 'closed';
	const db = getDb();
	const mine = db
		.select({ n: count() })
		.from(conversationAgendaItem)
		.where(
			and(eq(conversationAgendaItem.conversationId, id), eq(conversationAgendaItem.authorId, viewer.userId))
		)
		.get()!.n;
	if (mine >= PARENT_AGENDA_LIMIT) return 'full';
	db.insert(conversationAgendaItem)
		.values({
			schoolId: viewer.schoolId,
			conversationId: id,
			source: 'parent',
			authorId: viewer.userId,
			text
		})
		.run();
	return 'ok';
}
