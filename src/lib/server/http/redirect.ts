/** Only same-site paths: "/x" but not "//evil.example" or "/\evil" (open-redirect protection). */
export function safeRedirectPath(target: string | null | undefined, fallback = '/'): string {
	if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\'))
		return fallback;
	return target;
}
