/** The q-quantile (0..1) of ascending values, nearest-rank; 0 for no values. */
export function percentile(sorted: readonly number[], q: number): number {
	if (!sorted.length) return 0;
	const rank = Math.ceil(q * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}
