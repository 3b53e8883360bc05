// What an error page says, by status: one wording for the app's +error.svelte and the endpoints' own page.
import { m } from '$lib/paraglide/messages';

export function errorTitle(status: number): string {
	if (status === 404) return m.error_not_found_title();
	if (status === 403) return m.error_forbidden_title();
	if (status === 413) return m.error_too_large_title();
	return m.error_title();
}

export function errorText(status: number, id?: string): string {
	if (status === 404) return m.error_not_found_text();
	if (status === 403) return m.error_forbidden_text();
	if (status === 413) return m.error_too_large_text();
	return id ? m.error_server_text({ id }) : m.error_generic_text();
}
