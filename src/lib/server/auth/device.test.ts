import { describe, expect, it } from 'vitest';
import { describeDevice } from './device';

const UA = {
	chromeWindows:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
	edgeWindows:
		'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0',
	firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0',
	safariIphone:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
	chromeAndroid:
		'Mozilla/5.0 (Linux; Android 14; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
	samsung:
		'Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
	chromebook:
		'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
	safariMac:
		'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15'
};

describe('describeDevice', () => {
	it.each([
		[UA.chromeWindows, 'Chrome', 'Windows', false],
		[UA.edgeWindows, 'Edge', 'Windows', false],
		[UA.firefoxLinux, 'Firefox', 'Linux', false],
		[UA.safariIphone, 'Safari', 'iOS', true],
		[UA.chromeAndroid, 'Chrome', 'Android', true],
		[UA.samsung, 'Samsung Internet', 'Android', true],
		[UA.chromebook, 'Chrome', 'ChromeOS', false],
		[UA.safariMac, 'Safari', 'macOS', false]
	])('%s', (ua, browser, os, mobile) => {
		expect(describeDevice(ua)).toEqual({ browser, os, mobile });
	});

	it('an empty or odd User-Agent is simply unknown', () => {
		expect(describeDevice('')).toEqual({ browser: null, os: null, mobile: false });
		expect(describeDevice('curl/8.5.0')).toEqual({ browser: null, os: null, mobile: false });
		expect(describeDevice('x'.repeat(10_000)).browser).toBeNull();
	});
});
