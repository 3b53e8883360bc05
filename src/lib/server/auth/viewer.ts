import type { Locale, Role } from '../../roles';

declare const viewerBrand: unique symbol;

/** Who is asking. Only the guard (and test factories) make one; every domain function takes one first. */
export type Viewer = {
	readonly userId: number;
	readonly schoolId: number;
	readonly roles: readonly Role[];
	readonly locale: Locale;
	readonly sessionId: string;
} & { readonly [viewerBrand]: true };

export function createViewer(v: {
	userId: number;
	schoolId: number;
	roles: readonly Role[];
	locale: Locale;
	sessionId: string;
}): Viewer {
	return Object.freeze({ ...v, roles: Object.freeze([...v.roles]) }) as Viewer;
}
