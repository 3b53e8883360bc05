// The reach table of the school overview, one small row per group as the page shows it.
import type { CompetencySlug } from '$lib/competencies';
import type { GroupReach } from '$lib/server/school/aggregates';

export interface ReachRow {
	id: number;
	name: string;
	students: number;
	/** Students reached per competency this school year. */
	reached: Record<CompetencySlug, number>;
	/** Conversations held. */
	held: number;
}

export function reachRows(groups: GroupReach[]): ReachRow[] {
	return groups.map((g) => ({
		id: g.groupId,
		name: g.groupName,
		students: g.students,
		reached: g.reached,
		held: g.conversationsHeld
	}));
}
