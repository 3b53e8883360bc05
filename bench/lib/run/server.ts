// The server under test: waiting for it, signing in, its memory and what it reports per request.
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem } from 'node:os';
import { BENCH_PASSWORD } from '../../generate';
import { parseServerTiming } from '../../../src/lib/server/db/timing';
import { round, type RunResult } from '../budgets';

export function machine(): RunResult['machine'] {
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		ramGb: round(totalmem() / 2 ** 30, 1),
		node: process.version,
		os: `${process.platform} ${release()}`
	};
}

export async function waitForServer(origin: string, child: ChildProcess): Promise<void> {
	for (let i = 0; i < 600; i++) {
		if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
		try {
			const res = await fetch(`${origin}/healthz`);
			if (res.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	throw new Error('server did not start');
}

export async function login(origin: string, username: string): Promise<string> {
	const res = await fetch(`${origin}/login`, {
		method: 'POST',
		redirect: 'manual',
		headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'text/html' },
		body: new URLSearchParams({ username, password: BENCH_PASSWORD, redirectTo: '' })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
	if (res.status !== 303 || !cookies.some((c) => c.startsWith('koers_session='))) {
		throw new Error(`login as ${username} failed: ${res.status}`);
	}
	return cookies.join('; ');
}

export function rssSampler(pid: number) {
	let max = 0;
	let now = 0;
	const read = () => {
		try {
			const status = readFileSync(`/proc/${pid}/status`, 'utf8');
			now = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
			max = Math.max(max, now);
		} catch {
			// the process is gone
		}
	};
	const timer = setInterval(read, 200);
	return {
		current: () => now,
		stop: () => {
			clearInterval(timer);
			read();
			return max;
		}
	};
}

/** Queries of one request, measured alone (for the mentor-overview budget: one group against four). */
export async function queriesOf(origin: string, path: string, cookie: string): Promise<number> {
	const res = await fetch(`${origin}${path}`, { headers: { Cookie: cookie } });
	await res.arrayBuffer();
	if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
	return parseServerTiming(res.headers.get('server-timing'))?.queries ?? -1;
}
