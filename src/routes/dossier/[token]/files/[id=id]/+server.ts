import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { publicRoute } from '$lib/server/auth/guard';
import { readSharedFile } from '$lib/server/portfolio/share';

// Evidence on a share link: only files of reflections inside the link's part, while the link opens. The
// same headers as /files/[id]: the bytes are never treated as a page of this site.
export const GET: RequestHandler = ({ params }) => {
	publicRoute();
	const file = readSharedFile(params.token, Number(params.id));
	if (!file) error(404, 'Not found');
	const disposition = file.mimeType === 'application/pdf' ? 'attachment' : 'inline';
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'Content-Type': file.mimeType,
			'Content-Length': String(file.bytes.byteLength),
			'Content-Disposition': `${disposition}; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
			'X-Content-Type-Options': 'nosniff',
			'Content-Security-Policy': "default-src 'none'; sandbox",
			'Cache-Control': 'private, no-store',
			'X-Robots-Tag': 'noindex'
		}
	});
};
