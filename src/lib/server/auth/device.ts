// A coarse, human description of the device behind a session, from its User-Agent: enough for a student to
// recognise "Chrome on Android" in their list of sessions, not a fingerprint. Order matters: Edge and Opera
// also say Chrome, Chrome also says Safari, Android also says Linux, iPadOS may claim to be a Mac.
export interface Device {
	browser: string | null;
	os: string | null;
	mobile: boolean;
}

const BROWSERS: [RegExp, string][] = [
	[/\bEdg(e|A|iOS)?\//, 'Edge'],
	[/\b(OPR|Opera)\//, 'Opera'],
	[/\bSamsungBrowser\//, 'Samsung Internet'],
	[/\b(Firefox|FxiOS)\//, 'Firefox'],
	[/\b(Chrome|CriOS|Chromium)\//, 'Chrome'],
	[/\bVersion\/[\d.]+.*\bSafari\//, 'Safari']
];

const SYSTEMS: [RegExp, string][] = [
	[/\b(iPhone|iPod)\b/, 'iOS'],
	[/\biPad\b/, 'iPadOS'],
	[/\bAndroid\b/, 'Android'],
	[/\bCrOS\b/, 'ChromeOS'],
	[/\bWindows\b/, 'Windows'],
	[/\bMac OS X\b|\bMacintosh\b/, 'macOS'],
	[/\bLinux\b/, 'Linux']
];

export function describeDevice(userAgent: string): Device {
	const ua = userAgent.slice(0, 300);
	const browser = BROWSERS.find(([re]) => re.test(ua))?.[1] ?? null;
	const os = SYSTEMS.find(([re]) => re.test(ua))?.[1] ?? null;
	return { browser, os, mobile: /\bMobi|\biPhone\b|\bAndroid\b/.test(ua) };
}
