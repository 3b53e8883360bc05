// What the school asks of the loopbaandossier per leerjaar/level (DOMAIN.md §3, issue 19). The decaan sets
// it; a leerjaar/level is a group's programme ("vmbo-kb 3"), the same words the programme plans with.
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Viewer } from '../auth/viewer';
import { can } from '../access';
import { getDb, type Db } from '../db';
import * as core from '../db/schema';
import { dossierRequirement } from '../db/schema-dossier';
import type { RequirementInput } from '../../schemas/dossier';

export interface Requirement {
	cohort: string;
	perCompetency: number;
	conversations: number;
	vervolgGoal: boolean;
}

const columns = {
	cohort: dossierRequirement.cohort,
	perCompetency: dossierRequirement.perCompetency,
	conversations: dossierRequirement.conversations,
	vervolgGoal: dossierRequirement.vervolgGoal
};

/** The school's requirements, and every leerjaar/level of this year's groups (set or not yet). */
export function listRequirements(
	viewer: Viewer,
	db: Db = getDb()
): { cohorts: string[]; requirements: Requirement[] } | undefined {
	if (!can(viewer, 'dossier.requirements.manage')) return undefined;
	const requirements = db
		.select(columns)
		.from(dossierRequirement)
		.where(eq(dossierRequirement.schoolId, viewer.schoolId))
		.orderBy(asc(dossierRequirement.cohort))
		.all();
	const programmes = db
		.selectDistinct({ cohort: core.group.programme })
		.from(core.group)
		.innerJoin(core.schoolYear, eq(core.schoolYear.id, core.group.schoolYearId))
		.where(
			and(
				eq(core.group.schoolId, viewer.schoolId),
				eq(core.schoolYear.isCurrent, true),
				isNull(core.group.closedAt)
			)
		)
		.all()
		.map((g) => g.cohort)
		.filter((c) => c !== '');
	const cohorts = [...new Set([...programmes, ...requirements.map((r) => r.cohort)])].sort((a, b) =>
		a.localeCompare(b, 'nl')
	);
	return { cohorts, requirements };
}

/** Sets (or replaces) the requirement of one leerjaar/level; false when the viewer may not. */
export function saveRequirement(viewer: Viewer, input: RequirementInput, db: Db = getDb()): boolean {
	if (!can(viewer, 'dossier.requirements.manage')) return false;
	const values = {
		perCompetency: input.perCompetency,
		conversations: input.conversations,
		vervolgGoal: input.vervolgGoal,
		updatedAt: new Date(),
		updatedBy: viewer.userId
	};
	db.insert(dossierRequirement)
		.values({ ...values, schoolId: viewer.schoolId, cohort: input.cohort })
		.onConflictDoUpdate({ target: [dossierRequirement.schoolId, dossierRequirement.cohort], set: values })
		.run();
	return true;
}

/** The requirement for one leerjaar/level of the viewer's school, if the decaan set one. */
export function getRequirement(schoolId: number, cohort: string, db: Db = getDb()): Requirement | undefined {
	return db
		.select(columns)
		.from(dossierRequirement)
		.where(and(eq(dossierRequirement.schoolId, schoolId), eq(dossierRequirement.cohort, cohort)))
		.get();
}
