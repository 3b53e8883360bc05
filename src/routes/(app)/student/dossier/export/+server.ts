import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { portfolioZip } from '$lib/server/portfolio/portfolio-export';

// The whole portfolio as a ZIP (portfolio.json + attachments; format: docs/portfolio-export.md).
export const GET: RequestHandler = () => {
	const viewer = requireRole('student');
	const day = new Date().toISOString().slice(0, 10);
	return new Response(portfolioZip(viewer), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="koers-portfolio-${day}.zip"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
