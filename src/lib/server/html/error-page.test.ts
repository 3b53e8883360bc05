import { describe, expect, it } from 'vitest';
import { ownErrorPage } from './error-page';

const html = (status: number, headers: Record<string, string> = {}) =>
	new Response('<p>Not found</p>', {
		status,
		headers: { 'content-type': 'text/html; charset=utf-8', ...headers }
	});

describe('an endpoint’s error page', () => {
	it('replaces Kit’s static page with the app’s own, keeping the status', async () => {
		const own = ownErrorPage(html(404));
		expect(own.status).toBe(404);
		const body = await own.text();
		expect(body).toContain('<html lang="nl">');
		expect(body).toContain('Deze pagina bestaat niet');
		expect(body).toContain('href="/"');
	});

	it('shows the id of an unexpected error', async () => {
		expect(await ownErrorPage(html(500), 'abc12345').text()).toContain('abc12345');
	});

	it('leaves rendered pages, other content and successes alone', () => {
		for (const response of [
			html(404, { 'x-sveltekit-page': 'true' }),
			html(200),
			new Response('{"message":"Not found"}', {
				status: 404,
				headers: { 'content-type': 'application/json' }
			})
		])
			expect(ownErrorPage(response)).toBe(response);
	});
});
