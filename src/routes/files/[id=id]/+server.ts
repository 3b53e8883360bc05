import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { readAttachment } from '$lib/server/portfolio/attachments';
import { recordView } from '$lib/server/privacy/audit';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { renderDocument } from '$lib/server/html/document';
import NotFoundPage from '$lib/server/html/NotFoundPage.svelte';

function notFoundPage(): Response {
	const html = renderDocument(
		NotFoundPage,
		{
			title: m.error_not_found_title(),
			text: m.error_not_found_text(),
			back: m.error_back_home(),
			appName: m.app_name()
		},
		getLocale() === 'en' ? 'en' : 'nl'
	);
	return new Response(html, {
		status: 404,
		headers: {
			'Content-Type': 'text/html; charset=utf-8',
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'",
			'Cache-Control': 'private, no-store'
		}
	});
}

// Evidence files, only through the reflection's read scope. The stored type came from sniffing the bytes,
// and the headers keep a browser from treating a file as anything else (or as a page of this site).
export const GET: RequestHandler = ({ params, request }) => {
	const viewer = requireUser();
	const file = readAttachment(viewer, Number(params.id));
	if (!file) {
		// Opened as a page (a link, a new tab): the app's own page in the reader's language, with a way back.
		if (request.headers.get('accept')?.includes('text/html')) return notFoundPage();
		error(404, m.error_not_found_text());
	}
	recordView(viewer, file.studentId, 'file.view', file.fileName);
	const disposition = file.mimeType === 'application/pdf' ? 'attachment' : 'inline';
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.mimeType,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `${disposition}; filename="${asciiName(file.fileName)}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store'
		}
	});
};

/** The plain-ASCII fallback name for old clients; the real name travels in filename*. */
function asciiName(name: string): string {
	return name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
}
