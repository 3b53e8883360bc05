import { describe, expect, it } from 'vitest';
import { crossOriginWrite } from './csrf';

const APP = 'https://koers.school.nl';
const req = (method: string, headers: Record<string, string> = {}) =>
	new Request(`${APP}/student/reflections/1/autosave`, { method, headers });

describe('cross-origin writes', () => {
	it('refuses a write from another origin or another site, whatever the content type', () => {
		expect(crossOriginWrite(req('POST', { origin: 'https://evil.example' }), APP)).toBe(true);
		expect(crossOriginWrite(req('POST', { origin: 'https://www.school.nl' }), APP)).toBe(true);
		expect(crossOriginWrite(req('PUT', { origin: 'null' }), APP)).toBe(true);
		expect(crossOriginWrite(req('DELETE', { 'sec-fetch-site': 'same-site' }), APP)).toBe(true);
		expect(crossOriginWrite(req('PATCH', { 'sec-fetch-site': 'cross-site' }), APP)).toBe(true);
		expect(crossOriginWrite(req('POST', { origin: APP, 'sec-fetch-site': 'cross-site' }), APP)).toBe(true);
	});

	it('lets same-origin writes, reads and non-browser clients through', () => {
		expect(crossOriginWrite(req('POST', { origin: APP, 'sec-fetch-site': 'same-origin' }), APP)).toBe(false);
		expect(crossOriginWrite(req('POST'), APP)).toBe(false);
		expect(crossOriginWrite(req('GET', { origin: 'https://evil.example' }), APP)).toBe(false);
		expect(crossOriginWrite(req('HEAD', { 'sec-fetch-site': 'cross-site' }), APP)).toBe(false);
	});
});
