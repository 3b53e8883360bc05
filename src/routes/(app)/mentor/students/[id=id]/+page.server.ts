import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { studentSummary } from '$lib/server/mentor/student-summary';
import { listReflections } from '$lib/server/portfolio/reflections';
import { listConversations } from '$lib/server/dialog/conversations';
import { recordView } from '$lib/server/privacy/audit';
import { getCompetencyStats } from '$lib/server/portfolio/student-overview';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('mentor');
	const student = studentSummary(viewer, Number(params.id));
	if (!student) error(404, 'Not found');
	recordView(viewer, student.id, 'portfolio.view', JSON.stringify({ seen: 'summary' }));
	return {
		student,
		// The same picture the student sees, limited to what they shared with their mentor.
		stats: getCompetencyStats(viewer, student.id),
		timeline: listReflections(viewer, { studentId: student.id }).items,
		conversations: listConversations(viewer).filter((c) => c.studentId === student.id)
	};
};
