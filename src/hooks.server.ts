import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { building } from '$app/environment';
import { cookieName, defineCustomServerStrategy } from '$lib/paraglide/runtime';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { getDb, migrateDatabase, optimizeDatabase } from '$lib/server/db';
import {
	deleteExpiredSessions,
	deleteSessionCookie,
	SESSION_COOKIE,
	setSessionCookie,
	validateSessionToken
} from '$lib/server/auth/session';
import { logger } from '$lib/server/ops/logger';
import { acquireRunLock } from '$lib/server/ops/run-lock';
import { serverTimingHeader, withDbTiming } from '$lib/server/db/timing';
import { crossOriginWrite } from '$lib/server/http/csrf';
import { activateDueSchoolYears } from '$lib/server/school/school-years';
import { countBody } from '$lib/server/http/body-limit';
import { ownErrorPage } from '$lib/server/html/error-page';

export const init: ServerInit = () => {
	if (building) return;
	// So that `npm run koers -- restore` refuses while this process uses the database.
	acquireRunLock(process.env.DATABASE_PATH ?? './data/koers.db');
	migrateDatabase(getDb());
	optimizeDatabase(getDb(), true);
	// SQLite's advice for long-lived connections: re-run optimize every few hours as the data grows.
	setInterval(() => optimizeDatabase(getDb()), 6 * 3600 * 1000).unref();
	deleteExpiredSessions();
	// A staged school year takes effect on its start date, also when nobody happens to open a page then.
	activateDueSchoolYears();
	setInterval(() => activateDueSchoolYears(), 3600 * 1000).unref();
};

// adapter-node's BODY_SIZE_LIMIT is one number for every route; only the transfer import needs more.
const BODY_LIMIT = 12 * 1024 * 1024;
const LARGE_BODY_ROUTES = new Set(['/student/transfer']);
const tooLarge = () => new Response('Payload Too Large', { status: 413 });

const bodyLimit: Handle = async ({ event, resolve }) => {
	if (LARGE_BODY_ROUTES.has(event.url.pathname)) return resolve(event);
	if (Number(event.request.headers.get('content-length') ?? 0) > BODY_LIMIT) return tooLarge();
	if (!event.request.body) return resolve(event);
	// A chunked body has no Content-Length: its bytes are counted as they arrive. Handlers answer a body
	// that broke off with a 400 of their own; past the limit that becomes the 413.
	const counted = countBody(event.request, BODY_LIMIT);
	const response = await resolve({ ...event, request: counted.request });
	if (!counted.exceeded()) return response;
	await response.body?.cancel();
	return tooLarge();
};

// First in the sequence, so the counters cover the session lookup and every load of the request: anyone
// with devtools (and the bench) sees the database time and the number of queries.
const serverTiming: Handle = ({ event, resolve }) =>
	withDbTiming(async (timing) => {
		const start = performance.now();
		const response = await resolve(event);
		try {
			response.headers.set('Server-Timing', serverTimingHeader(timing, performance.now() - start));
		} catch {
			// A response with immutable headers (a proxied fetch) goes out without it.
		}
		return response;
	});

const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	response.headers.set('X-Content-Type-Options', 'nosniff');
	response.headers.set('Referrer-Policy', 'same-origin');
	response.headers.set('X-Frame-Options', 'DENY');
	response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
	if (!response.headers.has('Cache-Control') && event.locals.user) {
		// Pages of a signed-in user hold personal data: never in a shared cache.
		response.headers.set('Cache-Control', 'private, no-store');
	}
	return response;
};

// Kit's origin check covers form content types only; this refuses every cross-origin write (csrf.ts).
const sameOriginWrites: Handle = ({ event, resolve }) => {
	if (crossOriginWrite(event.request, event.url.origin))
		return new Response('Cross-site writes are forbidden', {
			status: 403,
			headers: { 'Content-Type': 'text/plain; charset=utf-8' }
		});
	return resolve(event);
};

const authenticate: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	const token = event.cookies.get(SESSION_COOKIE);
	if (token) {
		const secure = event.url.protocol === 'https:';
		const result = validateSessionToken(token);
		if (result) {
			event.locals.user = result.user;
			event.locals.session = result.session;
			setSessionCookie(event.cookies, token, result.session.expiresAt, secure);
			userLocale.set(event.request, result.user.locale);
		} else {
			deleteSessionCookie(event.cookies, secure);
		}
	}
	return resolve(event);
};

// A signed-in user's saved language wins over the cookie; the cookie follows it so the browser agrees.
const userLocale = new WeakMap<Request, string>();
defineCustomServerStrategy('custom-user', {
	getLocale: (request) => (request ? userLocale.get(request) : undefined)
});

// Paraglide's server hook picks the locale (custom-user, then the cookie, then Dutch: the strategies of
// `npm run i18n`) and keeps it for the message functions while the request is answered.
const i18n: Handle = ({ event, resolve }) => {
	const saved = event.locals.user?.locale;
	if (saved && event.cookies.get(cookieName) !== saved) {
		event.cookies.set(cookieName, saved, { path: '/', httpOnly: false, sameSite: 'lax', maxAge: 34560000 });
	}
	return paraglideMiddleware(event.request, async ({ request, locale }) => {
		event.request = request;
		const response = await resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
		return ownErrorPage(response, event.locals.errorId);
	});
};

export const handle = sequence(
	serverTiming,
	bodyLimit,
	securityHeaders,
	sameOriginWrites,
	authenticate,
	i18n
);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const id = crypto.randomUUID().slice(0, 8);
	if (status === 404) return { message };
	// A client's mistake (a malformed form post answers 415) is worth a warning, not an error.
	if (status < 500) {
		logger.warn({ path: event.url.pathname, status, message }, 'client error');
		return { message };
	}
	logger.error({ err: error, id, path: event.url.pathname, status }, 'unexpected error');
	// For an endpoint's error page (ownErrorPage), which Kit renders from the message alone.
	event.locals.errorId = id;
	return { message: 'Internal error', id };
};
