import type { ChartConfiguration } from 'chart.js';
import type { Attachment } from 'svelte/attachments';

/**
 * A chart.js line chart on a canvas. chart.js loads on first draw, so only pages with a chart download it;
 * the cleanup destroys the chart.
 */
export function lineChart(config: ChartConfiguration<'line'>): Attachment<HTMLCanvasElement> {
	return (canvas) => {
		let chart: { destroy(): void } | undefined;
		let cancelled = false;
		void import('chart.js').then(
			({ Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip }) => {
				if (cancelled) return;
				Chart.register(
					LineController,
					LineElement,
					PointElement,
					LinearScale,
					CategoryScale,
					Legend,
					Tooltip
				);
				chart = new Chart(canvas, config);
			}
		);
		return () => {
			cancelled = true;
			chart?.destroy();
		};
	};
}
