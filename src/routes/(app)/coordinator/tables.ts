// The reach table as it goes from the load to the page: a column of group names and the figures row after
// row in one Int32Array. SvelteKit serializes a load's data even with csr off, at a cost per object, key and
// number; a typed array is written in one piece (81 groups: ~0.03 ms instead of ~0.3 ms as objects).
import { COMPETENCY_SLUGS } from '$lib/competencies';
import type { GroupReach } from '$lib/server/school-aggregates';

const K = COMPETENCY_SLUGS.length;
/** Per group: its students, the students reached per competency (COMPETENCY_SLUGS order), conversations held. */
const WIDTH = K + 2;

export interface ReachTable {
	names: string[];
	figures: Int32Array;
}

export function packReach(groups: GroupReach[]): ReachTable {
	const figures = new Int32Array(groups.length * WIDTH);
	groups.forEach((g, i) => {
		const at = i * WIDTH;
		figures[at] = g.students;
		COMPETENCY_SLUGS.forEach((slug, k) => (figures[at + 1 + k] = g.reached[slug]));
		figures[at + 1 + K] = g.conversationsHeld;
	});
	return { names: groups.map((g) => g.groupName), figures };
}

/** Row `i` of the table, for the page. */
export function reachRow({ names, figures }: ReachTable, i: number) {
	const at = i * WIDTH;
	return {
		name: names[i],
		students: figures[at],
		reached: figures.subarray(at + 1, at + 1 + K),
		held: figures[at + 1 + K]
	};
}
