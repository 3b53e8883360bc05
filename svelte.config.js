import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter(),
		// Pages are found on the server: the browser no longer downloads the table of every route up front.
		router: { resolution: 'server' },
		// A page's styles come inside its HTML: a phone on a slow connection paints without waiting for ten small CSS files.
		inlineStyleThreshold: 6000,
		// Kit's origin check is on by default (no trustedOrigins): it protects every form action against CSRF.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};

export default config;
