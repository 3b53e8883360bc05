import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { dataSubject } from '$lib/server/privacy/access-request';
import { recordAudit } from '$lib/server/privacy/audit';
import { portfolioZip } from '$lib/server/portfolio/portfolio-export';

// A formal access request handled by the school: the student's whole ZIP, as the student downloads it,
// plus the mentors' working notes on their one-to-one conversations.
export const GET: RequestHandler = ({ params }) => {
	const viewer = requireRole('admin');
	const subject = dataSubject(viewer, Number(params.id));
	if (!subject) error(404, 'Not found');
	recordAudit(viewer, { action: 'export.download', subjectId: subject.userId, detail: 'access request' });
	const day = new Date().toISOString().slice(0, 10);
	return new Response(portfolioZip(subject, { withMentorNotes: true }), {
		headers: {
			'Content-Type': 'application/zip',
			'Content-Disposition': `attachment; filename="koers-gegevens-${subject.userId}-${day}.zip"`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store'
		}
	});
};
