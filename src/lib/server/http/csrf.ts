// Kit's own origin check refuses cross-site posts, but only for form content types (urlencoded, multipart,
// text/plain). This refuses every write from another origin, whatever its content type: a cross-origin
// fetch() whose body has no type would otherwise reach the +server.ts endpoints (reflection autosave) with
// the session cookie when the attacker's page is same-site (a sibling subdomain: SameSite=Lax lets the
// cookie through). A request with neither Origin nor Sec-Fetch-Site did not come from a browser page.
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function crossOriginWrite(request: Request, origin: string): boolean {
	if (!UNSAFE_METHODS.has(request.method)) return false;
	const from = request.headers.get('origin');
	const site = request.headers.get('sec-fetch-site');
	return (from !== null && from !== origin) || (site !== null && site !== 'same-origin');
}
