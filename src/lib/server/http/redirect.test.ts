import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
	it.each([
		['/student', '/student'],
		['/mentor?x=1', '/mentor?x=1'],
		['//evil.example', '/'],
		['/\\evil.example', '/'],
		['https://evil.example', '/'],
		['', '/'],
		[null, '/']
	])('%s → %s', (input, expected) => {
		expect(safeRedirectPath(input)).toBe(expected);
	});
});
