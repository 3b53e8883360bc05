// A request body counted as it arrives. A body sent in chunks has no Content-Length to check up front, and
// adapter-node holds it only to BODY_SIZE_LIMIT, which is set for the largest upload (the transfer ZIP);
// hooks.server.ts holds every other route to its own, smaller limit with this.

export class BodyTooLarge extends Error {
	constructor(limit: number) {
		super(`request body larger than ${limit} bytes`);
	}
}

export interface CountedRequest {
	request: Request;
	/** Did the body pass the limit? The answer is then a 413, whatever the handler made of the error. */
	exceeded: () => boolean;
}

/** The same request, its body erroring with BodyTooLarge once more than `limit` bytes came in. */
export function countBody(request: Request, limit: number): CountedRequest {
	const source = request.body;
	if (!source) return { request, exceeded: () => false };
	const reader = source.getReader();
	let size = 0;
	let over = false;
	const body = new ReadableStream<Uint8Array>({
		async pull(controller) {
			const { done, value } = await reader.read();
			if (done) return controller.close();
			size += value.byteLength;
			if (size <= limit) return controller.enqueue(value);
			over = true;
			controller.error(new BodyTooLarge(limit));
			// The rest is read and dropped, not cancelled: cancelling adapter-node's body destroys the socket,
			// and the 413 would never reach the client.
			void drain(reader);
		},
		cancel(reason) {
			return reader.cancel(reason);
		}
	});
	// duplex is required by Node's fetch for a streamed body; the DOM typings do not know it yet.
	const init = { body, duplex: 'half' } as RequestInit;
	return { request: new Request(request, init), exceeded: () => over };
}

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
	try {
		while (!(await reader.read()).done);
	} catch {
		// The client went away, or adapter-node's own limit ended the body: nothing left to drop.
	}
}
