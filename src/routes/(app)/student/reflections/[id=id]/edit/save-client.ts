// The browser side of saving: one request to the save endpoint, its answer as a plain outcome.
import type { ActivityType } from '$lib/portfolio';
import type { DraftContent } from '$lib/reflection-draft';

export interface ServerCopy extends DraftContent {
	version: number;
	updatedAt: number;
}

/** What the editor is opened with. */
export interface EditableReflection extends ServerCopy {
	id: number;
	activityType: ActivityType;
}

export type SaveOutcome =
	| { type: 'saved'; version: number; updatedAt: number }
	| { type: 'conflict'; current: ServerCopy }
	| { type: 'invalid'; errors: Record<string, string> }
	/** Saved as a draft, but "Klaar" was refused: what is missing, per field. */
	| { type: 'refused'; version: number; updatedAt: number; errors: Record<string, string> }
	| { type: 'expired' }
	| { type: 'offline' };

export async function postSave(
	reflectionId: number,
	version: number,
	content: DraftContent,
	kind: 'save' | 'autosave',
	finish = false
): Promise<SaveOutcome> {
	let res: Response;
	try {
		res = await fetch(`/student/reflections/${reflectionId}/autosave`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ ...content, version, kind, finish }),
			// The guard answers a signed-out request with a redirect to the login page: that means the
			// session expired, not that the save worked.
			redirect: 'manual'
		});
	} catch {
		return { type: 'offline' };
	}
	if (res.type === 'opaqueredirect' || res.status === 401) return { type: 'expired' };
	if (res.status === 409) return { type: 'conflict', current: (await res.json()).current as ServerCopy };
	if (res.status === 422) {
		const body = (await res.json()) as { version: number; updatedAt: number; errors: Record<string, string> };
		return { type: 'refused', version: body.version, updatedAt: body.updatedAt, errors: body.errors };
	}
	if (res.status === 400) return { type: 'invalid', errors: (await res.json()).errors ?? {} };
	if (!res.ok) return { type: 'offline' };
	const body = (await res.json()) as { version: number; updatedAt: number };
	return { type: 'saved', version: body.version, updatedAt: body.updatedAt };
}
