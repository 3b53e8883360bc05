import type { PageServerLoad } from './$types';
import { requireRole } from '$lib/server/auth/guard';
import { requireChild } from '$lib/server/parents/params';
import { listHomeConversations, listHomeGoals, listHomeReflections } from '$lib/server/parents/home';
import { listHomeActivities } from '$lib/server/parents/programme';
import { recordView } from '$lib/server/privacy/audit';

export const load: PageServerLoad = ({ params }) => {
	const viewer = requireRole('parent');
	const child = requireChild(viewer, params.studentId);
	// The student sees this under "Wie keek mee?", like a mentor's look at their portfolio.
	recordView(viewer, child.id, 'portfolio.view', JSON.stringify({ seen: 'home' }));
	return {
		child,
		reflections: listHomeReflections(viewer, child.id),
		goals: listHomeGoals(viewer, child.id),
		conversations: listHomeConversations(viewer, child.id),
		// The school's programme for the child, whatever they share: school information, not their content.
		activities: listHomeActivities(viewer, child.id)
	};
};
