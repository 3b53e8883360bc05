// An endpoint's error (a +server.ts that answered 404, a guard that refused) opened as a page gets Kit's
// static error.html, which knows no language. This answers it with the app's own page instead, in the
// reader's language and with a way back. Rendered pages (x-sveltekit-page) already went through +error.svelte.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { errorText, errorTitle } from '$lib/error-text';
import { renderDocument } from './document';
import ErrorPage from './ErrorPage.svelte';

export function errorPageResponse(status: number, id?: string): Response {
	const html = renderDocument(
		ErrorPage,
		{
			title: errorTitle(status),
			text: errorText(status, id),
			back: m.error_back_home(),
			appName: m.app_name()
		},
		getLocale() === 'en' ? 'en' : 'nl'
	);
	return new Response(html, {
		status,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
			'Cache-Control': 'private, no-store'
		}
	});
}

/** Kit's static error page (an endpoint's error for a browser) becomes the app's own; anything else passes. */
export function ownErrorPage(response: Response, errorId?: string): Response {
	if (response.status < 400 || response.headers.has('x-sveltekit-page')) return response;
	if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
	void response.body?.cancel();
	return errorPageResponse(response.status, errorId);
}
