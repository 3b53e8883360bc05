import { describe, expect, it } from 'vitest';
import { countBody } from './body-limit';

/** A chunked upload: `chunks` pieces of `size` bytes, with no Content-Length; `finished` once all were read. */
function upload(chunks: number, size: number) {
	let sent = 0;
	let cancelled = false;
	let finish = () => {};
	const finished = new Promise<void>((resolve) => (finish = resolve));
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (sent === chunks) {
				controller.close();
				finish();
				return;
			}
			sent++;
			controller.enqueue(new Uint8Array(size).fill(65));
		},
		cancel() {
			cancelled = true;
		}
	});
	const request = new Request('http://localhost/x', {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body,
		duplex: 'half'
	} as RequestInit);
	return { request, finished, wasCancelled: () => cancelled };
}

describe('countBody', () => {
	it('passes a body within the limit through unchanged', async () => {
		const { request } = upload(4, 1000);
		const counted = countBody(request, 4000);
		const text = await counted.request.text();
		expect(text).toBe('A'.repeat(4000));
		expect(counted.exceeded()).toBe(false);
		expect(counted.request.method).toBe('POST');
		expect(counted.request.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
	});

	it('errors a body past the limit, and reads the rest without cancelling the upload', async () => {
		const source = upload(10, 1000);
		const counted = countBody(source.request, 4500);
		await expect(counted.request.formData()).rejects.toThrow();
		expect(counted.exceeded()).toBe(true);
		// Drained to the end: the connection can still carry the 413.
		await source.finished;
		expect(source.wasCancelled()).toBe(false);
	});

	it('leaves a request without a body as it is', () => {
		const request = new Request('http://localhost/x');
		const counted = countBody(request, 10);
		expect(counted.request).toBe(request);
		expect(counted.exceeded()).toBe(false);
	});
});
