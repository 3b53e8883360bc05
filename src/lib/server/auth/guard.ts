// Every load, action and +server handler starts with one of these. They read the request through
// getRequestEvent(), so a handler cannot pass the wrong event, and they are the only place a Viewer is made
// from a request.
import { error, redirect } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import type { Role } from '$lib/roles';
import { createViewer, type Viewer } from './viewer';

export type { Viewer };

// Pages a user who must choose a new password can still reach.
const PASSWORD_CHANGE_PATHS = ['/account/password', '/logout', '/language'];

export function requireUser(): Viewer {
	const event = getRequestEvent();
	const { user, session } = event.locals;
	if (!user || !session) {
		const back = event.url.pathname + event.url.search;
		redirect(303, `/login?redirectTo=${encodeURIComponent(back)}`);
	}
	if (user.mustChangePassword && !PASSWORD_CHANGE_PATHS.includes(event.url.pathname)) {
		redirect(303, '/account/password');
	}
	return createViewer({
		userId: user.id,
		schoolId: user.schoolId,
		roles: user.roles,
		locale: user.locale,
		sessionId: session.id
	});
}

/** A signed-in user with at least one of the roles; anyone else gets the same 404 as a missing page. */
export function requireRole(...roles: Role[]): Viewer {
	const viewer = requireUser();
	if (!roles.some((r) => viewer.roles.includes(r))) error(404, 'Not found');
	return viewer;
}

/** For the public allowlist: pages that work signed in or not (login, language, health). */
export function publicRoute(): void {
	getRequestEvent();
}
