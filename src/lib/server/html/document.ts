// A whole HTML document from a Svelte component, rendered on the server: for pages that live outside the
// app shell (the inzage ZIP's index.html, an endpoint's error page). Svelte escapes every value; only the
// component's own output and a fixed language code go into the frame.
import { render } from 'svelte/server';
import type { Component } from 'svelte';

export function renderDocument<P extends Record<string, unknown>>(
	component: Component<P>,
	props: P,
	lang: 'nl' | 'en'
): string {
	const { head, body } = render(component, { props });
	return `<!doctype html>\n<html lang="${lang === 'en' ? 'en' : 'nl'}">\n<head>\n<meta charset="utf-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1" />\n${head}\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}
