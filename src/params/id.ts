import type { ParamMatcher } from '@sveltejs/kit';

/** A row id in the URL: a positive safe integer, digits only, no leading zero; anything else is a 404. */
export const match = ((param: string): boolean =>
	/^[1-9]\d*$/.test(param) && Number.isSafeInteger(Number(param))) satisfies ParamMatcher;
