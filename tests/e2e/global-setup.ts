// Builds the hostile suites' schools (hostile-world.ts) once, after the server started and before any test
// runs, and fills the xss school's forms through the server. The worlds go to WORLDS_FILE for the suites.
// The revocation suite's schools (revocation-world.ts) are built here too.
import { rmSync, writeFileSync } from 'node:fs';
import type { APIRequestContext, FullConfig } from '@playwright/test';
import { ROLES, clientAs, makeWorld, WORLDS_FILE, type Who } from './hostile';
import { postForms } from './xss-forms';
import { PAYLOADS } from './xss-payloads';
import { buildRevocationWorlds } from './revocation-setup';

export default async function globalSetup(config: FullConfig): Promise<void> {
	rmSync(WORLDS_FILE, { force: true });
	const baseURL = config.projects[0].use.baseURL!;
	const stamp = Date.now().toString(36);
	const csrf = makeWorld(`csrf${stamp}`);
	const fuzz = makeWorld(`fuzz${stamp}`);
	const xss = makeWorld(`xss${stamp}`, PAYLOADS);
	buildRevocationWorlds(`rv${stamp}`);
	const clients = new Map<Who, APIRequestContext>(
		await Promise.all(ROLES.map(async (who) => [who, await clientAs(xss, who, baseURL)] as const))
	);
	const formFields = await postForms(xss, (who) => clients.get(who)!, baseURL);
	for (const c of clients.values()) await c.dispose();
	writeFileSync(WORLDS_FILE, JSON.stringify({ csrf, fuzz, xss, formFields }));
}
