// Improvement actions of a round (PDCA): what, for which task, who (a staff member of the school, or a
// name for someone outside it), when, and how far. Unfinished ones move into the next round.
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '../db';
import * as core from '../db/schema';
import * as mx from '../db/schema-matrix';
import { schoolScope } from '../access';
import type { Viewer } from '../auth/viewer';
import { assertMatrix } from './lists';
import { listStaff } from './staff';
import { getRound } from './rounds';
import { roundLists } from './round-lists';
import { amsterdamToday } from '../programme/today';
import type { ActionStatus } from '../../matrix';
import { fullName } from '$lib/names';

const a = mx.matrixAction;

export interface ActionDto {
	id: number;
	taskId: number;
	title: string;
	/** The staff member's name, or the free-text owner. */
	owner: string;
	ownerUserId: number | null;
	ownerText: string;
	dueOn: string | null;
	status: ActionStatus;
	carried: boolean;
	/** Past its date (in Amsterdam) and not finished. */
	overdue: boolean;
}

export function listActions(viewer: Viewer, roundId: number): ActionDto[] {
	assertMatrix(viewer, 'matrix.read');
	const today = amsterdamToday();
	return getDb()
		.select({
			id: a.id,
			taskId: a.taskId,
			title: a.title,
			owner: a.owner,
			ownerUserId: a.ownerUserId,
			givenName: core.user.givenName,
			familyNamePrefix: core.user.familyNamePrefix,
			familyName: core.user.familyName,
			dueOn: a.dueOn,
			status: a.status,
			carriedFromId: a.carriedFromId
		})
		.from(a)
		.leftJoin(core.user, and(eq(core.user.id, a.ownerUserId), schoolScope(viewer, core.user.schoolId)))
		.where(and(eq(a.roundId, roundId), schoolScope(viewer, a.schoolId)))
		.orderBy(asc(a.dueOn), asc(a.id))
		.all()
		.map((x) => ({
			id: x.id,
			taskId: x.taskId,
			title: x.title,
			owner: x.familyName !== null ? fullName({ ...x, familyName: x.familyName }) : x.owner,
			ownerUserId: x.familyName !== null ? x.ownerUserId : null,
			ownerText: x.owner,
			dueOn: x.dueOn,
			status: x.status,
			carried: x.carriedFromId !== null,
			overdue: x.status !== 'klaar' && x.dueOn !== null && x.dueOn < today
		}));
}

export type ActionResult = 'ok' | 'notFound' | 'closed';
export interface ActionInput {
	taskId: number;
	title: string;
	owner: string;
	ownerUserId?: number | null;
	dueOn: string | null;
}

/** The round (open) and the input's task and owner checked against the school and the round. */
function check(viewer: Viewer, roundId: number, input: ActionInput): ActionResult {
	const round = getRound(viewer, roundId);
	if (!round || !roundLists(viewer, round).tasks.some((t) => t.id === input.taskId)) return 'notFound';
	if (input.ownerUserId != null && !listStaff(viewer).some((s) => s.id === input.ownerUserId))
		return 'notFound';
	return round.status === 'closed' ? 'closed' : 'ok';
}

// A staff member chosen: the free-text owner is not kept beside them.
const ownerOf = (input: ActionInput) =>
	input.ownerUserId != null ? { ...input, owner: '' } : { ...input, ownerUserId: null };

export function addAction(viewer: Viewer, roundId: number, input: ActionInput): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const checked = check(viewer, roundId, input);
	if (checked !== 'ok') return checked;
	getDb()
		.insert(a)
		.values({ ...ownerOf(input), schoolId: viewer.schoolId, roundId })
		.run();
	return 'ok';
}

const own = (viewer: Viewer, roundId: number, id: number) =>
	and(eq(a.id, id), eq(a.roundId, roundId), schoolScope(viewer, a.schoolId));

export function updateAction(viewer: Viewer, roundId: number, id: number, input: ActionInput): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const checked = check(viewer, roundId, input);
	if (checked !== 'ok') return checked;
	const changed = getDb()
		.update(a)
		.set(ownerOf(input))
		.where(own(viewer, roundId, id))
		.run().changes;
	return changed ? 'ok' : 'notFound';
}

export function deleteAction(viewer: Viewer, roundId: number, id: number): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	if (!round) return 'notFound';
	if (round.status === 'closed') return 'closed';
	return getDb()
		.delete(a)
		.where(own(viewer, roundId, id))
		.run().changes
		? 'ok'
		: 'notFound';
}

export function setActionStatus(
	viewer: Viewer,
	roundId: number,
	id: number,
	status: ActionStatus
): ActionResult {
	assertMatrix(viewer, 'matrix.edit');
	const round = getRound(viewer, roundId);
	if (!round) return 'notFound';
	if (round.status === 'closed') return 'closed';
	return getDb()
		.update(a)
		.set({ status })
		.where(own(viewer, roundId, id))
		.run().changes
		? 'ok'
		: 'notFound';
}
