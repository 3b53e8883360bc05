import { error } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { requireRole } from '$lib/server/auth/guard';
import { listMyAudit } from '$lib/server/privacy/audit';
import { invalid, parseForm } from '$lib/server/forms';
import {
	cancelInvitation,
	createInvitation,
	listOpenInvitations,
	MAX_OPEN_INVITATIONS,
	MAX_PARENTS
} from '$lib/server/parents/invitations';
import { listMyParents, revokeParent, setShareGoals, sharesGoals } from '$lib/server/parents/links';
import { listShareViews } from '$lib/server/portfolio/share';
import { invitationIdSchema, linkIdSchema, switchSchema } from '$lib/schemas/parents';

export const load: PageServerLoad = () => {
	const viewer = requireRole('student');
	return {
		entries: listMyAudit(viewer).map((e) => ({
			id: e.id,
			action: e.action,
			createdAt: e.createdAt,
			actorName: e.actorName,
			actorRoles: e.actorRoles,
			// The student's own file: the reflection titles, file names and import changes are theirs.
			detail: e.detail,
			subjectName: null
		})),
		parents: listMyParents(viewer),
		invitations: listOpenInvitations(viewer),
		shareGoals: sharesGoals(viewer.userId),
		shareViews: listShareViews(viewer)
	};
};

// The parent actions (issue 20): only the student themself, on their own links and invitations.
export const actions: Actions = {
	invite: ({ url }) => {
		const viewer = requireRole('student');
		const result = createInvitation(viewer);
		if (!result) error(404, 'Not found');
		if (!result.ok)
			return invalid(
				{},
				{},
				result.reason === 'too_many_parents'
					? m.par_st_too_many_parents({ max: MAX_PARENTS })
					: m.par_st_too_many_open({ max: MAX_OPEN_INVITATIONS })
			);
		// Shown once, in this answer only: only the code's hash is stored.
		return {
			invitation: {
				code: result.code,
				link: `${url.origin}/login/parent?code=${result.code.replaceAll('-', '')}`,
				expiresAt: result.expiresAt
			}
		};
	},
	cancelInvite: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, invitationIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!cancelInvitation(viewer, parsed.data.invitationId)) error(404, 'Not found');
		return { done: m.par_st_cancelled() };
	},
	revoke: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, linkIdSchema);
		if (!parsed.ok) return parsed.failure;
		if (!revokeParent(viewer, parsed.data.linkId)) error(404, 'Not found');
		return { done: m.par_st_revoked_notice() };
	},
	goals: async ({ request }) => {
		const viewer = requireRole('student');
		const parsed = await parseForm(request, switchSchema);
		if (!parsed.ok) return parsed.failure;
		if (!setShareGoals(viewer, parsed.data.on)) error(404, 'Not found');
		return { done: m.par_st_goals_saved() };
	}
};
