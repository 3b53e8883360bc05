import { describe, expect, it } from 'vitest';
import { escapeHtml } from './html-escape';

describe('escapeHtml', () => {
	it('escapes what could end a text or an attribute', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;'
		);
	});
	it('leaves other text as it is', () => {
		expect(escapeHtml('Decaan/LOB-coördinator · O²')).toBe('Decaan/LOB-coördinator · O²');
	});
});
