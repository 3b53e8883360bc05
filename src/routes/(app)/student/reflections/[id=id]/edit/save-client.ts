// The browser side of saving: one request to the save endpoint, its answer as a plain outcome.
import type { ActivityType } from '$lib/portfolio';
import type { DraftContent } from '$lib/reflection-draft';
import type { StartFields } from '$lib/schemas/reflections';

export interface ServerCopy extends DraftContent {
	version: number;
	updatedAt: number;
}

/** What the editor is opened with; id null: not saved yet, made by its first word. */
export interface EditableReflection extends ServerCopy {
	id: number | null;
	activityType: ActivityType;
}

/** The reflection saved to: its id, or for a new one where it starts from. */
export type SaveTarget = number | StartFields;

export type SaveOutcome = (
	| { type: 'saved'; version: number; updatedAt: number }
	| { type: 'conflict'; current: ServerCopy }
	| { type: 'invalid'; errors: Record<string, string> }
	/** Saved as a draft, but "Klaar" was refused: what is missing, per field. */
	| { type: 'refused'; version: number; updatedAt: number; errors: Record<string, string> }
	| { type: 'expired' }
	| { type: 'offline' }
) & { id?: number };

export async function postSave(
	target: SaveTarget,
	version: number,
	content: DraftContent,
	kind: 'save' | 'autosave',
	finish = false
): Promise<SaveOutcome> {
	let res: Response;
	try {
		const isNew = typeof target !== 'number';
		res = await fetch(
			isNew ? '/student/reflections/new/write/autosave' : `/student/reflections/${target}/autosave`,
			{
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(
					isNew ? { ...content, ...target, kind, finish } : { ...content, version, kind, finish }
				),
				// The guard answers a signed-out request with a redirect to the login page: that means the
				// session expired, not that the save worked.
				redirect: 'manual'
			}
		);
	} catch {
		return { type: 'offline' };
	}
	if (res.type === 'opaqueredirect' || res.status === 401) return { type: 'expired' };
	if (![200, 400, 409, 422].includes(res.status)) return { type: 'offline' };
	const body = (await res.json()) as {
		id?: number;
		version: number;
		updatedAt: number;
		current?: ServerCopy;
		errors?: Record<string, string>;
	};
	// A new reflection's first save answers with the id it now has.
	const id = typeof body.id === 'number' ? body.id : undefined;
	if (res.status === 409) return { type: 'conflict', current: body.current as ServerCopy, id };
	if (res.status === 422)
		return {
			type: 'refused',
			version: body.version,
			updatedAt: body.updatedAt,
			errors: body.errors ?? {},
			id
		};
	if (res.status === 400) return { type: 'invalid', errors: body.errors ?? {} };
	return { type: 'saved', version: body.version, updatedAt: body.updatedAt, id };
}
