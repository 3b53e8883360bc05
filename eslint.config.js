import { includeIgnoreFile } from 'eslint/config';
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import { fileURLToPath } from 'node:url';
import svelteConfig from './svelte.config.js';

const gitignorePath = fileURLToPath(new URL('./.gitignore', import.meta.url));

export default ts.config(
	includeIgnoreFile(gitignorePath),
	{ ignores: ['drizzle/**', 'src/lib/paraglide/**'] },
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
			'svelte/no-at-html-tags': 'error',
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		// Routes reach data only through the domain modules, which apply the policy (STYLE.md).
		files: ['src/routes/**'],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: [
						{
							group: ['$lib/server/db', '$lib/server/db/*', 'drizzle-orm', 'drizzle-orm/*'],
							message: 'Routes use domain modules, never the database.'
						},
						{ group: ['$lib/server/auth/viewer'], message: 'Only the guard makes a Viewer.' },
						{
							group: ['$lib/server/testing', '$lib/server/testing/*'],
							message: 'Test helpers stay in tests.'
						}
					]
				}
			]
		}
	},
	{
		files: ['src/lib/server/**/*.ts'],
		ignores: ['src/lib/server/**/*.test.ts', 'src/lib/server/testing/**'],
		rules: { 'no-console': 'error' }
	}
);
