// The shape of the synthetic school board at scale 1 (everything about students multiplies with --scale).
export const GEN = {
	groups: 80,
	groupSize: 25,
	mentors: 80,
	// The LOB-task matrix is about staff, not students: it keeps its size at every scale.
	staff: 15,
	activities: 30,
	reflectionsPerStudent: 50,
	writerReflections: 80,
	ratingsPerCompetency: 2,
	goalsPerStudent: 3
} as const;

/** A small seeded PRNG (mulberry32): the same data on every run, so two runs compare. */
export function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
