// bench/results.json keeps the last run per scale; RESULTS.md shows them between its bench markers.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { budgetTable, checkBudgets, clientTable, pageTable, round, type RunResult } from '../budgets';

export interface Stored {
	runs: Record<string, RunResult>;
}

export function readStored(path: string): Stored {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Stored;
	} catch {
		return { runs: {} };
	}
}

function renderMarkdown(stored: Stored): string {
	const runs = Object.values(stored.runs).sort((a, b) => a.scale - b.scale);
	const base = stored.runs['1'];
	const parts: string[] = [];
	for (const run of runs) {
		const prev = run.scale > 1 ? base : undefined;
		const m = run.machine;
		parts.push(
			`### Scale ${run.scale} (${run.when})`,
			'',
			`Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGb} GB RAM, Node ${m.node}, ${m.os}. Shared with other jobs ` +
				`while it ran, so compare ratios within a run, not absolute figures.`,
			'',
			`Data: ${Object.entries(run.counts)
				.map(([k, v]) => `${v.toLocaleString('en')} ${k}`)
				.join(', ')} (generated in ${run.generateSeconds} s). ` +
				`Each page ${run.durationSeconds} s of autocannon in 2-second slices taken in turn with the other pages ` +
				`(so drifting background load hits every page alike); reads with 10 connections, autosave with 50 writers.`,
			'',
			pageTable(run, prev),
			'',
			`Mentor overview: ${run.mentorQueries.small} queries for ${run.mentorQueries.smallStudents} students, ` +
				`${run.mentorQueries.large} for ${run.mentorQueries.largeStudents}. Server RSS max ${round(run.rssMaxMb, 0)} MB.`,
			'',
			clientTable(run),
			'',
			run.lighthouse.length
				? `Lighthouse (mobile): ${run.lighthouse.map((l) => `${l.key} performance ${l.performance}, accessibility ${l.accessibility}`).join('; ')}.`
				: 'Lighthouse: not run.',
			'',
			budgetTable(checkBudgets(run, prev)),
			''
		);
	}
	return parts.join('\n');
}

export function writeMarkdown(path: string, stored: Stored): void {
	const start = '<!-- bench:start -->';
	const end = '<!-- bench:end -->';
	const generated = `${start}\n\n${renderMarkdown(stored)}\n${end}`;
	let md = existsSync(path) ? readFileSync(path, 'utf8') : `# Benchmark results\n\n${start}\n${end}\n`;
	if (!md.includes(start)) md += `\n${start}\n${end}\n`;
	md = md.slice(0, md.indexOf(start)) + generated + md.slice(md.indexOf(end) + end.length);
	writeFileSync(path, md);
}
