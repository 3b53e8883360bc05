// How far a student's dossier is toward what the school asks for their leerjaar/level this school year
// (issue 19). Counts only: finished reflections the mentor may see, held conversations, an open goal.
import { and, count, eq, gte, inArray, isNotNull, isNull, lte, ne } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { studentScope } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import * as portfolio from '../db/schema-portfolio';
import { conversation } from '../db/schema-dialog';
import { COMPETENCY_SLUGS, type CompetencySlug } from '../../competencies';
import { getRequirement, type Requirement } from './requirements';

export interface SchoolYearRef {
	id: number;
	name: string;
	startsOn: string;
	endsOn: string;
}

export interface DossierProgress {
	year: SchoolYearRef;
	cohort: string;
	requirement: Requirement;
	reflections: { competency: CompetencySlug; count: number; done: boolean }[];
	conversations: { held: number; done: boolean };
	vervolgGoal: { has: boolean; done: boolean };
	complete: boolean;
}

/** The school's current year, and the student's leerjaar/level: the programme of their open group then. */
export function studentYear(
	schoolId: number,
	studentId: number,
	db: Db = getDb()
): { year: SchoolYearRef; cohort: string } | undefined {
	const row = db
		.select({
			id: core.schoolYear.id,
			name: core.schoolYear.name,
			startsOn: core.schoolYear.startsOn,
			endsOn: core.schoolYear.endsOn,
			cohort: core.group.programme
		})
		.from(core.groupStudent)
		.innerJoin(core.group, eq(core.group.id, core.groupStudent.groupId))
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, core.group.schoolYearId))
		.where(
			and(
				eq(core.groupStudent.studentId, studentId),
				eq(core.group.schoolId, schoolId),
				eq(core.schoolYear.isCurrent, true),
				isNull(core.group.closedAt)
			)
		)
		.orderBy(core.group.id)
		.get();
	if (!row) return undefined;
	const { cohort, ...year } = row;
	return { year, cohort };
}

/**
 * The progress of a student the viewer may follow (their own, or a mentee's); undefined when out of
 * scope, when the student is in no group this year, or when the school set nothing for their level.
 */
export function getProgress(
	viewer: Viewer,
	studentId: number = viewer.userId,
	db: Db = getDb()
): DossierProgress | undefined {
	const inScope = db
		.select({ id: core.user.id })
		.from(core.user)
		.where(
			and(
				eq(core.user.id, studentId),
				eq(core.user.schoolId, viewer.schoolId),
				studentScope(viewer, 'dossier.progress.read', core.user.id)
			)
		)
		.get();
	if (!inScope) return undefined;
	const current = studentYear(viewer.schoolId, studentId, db);
	if (!current) return undefined;
	const requirement = getRequirement(viewer.schoolId, current.cohort, db);
	if (!requirement) return undefined;
	const { year } = current;
	const r = portfolio.reflection;
	const rc = portfolio.reflectionCompetency;
	// Finished this school year and shown to the mentor: what the mentor can check before signing off.
	const perCompetency = db
		.select({ competency: rc.competency, n: count() })
		.from(rc)
		.innerJoin(r, eq(r.id, rc.reflectionId))
		.where(
			and(
				eq(r.studentId, studentId),
				isNull(r.deletedAt),
				isNotNull(r.finishedAt),
				inArray(r.visibility, ['mentor', 'dossier']),
				gte(r.finishedAt, new Date(`${year.startsOn}T00:00:00Z`)),
				lte(r.finishedAt, new Date(`${year.endsOn}T23:59:59Z`))
			)
		)
		.groupBy(rc.competency)
		.all();
	const counted = new Map(perCompetency.map((p) => [p.competency, p.n]));
	const held =
		db
			.select({ n: count() })
			.from(conversation)
			.where(
				and(
					eq(conversation.studentId, studentId),
					eq(conversation.status, 'held'),
					gte(conversation.plannedAt, year.startsOn),
					lte(conversation.plannedAt, `${year.endsOn}~`)
				)
			)
			.get()?.n ?? 0;
	const goal = db
		.select({ id: portfolio.goal.id })
		.from(portfolio.goal)
		.where(and(eq(portfolio.goal.studentId, studentId), ne(portfolio.goal.status, 'dropped')))
		.get();
	const reflections = COMPETENCY_SLUGS.map((competency) => {
		const n = counted.get(competency) ?? 0;
		return { competency, count: n, done: n >= requirement.perCompetency };
	});
	const conversations = { held, done: held >= requirement.conversations };
	const vervolgGoal = { has: Boolean(goal), done: !requirement.vervolgGoal || Boolean(goal) };
	return {
		year,
		cohort: current.cohort,
		requirement,
		reflections,
		conversations,
		vervolgGoal,
		complete: reflections.every((x) => x.done) && conversations.done && vervolgGoal.done
	};
}
