import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';
import { realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Under vitest the messages are compiled once beforehand (npm run i18n): the plugin's own compile keeps
// vitest alive for ~25 s on these machines.
const i18nPlugins = process.env.VITEST
	? []
	: [
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['custom-user', 'cookie', 'baseLocale']
			})
		];

export default defineConfig({
	plugins: [sveltekit(), ...i18nPlugins],
	server: { port: 5173 },
	test: {
		expect: { requireAssertions: true },
		// Argon2 hashes, image re-encoding and real migrations: on a busy 2-core machine 5 s is too tight.
		testTimeout: 20_000,
		projects: [
			{
				extends: './vite.config.ts',
				plugins: [svelteTesting()],
				// In a git worktree node_modules may be a symlink to another checkout; the plugin's setup file
				// then lives outside this root and must be allowed ("Cannot find module /@fs/...").
				server: { fs: { allow: [realpathSync('node_modules')] } },
				test: {
					name: 'client',
					environment: 'jsdom',
					include: ['src/**/*.svelte.{test,spec}.{js,ts}'],
					setupFiles: ['./vitest-setup-client.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'server',
					environment: 'node',
					include: ['src/**/*.{test,spec}.{js,ts}', 'tests/unit/**/*.{test,spec}.{js,ts}'],
					exclude: ['src/**/*.svelte.{test,spec}.{js,ts}'],
					// The demo seed writes its evidence files: into the temp folder, not the working tree.
					env: {
						DATABASE_PATH: ':memory:',
						LOG_LEVEL: 'silent',
						UPLOADS_PATH: join(tmpdir(), 'koers-test-uploads')
					}
				}
			}
		]
	}
});
