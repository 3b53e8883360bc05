// The child in a parent URL ([studentId=id]): a link revoked or never made is the same 404 as a missing row.
import { error } from '@sveltejs/kit';
import type { Viewer } from '../auth/viewer';
import { getChild, type Child } from './links';

/** The child in the URL, linked to this parent right now; otherwise 404 (a revoked link looks like nothing). */
export function requireChild(viewer: Viewer, raw: string): Child {
	const child = getChild(viewer, Number(raw));
	if (!child) error(404, 'Not found');
	return child;
}
