// The 12 MB request limit (hooks.server.ts) holds for a body sent in chunks, which has no Content-Length to
// check up front: its bytes are counted as they arrive. Plain node:http, because Playwright's request client
// always sends a Content-Length.
import { request as httpRequest } from 'node:http';
import { expect, test } from '@playwright/test';

const MB = 1024 * 1024;

/** POSTs `total` bytes of a login form in 64 KB chunks without Content-Length; the status and body. */
function chunkedPost(
	baseURL: string,
	path: string,
	total: number
): Promise<{ status: number; body: string }> {
	const url = new URL(path, baseURL);
	return new Promise((resolve, reject) => {
		const req = httpRequest(
			url,
			{
				method: 'POST',
				headers: {
					'Content-Type': 'application/x-www-form-urlencoded',
					Origin: url.origin,
					Accept: 'text/html',
					'Transfer-Encoding': 'chunked'
				}
			},
			(res) => {
				let body = '';
				res.setEncoding('utf8');
				res.on('data', (c: string) => (body += c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
			}
		);
		req.on('error', reject);
		const chunk = Buffer.alloc(64 * 1024, 'a');
		let sent = 0;
		req.write('username=');
		const more = () => {
			while (sent < total) {
				sent += chunk.length;
				if (!req.write(chunk)) return void req.once('drain', more);
			}
			req.end('&password=x');
		};
		more();
	});
}

test.describe('request body limit', () => {
	test.beforeEach(({ baseURL }, info) => {
		test.skip(info.project.name !== 'desktop', 'plain HTTP: one project is enough');
		expect(baseURL).toBeTruthy();
	});

	test('a chunked body past 12 MB gets 413, and the server keeps serving', async ({ baseURL, request }) => {
		const big = await chunkedPost(baseURL!, '/login', 13 * MB);
		expect(big.status).toBe(413);
		expect((await request.get('/healthz')).status()).toBe(200);
		// The same connection pool and form, within the limit: the login form's own answer, not a 413.
		const small = await chunkedPost(baseURL!, '/login', 256 * 1024);
		expect(small.status).toBe(400);
	});
});
