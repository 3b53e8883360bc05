// The pages in Chromium: what they weigh on the wire, and Lighthouse's mobile scores.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ClientWeight, LighthouseResult } from '../budgets';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../../tests/chromium';
import type { Page } from './pages';

function chartChunks(root: string): Set<string> {
	// The build's manifest names the chunks that hold chart.js (and its colour helper).
	const manifest = join(root, '.svelte-kit/output/client/.vite/manifest.json');
	const chunks = new Set<string>();
	if (!existsSync(manifest)) return chunks;
	const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<
		string,
		{ file: string; src?: string }
	>;
	for (const [key, entry] of Object.entries(entries))
		if (/node_modules\/(chart\.js|@kurkle)/.test(entry.src ?? key))
			chunks.add(entry.file.split('/').pop() ?? '');
	return chunks;
}

export async function weigh(
	origin: string,
	root: string,
	pages: Page[],
	cookies: Record<string, string>
): Promise<ClientWeight[]> {
	const { chromium } = await import('@playwright/test');
	const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS.slice(1) });
	const charts = chartChunks(root);
	const out: ClientWeight[] = [];
	try {
		for (const page of pages) {
			if (!page.weigh) continue;
			const context = await browser.newContext();
			const cookie = cookies[page.who];
			if (cookie)
				await context.addCookies(
					cookie.split('; ').map((c) => {
						const [name, ...rest] = c.split('=');
						return { name, value: rest.join('='), url: origin };
					})
				);
			const tab = await context.newPage();
			const bodies: Promise<void>[] = [];
			const weight: ClientWeight = { key: page.key, js: 0, css: 0, chartJs: 0, html: 0, ...page.weigh };
			tab.on('response', (res) => {
				const type = res.request().resourceType();
				if (!['script', 'stylesheet', 'document'].includes(type)) return;
				bodies.push(
					res.body().then(
						(body) => {
							// gzip -9 of the decoded body: what the precompressed .gz beside each asset weighs.
							const size = gzipSync(body, { level: 9 }).length;
							const file = new URL(res.url()).pathname.split('/').pop() ?? '';
							if (type === 'document') weight.html += size;
							else if (type === 'stylesheet') weight.css += size;
							else if (charts.has(file)) weight.chartJs += size;
							else weight.js += size;
						},
						() => undefined
					)
				);
			});
			const res = await tab.goto(`${origin}${page.path}`, { waitUntil: 'networkidle' });
			if (res?.status() !== 200) throw new Error(`${page.path} answered ${res?.status()} in Chromium`);
			// networkidle: no request for 500 ms, so every chunk the page asked for has been counted.
			await Promise.all(bodies);
			out.push(weight);
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}

// Lighthouse's simulated phone scales what it measured on this host, so one run swings by ±10 points on a
// shared machine; its docs advise the median of several runs.
const LIGHTHOUSE_RUNS = 3;

export async function lighthouseRuns(
	origin: string,
	targets: { key: string; path: string }[],
	cookie: string,
	log: (line: string) => void
): Promise<LighthouseResult[]> {
	const out: LighthouseResult[] = [];
	for (const target of targets) {
		const runs: LighthouseResult[] = [];
		for (let i = 0; i < LIGHTHOUSE_RUNS; i++) runs.push(await lighthouseOnce(origin, target, cookie, log));
		const performance = runs.map((r) => r.performance).sort((a, b) => a - b);
		log(`lighthouse ${target.key}: performance ${performance.join(', ')}`);
		out.push({
			key: target.key,
			performance: performance[Math.floor(LIGHTHOUSE_RUNS / 2)],
			accessibility: Math.min(...runs.map((r) => r.accessibility))
		});
	}
	return out;
}

async function lighthouseOnce(
	origin: string,
	target: { key: string; path: string },
	cookie: string,
	log: (line: string) => void
): Promise<LighthouseResult> {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM_PATH, chromeFlags: CHROMIUM_FLAGS });
	try {
		const result = await lighthouse(`${origin}${target.path}`, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: ['performance', 'accessibility'],
			extraHeaders: { Cookie: cookie }
		});
		const categories = result?.lhr.categories;
		const failing = Object.values(result?.lhr.audits ?? {}).filter(
			(a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary'
		);
		if (failing.length) log(`lighthouse ${target.key}: ${failing.map((a) => a.id).join(', ')}`);
		return {
			key: target.key,
			performance: Math.round((categories?.performance?.score ?? 0) * 100),
			accessibility: Math.round((categories?.accessibility?.score ?? 0) * 100)
		};
	} finally {
		chrome.kill();
	}
}
