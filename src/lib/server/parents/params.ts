// Ids in parent URLs: anything that is not a plain positive number is the same 404 as a missing row.
import { error } from '@sveltejs/kit';
import { parseReflectionId } from '../portfolio/reflections';
import type { Viewer } from '../auth/viewer';
import { getChild, type Child } from './links';

export function idParam(raw: string): number {
	const id = parseReflectionId(raw);
	if (id === undefined) error(404, 'Not found');
	return id;
}

/** The child in the URL, linked to this parent right now; otherwise 404 (a revoked link looks like nothing). */
export function requireChild(viewer: Viewer, raw: string): Child {
	const child = getChild(viewer, idParam(raw));
	if (!child) error(404, 'Not found');
	return child;
}
