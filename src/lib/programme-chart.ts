// The reach chart's data, shaped without chart.js so it can be tested: per activity the share of invited
// students who prepared and who reflected, in percent (cancelled and empty activities left out).

export interface ReachRow {
	title: string;
	date: string | null;
	cancelled: boolean;
	invited: number;
	prepared: number;
	reflected: number;
}

export interface ReachChartData {
	labels: string[];
	datasets: { label: string; data: number[]; backgroundColor: string }[];
}

const percent = (n: number, of: number) => (of ? Math.round((100 * n) / of) : 0);

export function reachChartData(
	rows: ReachRow[],
	names: { prepared: string; reflected: string },
	dateLabel: (d: string) => string = (d) => d
): ReachChartData {
	const shown = rows.filter((r) => !r.cancelled && r.invited > 0);
	return {
		labels: shown.map((r) => (r.date ? `${dateLabel(r.date)} ${r.title}` : r.title)),
		datasets: [
			{
				label: names.prepared,
				data: shown.map((r) => percent(r.prepared, r.invited)),
				backgroundColor: '#7fb8c1'
			},
			{
				label: names.reflected,
				data: shown.map((r) => percent(r.reflected, r.invited)),
				backgroundColor: '#0b5e6b'
			}
		]
	};
}
