import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { requireUser } from '$lib/server/auth/guard';
import { readAttachment } from '$lib/server/portfolio/attachments';
import { recordView } from '$lib/server/privacy/audit';
import { m } from '$lib/paraglide/messages';

// Evidence files, only through the reflection's read scope. The stored type came from sniffing the bytes,
// and the headers keep a browser from treating a file as anything else (or as a page of this site).
export const GET: RequestHandler = ({ params }) => {
	const viewer = requireUser();
	const file = readAttachment(viewer, Number(params.id));
	// Opened as a page, this becomes the app's own page in the reader's language (hooks: ownErrorPage).
	if (!file) error(404, m.error_not_found_text());
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
