// One-off look script (not committed): screenshots at 360 and 1280, the dossier as PDF, the ZIP's index.html.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
const base = 'http://localhost:4302';
const out = '/work/shots-dossier';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
async function session(username, password, width) {
	const ctx = await browser.newContext({ viewport: { width, height: 900 }, acceptDownloads: true });
	const page = await ctx.newPage();
	await page.goto(base + '/login');
	await page.fill('input[name="username"]', username);
	await page.fill('input[name="password"]', password);
	await page.click('form button[type="submit"]');
	await page.waitForLoadState('networkidle');
	return { ctx, page };
}
const shots = process.argv.slice(2);
for (const width of [360, 1280]) {
	const { ctx, page } = await session('sanne.devries', 'Leerling-2026', width);
	for (const [name, url] of [['home', '/student'], ['dossier', '/student/dossier'], ['share', '/student/dossier/share'], ['privacy', '/student/privacy']]) {
		await page.goto(base + url); await page.waitForLoadState('networkidle');
		await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
	}
	// The reflection with evidence.
	await page.goto(base + '/student/reflections?q=Gastles'); await page.click('text=Gastles verpleegkundige'); await page.waitForLoadState('networkidle');
	await page.screenshot({ path: `${out}/reflection-${width}.png`, fullPage: true });
	if (width === 1280) {
		await page.goto(base + '/student/dossier'); await page.waitForLoadState('networkidle');
		await page.emulateMedia({ media: 'print' });
		await page.pdf({ path: `${out}/dossier.pdf`, format: 'A4', printBackground: true });
		await page.emulateMedia({ media: 'screen' });
		const [dl] = await Promise.all([page.waitForEvent('download'), page.click('text=Download alles als ZIP')]);
		rmSync('/tmp/zip-look', { recursive: true, force: true }); mkdirSync('/tmp/zip-look');
		await dl.saveAs('/tmp/zip-look/portfolio.zip');
		execFileSync('unzip', ['-o', '-q', 'portfolio.zip'], { cwd: '/tmp/zip-look' });
		// Offline: a fresh context with every network request outside file:// refused.
		const off = await browser.newContext({ viewport: { width: 1280, height: 900 }, offline: true });
		const p2 = await off.newPage();
		await p2.goto('file:///tmp/zip-look/index.html');
		await p2.waitForLoadState('load');
		await p2.screenshot({ path: `${out}/zip-index-1280.png`, fullPage: true });
		await off.close();
	}
	await ctx.close();
	const m = await session('m.jansen', 'Mentor-2026', width);
	const { default: Database } = await import('better-sqlite3');
	const sid = new Database('./data/look.db').prepare("select id from user where username='sanne.devries'").get().id;
	const rid = new Database('./data/look.db').prepare("select id from reflection where title='Meeloopdag bij Kapsalon Knipwerk'").get().id;
	await m.page.goto(`${base}/mentor/students/${sid}/reflections/${rid}`); await m.page.waitForLoadState('networkidle');
	await m.page.screenshot({ path: `${out}/mentor-reflection-${width}.png`, fullPage: true });
	await m.page.goto(`${base}/mentor/students/${sid}/dossier`); await m.page.waitForLoadState('networkidle');
	await m.page.screenshot({ path: `${out}/mentor-dossier-${width}.png`, fullPage: true });
	await m.page.goto(base + '/mentor/feedback'); 
	await m.ctx.close();
	const c = await session('l.vandijk', 'Decaan-2026', width);
	await c.page.goto(base + '/coordinator/dossier'); await c.page.waitForLoadState('networkidle');
	await c.page.screenshot({ path: `${out}/coordinator-dossier-${width}.png`, fullPage: true });
	await c.ctx.close();
}
await browser.close();
console.log('done');
