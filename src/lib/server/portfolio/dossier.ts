// The student's own dossier: a print view of what they chose to show (visibility "dossier"), and the
// reflections the export reads. The download of the whole portfolio is in portfolio-export.ts.
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { reflectionWriteScope } from '../access-scopes/reflections';
import type { Viewer } from '../auth/viewer';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import { type ActivityType, type Visibility } from '../../portfolio';
import { latestRatings, listGoals, listRatings, type GoalDto, type RatingDto } from './growth';
import {
	dossierConversations,
	dossierEvidence,
	dossierFeedback,
	dossierReflections,
	ownerOfViewer,
	type DossierConversation,
	type DossierReflection,
	type EvidenceFile,
	type FeedbackItem
} from './dossier-content';
import { getSignoff, type Signoff } from './signoff';
import { getCurrentSchoolYear } from '../school/schools';
import { fullName } from '$lib/names';

const r = portfolio.reflection;
const rc = portfolio.reflectionCompetency;

export interface ReflectionEntry {
	id: number;
	title: string;
	activityType: ActivityType;
	activityDate: string | null;
	activityPlace: string;
	doel: string;
	resultaat: string;
	evaluatie: string;
	vervolg: string;
	visibility: Visibility;
	competencies: CompetencySlug[];
	finishedAt: Date | null;
	createdAt: Date;
	updatedAt: Date;
}

/** The viewer's own reflections (drafts and private ones too), with their competencies: two queries. */
export function ownReflections(viewer: Viewer, onlyDossier: boolean): ReflectionEntry[] {
	const db = getDb();
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
			vervolg: r.vervolg,
			visibility: r.visibility,
			finishedAt: r.finishedAt,
			createdAt: r.createdAt,
			updatedAt: r.updatedAt
		})
		.from(r)
		.where(
			onlyDossier
				? and(reflectionWriteScope(viewer), eq(r.visibility, 'dossier'))
				: reflectionWriteScope(viewer)
		)
		.orderBy(asc(r.activityDate), asc(r.createdAt))
		.all()
		.filter((x) => !onlyDossier || x.finishedAt !== null);
	if (!rows.length) return [];
	const tags = db
		.select({ reflectionId: rc.reflectionId, competency: rc.competency })
		.from(rc)
		.where(
			inArray(
				rc.reflectionId,
				rows.map((x) => x.id)
			)
		)
		.all();
	return rows.map((x) => ({
		...x,
		competencies: COMPETENCY_SLUGS.filter((c) =>
			tags.some((t) => t.reflectionId === x.id && t.competency === c)
		)
	}));
}

export function ownerInfo(viewer: Viewer) {
	const db = getDb();
	const me = db
		.select({
			givenName: core.user.givenName,
			prefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			studentNumber: core.user.studentNumber,
			school: core.school.name
		})
		.from(core.user)
		.innerJoin(core.school, eq(core.school.id, core.user.schoolId))
		.where(and(eq(core.user.id, viewer.userId), eq(core.user.schoolId, viewer.schoolId)))
		.get();
	return {
		name: me ? fullName({ ...me, familyNamePrefix: me.prefix }) : '',
		studentNumber: me?.studentNumber ?? null,
		school: me?.school ?? ''
	};
}

export type DossierEntry = DossierReflection & { evidence: EvidenceFile[]; feedback: FeedbackItem[] };

/** Each reflection once, under its first competency in vmbo order; those without one last. */
export function groupByCompetency<T extends { competencies: CompetencySlug[] }>(
	reflections: T[]
): { competency: CompetencySlug | null; reflections: T[] }[] {
	return [...COMPETENCY_SLUGS, null]
		.map((competency) => ({
			competency,
			reflections: reflections.filter((x) => (x.competencies[0] ?? null) === competency)
		}))
		.filter((g) => g.reflections.length > 0);
}

export interface Dossier {
	owner: { name: string; studentNumber: string | null; school: string };
	byCompetency: { competency: CompetencySlug | null; reflections: DossierEntry[] }[];
	goals: GoalDto[];
	ratings: (RatingDto | null)[];
	conversations: DossierConversation[];
	signoff: Signoff | null;
	/** This school year's name, for "not signed off yet". */
	yearName: string;
}

/**
 * The print view: finished reflections the student put in their dossier with their evidence and feedback,
 * the held conversations, goals, the latest self-rating per competency, and this year's sign-off.
 */
export function getDossier(viewer: Viewer): Dossier | undefined {
	const owner = ownerOfViewer(viewer);
	if (!owner) return undefined;
	const reflections = dossierReflections(owner);
	const ids = reflections.map((x) => x.id);
	const evidence = dossierEvidence(owner, ids);
	const feedback = dossierFeedback(owner, ids);
	const latest = latestRatings(listRatings(viewer));
	return {
		owner: ownerInfo(viewer),
		byCompetency: groupByCompetency(
			reflections.map((x) => ({
				...x,
				evidence: evidence.get(x.id) ?? [],
				feedback: feedback.get(x.id) ?? []
			}))
		),
		goals: listGoals(viewer).filter((g) => g.status !== 'dropped'),
		ratings: COMPETENCY_SLUGS.map((c) => latest[c] ?? null),
		conversations: dossierConversations(owner),
		signoff: getSignoff(viewer),
		yearName: getCurrentSchoolYear(viewer.schoolId)?.name ?? ''
	};
}
