// Every form action row of the authorization matrix (authz.test.ts): one table per area of the route tree.
import { ACCOUNT_ACTIONS, SESSION_ACTIONS } from './actions-account';
import { ADMIN_ACTIONS } from './actions-admin';
import { DOSSIER_ACTIONS } from './actions-dossier';
import { MATRIX_ACTIONS } from './actions-matrix';
import { ROUND_ACTIONS } from './actions-matrix-rounds';
import { MENTOR_ACTIONS } from './actions-mentor';
import { NEW_REFLECTION_ACTIONS } from './actions-new-reflection';
import { PARENT_ACTIONS } from './actions-parent';
import { PROGRAMME_ACTIONS } from './actions-programme';
import { STUDENT_ACTIONS } from './actions-student';
import type { ActionCase } from './rows';

// In the order the suite has always posted them: the probes share one database and its sessions.
const TABLES = [
	ACCOUNT_ACTIONS,
	ADMIN_ACTIONS,
	MATRIX_ACTIONS,
	ROUND_ACTIONS,
	MENTOR_ACTIONS,
	PARENT_ACTIONS,
	STUDENT_ACTIONS,
	PROGRAMME_ACTIONS,
	NEW_REFLECTION_ACTIONS,
	DOSSIER_ACTIONS,
	SESSION_ACTIONS
];

export const ACTIONS: Record<string, ActionCase[]> = {};
for (const table of TABLES)
	for (const [key, cases] of Object.entries(table)) {
		// Spread together, the later table's rows would silently replace the earlier's.
		if (key in ACTIONS) throw new Error(`authz: ${key} has rows in two tables`);
		ACTIONS[key] = cases;
	}
