import { describe, expect, it } from 'vitest';
import { formatFileSize } from './file-size';

describe('formatFileSize', () => {
	it('gives kB under a megabyte and MB with a decimal comma in Dutch', () => {
		expect(formatFileSize(10, 'nl')).toBe('1 kB');
		expect(formatFileSize(240 * 1024, 'nl')).toBe('240 kB');
		expect(formatFileSize(1.25 * 1024 * 1024, 'nl')).toBe('1,3 MB');
		expect(formatFileSize(1.25 * 1024 * 1024, 'en')).toBe('1.3 MB');
	});
});
