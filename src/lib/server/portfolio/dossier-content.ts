// What a dossier holds besides the reflections' text: the evidence, the mentor's feedback and the held
// loopbaangesprekken with their agreements (issue 19). Read for a DossierOwner, which only the student's own
// viewer or a valid share link gives, so nothing here can be asked about another student.
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { canOn } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { agreement, comment, conversation } from '../db/schema-dialog';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import type { ActivityType, SharePart } from '../../portfolio';
import { fullName } from '$lib/names';

declare const ownerBrand: unique symbol;
/** Whose dossier is read: made only from the student's own viewer or from a valid share link. */
export type DossierOwner = { readonly studentId: number; readonly schoolId: number } & {
	readonly [ownerBrand]: true;
};

export function ownerOfViewer(viewer: Viewer): DossierOwner | undefined {
	if (!canOn(viewer, 'reflection.write', 'self')) return undefined;
	return { studentId: viewer.userId, schoolId: viewer.schoolId } as DossierOwner;
}

/** Only for share.ts, after it checked the token, the expiry and the revocation. */
export function ownerOfShare(row: { studentId: number; schoolId: number }): DossierOwner {
	return { studentId: row.studentId, schoolId: row.schoolId } as DossierOwner;
}

export interface DossierReflection {
	id: number;
	title: string;
	activityType: ActivityType;
	activityDate: string | null;
	activityPlace: string;
	doel: string;
	resultaat: string;
	evaluatie: string;
	vervolg: string;
	competencies: CompetencySlug[];
}

export interface EvidenceFile {
	id: number;
	fileName: string;
	mimeType: string;
	size: number;
}

export interface FeedbackItem {
	id: number;
	author: string;
	byStudent: boolean;
	body: string;
	createdAt: number;
}

export interface DossierConversation {
	id: number;
	plannedAt: string;
	summary: string;
	confirmed: boolean;
	mentor: string;
	agreements: string[];
}

const r = portfolio.reflection;
const nameOf = (u: { given: string | null; prefix: string | null; family: string | null }) =>
	u.given === null ? '' : fullName({ givenName: u.given, familyNamePrefix: u.prefix, familyName: u.family });

/**
 * The finished reflections the student put in their dossier (visibility "dossier"), oldest first; with a
 * competency as part, only those under that question.
 */
export function dossierReflections(owner: DossierOwner, part: SharePart = 'all', db: Db = getDb()) {
	const rc = portfolio.reflectionCompetency;
	const rows = db
		.select({
			id: r.id,
			title: r.title,
			activityType: r.activityType,
			activityDate: r.activityDate,
			activityPlace: r.activityPlace,
			doel: r.doel,
			resultaat: r.resultaat,
			evaluatie: r.evaluatie,
			vervolg: r.vervolg
		})
		.from(r)
		.where(
			and(
				eq(r.studentId, owner.studentId),
				eq(r.schoolId, owner.schoolId),
				isNull(r.deletedAt),
				isNotNull(r.finishedAt),
				eq(r.visibility, 'dossier'),
				part === 'all'
					? undefined
					: inArray(r.id, db.select({ id: rc.reflectionId }).from(rc).where(eq(rc.competency, part)))
			)
		)
		.orderBy(asc(r.activityDate), asc(r.createdAt))
		.all();
	const tags = rows.length
		? db
				.select({ id: rc.reflectionId, competency: rc.competency })
				.from(rc)
				.where(
					inArray(
						rc.reflectionId,
						rows.map((x) => x.id)
					)
				)
				.all()
		: [];
	return rows.map((x): DossierReflection => ({
		...x,
		competencies: COMPETENCY_SLUGS.filter((c) => tags.some((t) => t.id === x.id && t.competency === c))
	}));
}

/** The evidence of these reflections of the owner, per reflection, oldest first: one query. */
export function dossierEvidence(
	owner: DossierOwner,
	reflectionIds: number[],
	db: Db = getDb()
): Map<number, EvidenceFile[]> {
	const a = portfolio.attachment;
	const byId = new Map<number, EvidenceFile[]>(reflectionIds.map((id) => [id, []]));
	if (!reflectionIds.length) return byId;
	const rows = db
		.select({
			reflectionId: a.reflectionId,
			id: a.id,
			fileName: a.fileName,
			mimeType: a.mimeType,
			size: a.size
		})
		.from(a)
		.where(and(eq(a.studentId, owner.studentId), inArray(a.reflectionId, reflectionIds)))
		.orderBy(asc(a.createdAt), asc(a.id))
		.all();
	for (const { reflectionId, ...file } of rows) byId.get(reflectionId)?.push(file);
	return byId;
}

/** The comment threads (the mentor's feedback and the student's replies) on these reflections. */
export function dossierFeedback(
	owner: DossierOwner,
	reflectionIds: number[],
	db: Db = getDb()
): Map<number, FeedbackItem[]> {
	const byId = new Map<number, FeedbackItem[]>(reflectionIds.map((id) => [id, []]));
	if (!reflectionIds.length) return byId;
	const rows = db
		.select({
			reflectionId: comment.reflectionId,
			id: comment.id,
			authorId: comment.authorId,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName,
			body: comment.body,
			createdAt: comment.createdAt
		})
		.from(comment)
		.innerJoin(r, eq(r.id, comment.reflectionId))
		.innerJoin(core.user, eq(core.user.id, comment.authorId))
		.where(
			and(
				eq(r.studentId, owner.studentId),
				inArray(comment.reflectionId, reflectionIds),
				isNull(comment.deletedAt)
			)
		)
		.orderBy(asc(comment.createdAt), asc(comment.id))
		.all();
	for (const c of rows)
		byId.get(c.reflectionId)?.push({
			id: c.id,
			author: nameOf(c),
			byStudent: c.authorId === owner.studentId,
			body: c.body,
			createdAt: c.createdAt.getTime()
		});
	return byId;
}

/** The owner's held loopbaangesprekken: summary and agreements, never the mentor's working note. */
export function dossierConversations(owner: DossierOwner, db: Db = getDb()): DossierConversation[] {
	const rows = db
		.select({
			id: conversation.id,
			plannedAt: conversation.plannedAt,
			summary: conversation.summary,
			confirmedAt: conversation.summaryConfirmedAt,
			given: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			family: core.user.familyName
		})
		.from(conversation)
		.leftJoin(core.user, eq(core.user.id, conversation.mentorId))
		.where(
			and(
				eq(conversation.studentId, owner.studentId),
				eq(conversation.schoolId, owner.schoolId),
				eq(conversation.status, 'held')
			)
		)
		.orderBy(asc(conversation.plannedAt), asc(conversation.id))
		.all();
	const goals = rows.length
		? db
				.select({ conversationId: agreement.conversationId, title: portfolio.goal.title })
				.from(agreement)
				.innerJoin(portfolio.goal, eq(portfolio.goal.id, agreement.goalId))
				.where(
					and(
						eq(portfolio.goal.studentId, owner.studentId),
						inArray(
							agreement.conversationId,
							rows.map((c) => c.id)
						)
					)
				)
				.orderBy(asc(agreement.id))
				.all()
		: [];
	return rows.map((c) => ({
		id: c.id,
		plannedAt: c.plannedAt,
		summary: c.summary,
		confirmed: c.confirmedAt !== null,
		mentor: nameOf(c),
		agreements: goals.filter((g) => g.conversationId === c.id).map((g) => g.title)
	}));
}
