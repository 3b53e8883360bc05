import { defineConfig } from 'vite';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The operator CLI, built to build/cli/koers.js so a server runs it without dev dependencies (tsx).
// Runtime dependencies stay imports (native modules, installed on the server); the rest is bundled.
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const runtime = Object.keys(pkg.dependencies);

export default defineConfig({
	resolve: { alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
	ssr: { external: runtime, noExternal: true },
	build: {
		ssr: 'scripts/koers.ts',
		// Runs after the SvelteKit build, which empties build/ first.
		outDir: 'build/cli',
		emptyOutDir: true,
		target: 'node20',
		minify: false,
		rollupOptions: { output: { entryFileNames: 'koers.js' } }
	}
});
