import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from './tests/chromium';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const DB = `./data/e2e-${PORT}.db`;
const UPLOADS = `./data/e2e-uploads-${PORT}`;
const OIDC_PORT = PORT + 200;

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.test.ts',
	// The hostile-input suites' schools, built once the server is up (tests/e2e/global-setup.ts).
	globalSetup: './tests/e2e/global-setup.ts',
	fullyParallel: true,
	workers: process.env.CI ? 2 : 2,
	retries: 0,
	forbidOnly: true,
	reporter: [['list']],
	// A busy 2-core machine: a page load plus an axe scan can take 20 s; a build, several minutes.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'off',
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_FLAGS
		}
	},
	projects: [
		{ name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
		{
			name: 'phone',
			// The screens people use on a phone (students, parents, mentors, the matrix, every page's axe scan);
			// account administration, sign-in mechanics and the API-level suites run once, on the desktop.
			testIgnore:
				/(admin|auth|sessions|errors|inzage|import|school-year|school|transfer|sso|authz|csrf|fuzz|xss|revocation|body-limit)\.test\.ts$/,
			use: {
				...devices['Desktop Chrome'],
				viewport: { width: 360, height: 780 },
				isMobile: false,
				hasTouch: true
			}
		}
	],
	webServer: [
		{
			// A real OpenID Connect provider for the single sign-on tests.
			command: 'node tests/oidc/provider.js',
			url: `http://localhost:${OIDC_PORT}/.well-known/openid-configuration`,
			reuseExistingServer: false,
			timeout: 30_000,
			env: { OIDC_PORT: String(OIDC_PORT), APP_ORIGIN: `http://localhost:${PORT}` }
		},
		{
			// A fresh database with the demo school for every run, served by the production build (rebuilt when
			// the source changed: scripts/build.js).
			command: `rm -rf ${DB} ${DB}-wal ${DB}-shm ${UPLOADS} && node scripts/build.js && npm run koers -- prepare && node scripts/serve.js`,
			url: `http://localhost:${PORT}/healthz`,
			reuseExistingServer: false,
			timeout: 600_000,
			env: {
				PORT: String(PORT),
				DATABASE_PATH: DB,
				UPLOADS_PATH: UPLOADS,
				ORIGIN: `http://localhost:${PORT}`,
				LOG_LEVEL: 'warn',
				OIDC_ISSUER: `http://localhost:${OIDC_PORT}`,
				OIDC_CLIENT_ID: 'koers',
				OIDC_CLIENT_SECRET: 'koers-e2e-secret',
				OIDC_LABEL: 'Entree'
			}
		}
	]
});
